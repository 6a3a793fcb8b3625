// The plugin as a user of YAML, Go or Python gets it: an archive built by scripts/plugin-archive.mjs
// (a Node single executable application), installed into a PULUMI_HOME with
// `pulumi plugin install resource huaweicloud-ccm <version> --file <archive>`. Reusable by every
// language's test: build once per file (beforeAll), install into each test's own PULUMI_HOME.
import { execFile, execFileSync } from "node:child_process";
import { copyFileSync, linkSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { EmulatorStackConfig } from "../harness/emulator.js";
import { requirePulumiRoot } from "../harness/stack.js";
import { CliProject, repoRoot } from "./cli.js";
import { yamlHostDir } from "./hosts.js";

export const PLUGIN_PACKAGE = "huaweicloud-ccm";
/** The engine's warning when it runs a plugin found on PATH instead of its plugin cache. */
export const AMBIENT_PLUGIN_WARNING = /using pulumi-resource-huaweicloud-ccm from \$PATH/;

export interface PluginArchive {
  target: string;
  archive: string;
  version: string;
  bytes: number;
  sha256: string;
  /** The Node version the executable embeds. */
  nodeVersion?: string;
}

/**
 * Builds an archive (as the release does) into a temporary directory: linux-amd64 unless `target`
 * says otherwise, on the toolchain's Node unless `nodeVersion` (CCM_NODE_VERSION) says otherwise.
 */
export function buildPluginArchive(
  version = packageVersion(),
  { target = "linux-amd64", nodeVersion }: { target?: string; nodeVersion?: string } = {},
): PluginArchive {
  const out = mkdtempSync(path.join(tmpdir(), "ccm-plugin-archive-"));
  const stdout = execFileSync(
    process.execPath,
    [path.join(repoRoot, "scripts/plugin-archive.mjs"), "--version", version, "--targets", target, "--out", out],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      env: nodeVersion ? { ...process.env, CCM_NODE_VERSION: nodeVersion } : process.env,
    },
  );
  const built = JSON.parse(stdout.trim()) as Omit<PluginArchive, "version">;
  return { ...built, version };
}

export function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { version: string }).version;
}

/** What `pulumi plugin ls --json` says of an installed plugin. */
interface InstalledPlugin {
  name: string;
  kind: string;
  version: string;
  size: number;
}

/**
 * `pulumi plugin install resource huaweicloud-ccm <version> --file <archive>` into `pulumiHome`, with
 * only the CLI on PATH; resolves to the plugin as `pulumi plugin ls` then lists it.
 */
export async function installPluginArchive(pulumiHome: string, plugin: PluginArchive): Promise<InstalledPlugin> {
  return installPlugin(pulumiHome, "resource", PLUGIN_PACKAGE, plugin.version, plugin.archive);
}

/**
 * Runs `body` on a YAML project from `source` as a user of the archive has it: a fresh Pulumi
 * install (the CLI and the YAML host: no node, no bin/) and `plugin` installed into the project's
 * PULUMI_HOME, the only huaweicloud-ccm plugin there; its stack pointed at `emulator`, with `config`
 * besides. Removes the project and the install afterwards.
 */
export async function onInstalledPlugin(
  source: string,
  plugin: PluginArchive,
  emulator: { stackConfig(): EmulatorStackConfig },
  config: Record<string, string>,
  body: (project: CliProject, installed: InstalledPlugin) => Promise<void>,
): Promise<void> {
  const install = pulumiInstall([yamlHostDir()]);
  const project = new CliProject({ source, path: [install], plugin: "installed" });
  try {
    const installed = await installPluginArchive(String(project.env().PULUMI_HOME), plugin);
    const stack = emulator.stackConfig();
    await project.init({ ...stack.config, ...config }, stack.secrets);
    await body(project, installed);
  } finally {
    project.dispose();
    rmSync(install, { recursive: true, force: true });
  }
}

/**
 * A Pulumi install laid out as Pulumi's releases are: the CLI with the language hosts beside it (from
 * `hostDirs`, e.g. yamlHostDir()), where the engine finds these bundled plugins even when ambient
 * plugins are ignored (they cannot be installed into the plugin cache). Our CLI and hosts are built
 * apart, so they are linked (or copied) into one temporary directory; put it first on PATH.
 */
export function pulumiInstall(hostDirs: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), "ccm-pulumi-install-"));
  const cli = path.join(requirePulumiRoot(), "bin/pulumi");
  const hosts = hostDirs.flatMap((hostDir) =>
    readdirSync(hostDir)
      .filter((name) => name.startsWith("pulumi-language-"))
      .map((name) => path.join(hostDir, name)),
  );
  for (const file of [cli, ...hosts]) {
    const target = path.join(dir, path.basename(file));
    // GOTCHA: not a symlink — the engine looks beside the CLI's resolved path (os.Executable, EvalSymlinks).
    try {
      linkSync(file, target);
    } catch {
      copyFileSync(file, target);
    }
  }
  return dir;
}

async function installPlugin(
  pulumiHome: string,
  kind: string,
  name: string,
  version: string,
  file: string,
): Promise<InstalledPlugin> {
  const pulumi = path.join(requirePulumiRoot(), "bin/pulumi");
  const env = {
    PATH: path.dirname(pulumi),
    HOME: process.env.HOME,
    PULUMI_HOME: pulumiHome,
    PULUMI_SKIP_UPDATE_CHECK: "true",
  };
  const run = promisify(execFile);
  await run(pulumi, ["plugin", "install", kind, name, version, "--file", file], { env });
  const { stdout } = await run(pulumi, ["plugin", "ls", "--json"], { env });
  const found = (JSON.parse(stdout) as InstalledPlugin[]).find(
    (p) => p.kind === kind && p.name === name && p.version === version,
  );
  if (!found) throw new Error(`pulumi plugin ls does not list ${kind} ${name} ${version}:\n${stdout}`);
  return found;
}

// The directories of a PATH that hold an executable (to prove there is no node on it).
export { executablesOnPath } from "../../bench/lib/on-path.mjs";
