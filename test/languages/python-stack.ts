// A Python program's stack for the language tests: the venv scripts/python-env.sh makes (pulumi from
// PyPI at the CLI's version, the SDK pip-installed from sdk/python, mypy), and the steps of
// test/languages/python/stack.py run in it, one process per step, against a file:// backend in a
// temporary directory. Inline through the Automation API unless the Python language host is on
// PATH: then the CLI runs the program in its directory, as a user's `pulumi up` does.
import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { onPath } from "../../bench/lib/on-path.mjs";
import type { TestEmulator } from "../harness/emulator.js";
import { requirePulumiRoot, type StackExport } from "../harness/stack.js";
import { repoRoot } from "./cli.js";
import { yamlHostDir } from "./hosts.js";

const execFileAsync = promisify(execFile);
const driver = path.join(repoRoot, "test/languages/python/stack.py");
export const quickstart = path.join(repoRoot, "examples/python-quickstart/__main__.py");
export const takenOver = path.join(repoRoot, "test/languages/python/taken_over.py");

/** The venv's bin dir (python, mypy), made once per SDK and Pulumi version, cached outside the repo. */
export function pythonBinDir(): string {
  return execFileSync("bash", [path.join(repoRoot, "scripts/python-env.sh")], { encoding: "utf8" }).trim();
}

/** Which way the program runs: the user's `pulumi up` needs pulumi-language-python on PATH. */
export const PYTHON_PATH = onPath("pulumi-language-python")
  ? "pulumi-language-python on PATH: the CLI in the program's directory"
  : "no pulumi-language-python here: Automation API, inline program (runpy of __main__.py)";

export interface StepResult {
  changes: Record<string, number>;
  outputs?: Record<string, { value: unknown; secret: boolean }>;
}

export class PythonStack {
  readonly root = mkdtempSync(path.join(tmpdir(), "ccm-python-"));
  private readonly env: NodeJS.ProcessEnv;

  constructor(
    private readonly binDir: string,
    emulator: TestEmulator,
  ) {
    const { config, secrets } = emulator.stackConfig();
    for (const dir of ["state", "home", "work"]) mkdirSync(path.join(this.root, dir));
    this.env = {
      ...process.env,
      // The plugin, the CLI, the YAML host (for the inline import, see stack.py) and the venv.
      PATH: [
        path.join(repoRoot, "bin"),
        path.join(requirePulumiRoot(), "bin"),
        yamlHostDir(),
        binDir,
        process.env.PATH,
      ].join(path.delimiter),
      CCM_PULUMI_ROOT: requirePulumiRoot(),
      CCM_STATE_DIR: path.join(this.root, "state"),
      CCM_WORK_DIR: path.join(this.root, "work"),
      CCM_PROGRAM: quickstart,
      CCM_QUICKSTART: quickstart,
      ...(onPath("pulumi-language-python") ? { CCM_IN_DIRECTORY: "1" } : {}),
      PULUMI_HOME: path.join(this.root, "home"),
      PULUMI_CONFIG_PASSPHRASE: "test-passphrase",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      CCM_CONFIG: JSON.stringify(config),
      CCM_SECRETS: JSON.stringify(secrets),
    };
  }

  /** One step of stack.py; throws with everything Python and the CLI printed when it fails. */
  async step(args: string[], extra: NodeJS.ProcessEnv = {}): Promise<StepResult> {
    try {
      const python = path.join(this.binDir, "python");
      const options = { env: { ...this.env, ...extra }, maxBuffer: 64 * 1024 * 1024 };
      const { stdout } = await execFileAsync(python, [driver, ...args], options);
      return JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as StepResult;
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      throw new Error(`python stack.py ${args.join(" ")} failed:\n${stdout ?? ""}\n${stderr ?? ""}`);
    }
  }

  /** `pulumi stack export` as a user runs it: secrets stay ciphertext. */
  async exportState(): Promise<StackExport> {
    const { stdout } = await execFileAsync(
      "pulumi",
      ["stack", "export", "--stack", "organization/ccm-python-quickstart/test"],
      {
        env: { ...this.env, PULUMI_BACKEND_URL: `file://${path.join(this.root, "state")}` },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    return JSON.parse(stdout) as StackExport;
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
