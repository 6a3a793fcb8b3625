// A stack of the chaos workload through the native plugin, driven as its users drive it: the plain
// `pulumi` CLI in a YAML project directory (the program from chaos-yaml.mjs), the YAML language
// host and our plugin (bin/pulumi-resource-huaweicloud-ccm, an ambient plugin) on PATH, a file://
// backend named in Pulumi.yaml and a PULUMI_HOME in a temporary directory. It offers what
// bench/lib/chaos.mjs uses of BenchStack: run(ops), spawnSpec(ops), the directories, dispose().
import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { chaosYamlProgram } from "./chaos-yaml.mjs";
import { repoRoot } from "./runner.mjs";

const execFileAsync = promisify(execFile);

/** The CLI arguments of each operation the chaos runs use (the runner's op names). */
const OPERATIONS = {
  up: ["up", "--yes", "--skip-preview"],
  destroy: ["destroy", "--yes", "--skip-preview"],
  refresh: ["refresh", "--yes", "--skip-preview"],
  "refresh-clear-pending-creates": ["refresh", "--clear-pending-creates", "--yes", "--skip-preview"],
  cancel: ["cancel", "--yes"],
  export: ["stack", "export"],
};

let yamlHostDirCache;
/** The directory of pulumi-language-yaml (scripts/yaml-host.sh finds or builds it, once). */
export function yamlHostDir() {
  yamlHostDirCache ??= execFileSync("bash", [path.join(repoRoot, "scripts/yaml-host.sh")], {
    encoding: "utf8",
  }).trim();
  return yamlHostDirCache;
}

export class PluginStack {
  /**
   * @param {{ pairs: number, label: string, config: Record<string, string>, secrets: Record<string, string> }} options
   */
  constructor({ pairs, label, config, secrets }) {
    this.stackName = label;
    this.projectName = `ccm-chaos-yaml-${label}`;
    this.stateDir = mkdtempSync(path.join(tmpdir(), `ccm-plugin-${label}-`));
    this.workspaceDir = path.join(this.stateDir, "project");
    this.homeDir = path.join(this.stateDir, "home");
    const backend = path.join(this.stateDir, "backend");
    /** Where the file backend keeps checkpoints (`.pulumi/stacks/<project>/<stack>.json`). */
    this.backendDir = path.join(backend, ".pulumi");
    for (const dir of [this.workspaceDir, this.homeDir, backend]) mkdirSync(dir, { recursive: true });
    const program = chaosYamlProgram({ pairs, label, projectName: this.projectName });
    // The backend in Pulumi.yaml: a plain `pulumi` in the directory (ccm-orphans runs one) finds it.
    const backendLine = `backend:\n  url: ${JSON.stringify(pathToFileURL(backend).href)}\n`;
    writeFileSync(path.join(this.workspaceDir, "Pulumi.yaml"), `${program}${backendLine}`);
    this.config = config;
    this.secrets = secrets;
    this.initialised = undefined;
  }

  env() {
    const pulumiBin = path.join(process.env.CCM_PULUMI_ROOT ?? "", "bin");
    return {
      ...process.env,
      PATH: [path.join(repoRoot, "bin"), yamlHostDir(), pulumiBin, process.env.PATH].join(path.delimiter),
      PULUMI_HOME: this.homeDir,
      PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "ccm-local-passphrase",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    };
  }

  /** `pulumi <args>` in the project; throws with the tail of the CLI's output when it fails. */
  async pulumi(args) {
    try {
      const { stdout } = await execFileAsync("pulumi", args, {
        cwd: this.workspaceDir,
        env: this.env(),
        maxBuffer: 512 * 1024 * 1024,
      });
      return stdout;
    } catch (error) {
      const output = `${error.stdout ?? ""}\n${error.stderr ?? error.message}`;
      throw new Error(`${this.projectName}: pulumi ${args.join(" ")} failed:\n${output.slice(-4000)}`);
    }
  }

  /** `stack init` and the config, once, before the first operation. */
  init() {
    this.initialised ??= (async () => {
      await this.pulumi(["stack", "init", this.stackName, "--non-interactive"]);
      for (const [k, v] of Object.entries(this.config)) await this.pulumi(["config", "set", k, v]);
      for (const [k, v] of Object.entries(this.secrets)) await this.pulumi(["config", "set", "--secret", k, v]);
    })();
    return this.initialised;
  }

  /** Runs the operations in turn; returns `{ export }` after an export, as the runner's --json does. */
  async run(ops) {
    await this.init();
    const result = {};
    for (const op of ops) {
      const stdout = await this.pulumi([...this.operation(op), "--stack", this.stackName]);
      if (op === "export") result.export = JSON.parse(stdout);
    }
    return result;
  }

  /** The process that runs one operation, for callers that signal it (the CLI itself, no wrapper). */
  async spawnSpec(ops) {
    await this.init();
    const [op, ...rest] = ops;
    if (rest.length > 0) throw new Error("spawnSpec takes one operation");
    const args = [...this.operation(op), "--stack", this.stackName];
    return { file: "pulumi", args, env: this.env(), cwd: this.workspaceDir };
  }

  operation(op) {
    const args = OPERATIONS[op];
    if (!args) throw new Error(`unknown operation ${op}`);
    return args;
  }

  dispose() {
    rmSync(this.stateDir, { recursive: true, force: true });
  }
}
