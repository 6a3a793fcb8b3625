// Drives the Pulumi CLI as a user of the native plugin would: `pulumi up` and friends in a project
// directory, a file:// backend and a PULUMI_HOME in a temporary directory, the passphrase secrets
// provider, and a PATH that holds our plugin (bin/pulumi-resource-huaweicloud-ccm, an ambient
// plugin to the engine) and the language host. Nothing is downloaded.
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { requirePulumiRoot, type StackExport } from "../harness/stack.js";

const execFileAsync = promisify(execFile);
export const repoRoot = path.resolve(import.meta.dirname, "../..");

export interface CliProjectOptions {
  /** Directory holding Pulumi.yaml, copied into a temporary directory. */
  source: string;
  /** Extra directories for PATH (the language host's). */
  path?: string[];
  env?: Record<string, string>;
  /**
   * Where the engine finds our plugin. "path" (the default): bin/ on PATH, an ambient plugin (the
   * engine warns). "installed": only the plugin cache of this PULUMI_HOME (installPluginArchive in
   * plugin-archive.ts), ambient plugins ignored, and a PATH of `path` and the CLI's directory alone —
   * no bin/, no node.
   */
  plugin?: "path" | "installed";
}

export class CliProject {
  readonly root = mkdtempSync(path.join(tmpdir(), "ccm-lang-"));
  readonly dir = path.join(this.root, "project");
  lastLog = "";

  constructor(private readonly options: CliProjectOptions) {
    cpSync(options.source, this.dir, { recursive: true });
    mkdirSync(path.join(this.root, "state"));
  }

  env(): NodeJS.ProcessEnv {
    const pulumiBin = path.join(requirePulumiRoot(), "bin");
    const installed = this.options.plugin === "installed";
    const searchPath = installed
      ? [...(this.options.path ?? []), pulumiBin]
      : [path.join(repoRoot, "bin"), ...(this.options.path ?? []), pulumiBin, process.env.PATH];
    return {
      ...process.env,
      PATH: searchPath.join(path.delimiter),
      ...(installed ? { PULUMI_IGNORE_AMBIENT_PLUGINS: "true" } : {}),
      PULUMI_HOME: path.join(this.root, "home"),
      PULUMI_BACKEND_URL: `file://${path.join(this.root, "state")}`,
      PULUMI_CONFIG_PASSPHRASE: "test-passphrase",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      ...this.options.env,
    };
  }

  /** Runs `pulumi <args>` in the project; throws with the CLI's output when it fails. */
  async pulumi(...args: string[]): Promise<string> {
    try {
      const { stdout, stderr } = await execFileAsync("pulumi", args, {
        cwd: this.dir,
        env: this.env(),
        maxBuffer: 64 * 1024 * 1024,
      });
      this.lastLog = `${stdout}${stderr}`;
      return stdout;
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      throw new Error(`pulumi ${args.join(" ")} failed:\n${stdout ?? ""}\n${stderr ?? ""}`);
    }
  }

  async init(config: Record<string, string>, secrets: Record<string, string>): Promise<void> {
    await this.pulumi("stack", "init", "test", "--non-interactive");
    for (const [key, value] of Object.entries(config)) await this.pulumi("config", "set", key, value);
    for (const [key, value] of Object.entries(secrets)) await this.pulumi("config", "set", "--secret", key, value);
  }

  /** Stack outputs: plain values, secrets revealed (callers compare with what state holds). */
  async outputs(): Promise<Record<string, unknown>> {
    return JSON.parse(await this.pulumi("stack", "output", "--json", "--show-secrets")) as Record<string, unknown>;
  }

  async exportState(): Promise<StackExport> {
    return JSON.parse(await this.pulumi("stack", "export")) as StackExport;
  }

  /** The change summary of a `--json` preview (e.g. { same: 6 }). */
  async preview(...args: string[]): Promise<Record<string, number>> {
    const out = JSON.parse(await this.pulumi("preview", "--json", ...args)) as {
      changeSummary?: Record<string, number>;
    };
    return out.changeSummary ?? {};
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
