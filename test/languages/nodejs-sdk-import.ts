// `pulumi import` into a stack that scripts/pulumi-stack.mjs runs (test/harness/stack.ts), which has
// no import operation: the plain CLI, with the stack's PULUMI_HOME, backend, passphrase and stack
// config (Pulumi.<stack>.yaml, whose encryption salt decrypts the provider's secret config).
import { execFile } from "node:child_process";
import { accessSync, constants, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { requirePulumiRoot, type TestStack } from "../harness/stack.js";
import { repoRoot } from "./cli.js";
import { yamlHostDir } from "./hosts.js";

const execFileAsync = promisify(execFile);

function hostOnPath(name: string): boolean {
  return (process.env.PATH ?? "").split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Whether a TypeScript program can run as users run it: `pulumi up` through the Node language host. */
export const NODE_HOST_ON_PATH = hostOnPath("pulumi-language-nodejs");

/**
 * Imports `id` as `type`/`name`. With the Node host on PATH, in the stack's program directory as a
 * user would. Without it, in a copy of the inline stack's workspace that declares the YAML runtime:
 * GOTCHA: the CLI's `import` has no --client (v3.259.0), so the engine loads the project's language
 * host to list its packages even with --generate-code=false, and no Node host can be had here. The
 * program is not run by import, so the YAML host (built by scripts/yaml-host.sh) stands in, as in
 * the Go and Python tests.
 */
export async function importIntoRunnerStack(stack: TestStack, type: string, name: string, id: string): Promise<string> {
  const workspace = path.join(stack.stateDir, NODE_HOST_ON_PATH ? "program" : "workspace");
  const scratch = mkdtempSync(path.join(stack.stateDir, "import-"));
  const backend = `file://${path.join(stack.stateDir, "backend")}`;
  try {
    let cwd = workspace;
    if (!NODE_HOST_ON_PATH) {
      cpSync(workspace, scratch, { recursive: true });
      const project = path.join(scratch, "Pulumi.yaml");
      const projectName = /^name: *(\S+)/m.exec(readFileSync(project, "utf8"))?.[1];
      writeFileSync(project, `name: ${projectName}\nruntime: yaml\nbackend:\n  url: ${backend}\n`);
      cwd = scratch;
    }
    const env = {
      ...process.env,
      PATH: [path.join(repoRoot, "bin"), path.join(requirePulumiRoot(), "bin"), yamlHostDir(), process.env.PATH].join(
        path.delimiter,
      ),
      PULUMI_HOME: path.join(stack.stateDir, "home"),
      PULUMI_BACKEND_URL: backend,
      PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "ccm-local-passphrase",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    };
    const args = ["import", type, name, id, "--stack", "test", "--yes", "--protect=false", "--generate-code=false"];
    try {
      const { stdout } = await execFileAsync("pulumi", args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
      return stdout;
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      throw new Error(`pulumi ${args.join(" ")} failed:\n${stdout ?? ""}\n${stderr ?? ""}`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
