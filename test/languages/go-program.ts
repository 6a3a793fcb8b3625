// The Go program of test/languages/go (the quickstart on the Go SDK, Automation API inline) built
// and run one step at a time for tests of the installed plugin. It builds either as committed (the
// SDK of sdk/go by its unreleased path) or as a user's module that requires a released Go SDK by
// its module path — resolved onto the release's unpacked Go SDK, as the module proxy would serve it.
import { execFile, execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { requirePulumiRoot } from "../harness/stack.js";
import { repoRoot } from "./cli.js";

const source = path.join(repoRoot, "test/languages/go");
const UNRELEASED_MODULE = "example.invalid/pulumi-huaweicloud-ccm/sdk/go/huaweicloudccm";

export interface ReleasedGoSdk {
  /** The module path the release named (--go-module). */
  module: string;
  version: string;
  /** The directory holding the module's go.mod (the release's Go SDK, unpacked). */
  dir: string;
}

export interface GoStepResult {
  changes: Record<string, number>;
  /** The engine's output of up and destroy (its diagnostics among it). */
  log?: string;
  outputs?: Record<string, { value: unknown; secret: boolean }>;
}

/** Builds the program into `work`/ccm-go-e2e; with `sdk`, as a module of its own requiring that SDK. */
export function buildGoProgram(work: string, sdk?: ReleasedGoSdk): string {
  const binary = path.join(work, "ccm-go-e2e");
  let dir = source;
  if (sdk) {
    dir = path.join(work, "program");
    mkdirSync(dir, { recursive: true });
    cpSync(path.join(source, "go.sum"), path.join(dir, "go.sum"));
    const main = readFileSync(path.join(source, "main.go"), "utf8");
    writeFileSync(path.join(dir, "main.go"), main.replaceAll(`"${UNRELEASED_MODULE}"`, `"${sdk.module}"`));
    const goMod = readFileSync(path.join(source, "go.mod"), "utf8")
      .replace(/^module .*$/m, "module example.com/ccm-user-program")
      .replaceAll(`${UNRELEASED_MODULE} v0.1.0`, `${sdk.module} v${sdk.version}`)
      .replace(/^replace example\.invalid\/.*$/m, `replace ${sdk.module} => ${sdk.dir}`);
    writeFileSync(path.join(dir, "go.mod"), goMod);
  }
  execFileSync("go", ["build", "-trimpath", "-tags", "osusergo,grpcnotrace", "-o", binary, "."], {
    cwd: dir,
    // Every other module comes from the module cache the committed program filled.
    env: { ...process.env, CGO_ENABLED: "0", ...(sdk ? { GOFLAGS: "-mod=mod", GOPROXY: "off" } : {}) },
    stdio: "inherit",
  });
  return binary;
}

/**
 * The environment of one step: state, home and work under `root` (made by the caller). By default
 * only the CLI on PATH (no node, no bin/), ambient plugins ignored; with `pathDirs`, those
 * directories before the caller's PATH, where the engine finds plugins and language hosts.
 */
export function goStepEnv(
  root: string,
  stackConfig: { config: object; secrets: object },
  pathDirs?: string[],
): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...(pathDirs
      ? { PATH: [...pathDirs, process.env.PATH].join(path.delimiter) }
      : { PATH: path.join(requirePulumiRoot(), "bin"), PULUMI_IGNORE_AMBIENT_PLUGINS: "true" }),
    CCM_PULUMI_ROOT: requirePulumiRoot(),
    CCM_STATE_DIR: path.join(root, "state"),
    CCM_WORK_DIR: path.join(root, "work"),
    PULUMI_HOME: path.join(root, "home"),
    PULUMI_CONFIG_PASSPHRASE: "test-passphrase",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    CCM_CONFIG: JSON.stringify(stackConfig.config),
    CCM_SECRETS: JSON.stringify(stackConfig.secrets),
  };
}

export async function goStep(binary: string, env: NodeJS.ProcessEnv, step: string): Promise<GoStepResult> {
  try {
    const { stdout } = await promisify(execFile)(binary, [step], { env, maxBuffer: 64 * 1024 * 1024 });
    return JSON.parse(stdout) as GoStepResult;
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`ccm-go-e2e ${step} failed:\n${stdout ?? ""}\n${stderr ?? ""}`);
  }
}
