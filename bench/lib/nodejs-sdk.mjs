// A user's TypeScript project on the generated Node.js SDK: the program's files copied into a
// temporary directory, the SDK as scripts/nodejs-sdk.sh builds it (compiled, its package.json at
// the package root) copied into node_modules/@pulumi-huaweicloud-ccm/sdk, as `npm install` of the
// published package puts it. @pulumi/pulumi and @types/node are links to this checkout's: Node
// resolves a link to its real path, so the program, the SDK and the Automation API runner
// (scripts/pulumi-stack.mjs) share one copy of @pulumi/pulumi, as they do in a user's project.
import { execFile, execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { onPath } from "./on-path.mjs";

const repoRoot = path.resolve(import.meta.dirname, "../..");

/** The built SDK package's directory (cached outside the repository by scripts/nodejs-sdk.sh). */
export function builtNodejsSdk() {
  return execFileSync("bash", [path.join(repoRoot, "scripts/nodejs-sdk.sh")], { encoding: "utf8" }).trim();
}

/**
 * @param {string} program  the program's directory (index.ts, Pulumi.yaml, package.json, tsconfig.json)
 * @returns {{ dir: string, dispose: () => void }}
 */
export function nodejsSdkProject(program) {
  const root = mkdtempSync(path.join(tmpdir(), "ccm-nodejs-sdk-"));
  const dir = path.join(root, path.basename(program));
  cpSync(program, dir, { recursive: true });
  const modules = path.join(dir, "node_modules");
  mkdirSync(path.join(modules, "@pulumi-huaweicloud-ccm"), { recursive: true });
  cpSync(builtNodejsSdk(), path.join(modules, "@pulumi-huaweicloud-ccm/sdk"), { recursive: true });
  for (const scope of ["@pulumi", "@types"])
    symlinkSync(path.join(repoRoot, "node_modules", scope), path.join(modules, scope), "dir");
  return { dir, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/** `tsc --noEmit` with the project's own tsconfig.json: the program's types against the SDK's declarations. */
export function typeCheck(dir) {
  const tsc = path.join(repoRoot, "node_modules/typescript/bin/tsc");
  return execFileSync(process.execPath, [tsc, "-p", dir], { encoding: "utf8" });
}

/** Whether a TypeScript program can run as users run it: `pulumi up` through the Node language host. */
export const NODE_HOST_ON_PATH = onPath("pulumi-language-nodejs") !== undefined;

/**
 * `pulumi import` into a stack scripts/pulumi-stack.mjs runs (it has no import operation): the plain
 * CLI with the stack's PULUMI_HOME, backend, passphrase and Pulumi.<stack>.yaml (whose salt decrypts
 * the provider's secret config). With the Node host on PATH, in the stack's program directory (the
 * runner's --in-directory copy), as a user would. Without it, in a copy of the inline workspace that
 * declares the YAML runtime. GOTCHA: the CLI's `import` has no --client (v3.259.0), so the engine
 * loads the project's language host to list its packages even with --generate-code=false; import
 * never runs the program, so the YAML host (scripts/yaml-host.sh) stands in, as in the Go and
 * Python tests. Resolves to the CLI's output; rejects with it.
 * @param {{ stateDir: string, stack: string, type: string, name: string, id: string, inDirectory?: boolean }} options
 */
export async function importIntoRunnerStack({ stateDir, stack, type, name, id, inDirectory = false }) {
  const backend = `file://${path.join(stateDir, "backend")}`;
  const scratch = mkdtempSync(path.join(stateDir, "import-"));
  let cwd = path.join(stateDir, "program");
  if (!inDirectory) {
    cpSync(path.join(stateDir, "workspace"), scratch, { recursive: true });
    const project = path.join(scratch, "Pulumi.yaml");
    const settings = readFileSync(project, "utf8");
    const projectName = /^name: *(\S+)/m.exec(settings)?.[1];
    writeFileSync(project, `name: ${projectName}\nruntime: yaml\nbackend:\n  url: ${backend}\n`);
    // The dynamic-provider host resolves @pulumi/pulumi from its working directory: give it the
    // node_modules the program's own resolve from (the inline workspace's `main`).
    const main = /^main: *(.+)$/m
      .exec(settings)?.[1]
      ?.trim()
      .replace(/^["']|["']$/g, "");
    if (main) symlinkSync(nearestNodeModules(main), path.join(scratch, "node_modules"), "dir");
    cwd = scratch;
  }
  const yamlHost = execFileSync("bash", [path.join(repoRoot, "scripts/yaml-host.sh")], { encoding: "utf8" }).trim();
  const pulumiBin = path.join(process.env.CCM_PULUMI_ROOT ?? "", "bin");
  const env = {
    ...process.env,
    PATH: [path.join(repoRoot, "bin"), pulumiBin, yamlHost, process.env.PATH].join(path.delimiter),
    PULUMI_HOME: path.join(stateDir, "home"),
    PULUMI_BACKEND_URL: backend,
    PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "ccm-local-passphrase",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
  };
  const args = ["import", type, name, id, "--stack", stack, "--yes", "--protect=false", "--generate-code=false"];
  try {
    const { stdout, stderr } = await promisify(execFile)(path.join(pulumiBin, "pulumi"), args, {
      cwd,
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
    return `${stdout}${stderr}`;
  } catch (error) {
    throw new Error(`pulumi ${args.join(" ")} failed:\n${error.stdout ?? ""}\n${error.stderr ?? error.message}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function nearestNodeModules(dir) {
  let candidate = dir;
  while (!existsSync(path.join(candidate, "node_modules")) && path.dirname(candidate) !== candidate) {
    candidate = path.dirname(candidate);
  }
  return path.join(candidate, "node_modules");
}
