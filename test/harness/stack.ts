// The e2e harness: runs a Pulumi program from test/ or examples/ through the real Pulumi CLI, driven
// by one runner process per stack (scripts/pulumi-stack.mjs --serve), against a file:// backend in
// a temporary directory with the passphrase secrets provider. Nothing here touches ~/.pulumi.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { type RunnerAnswer, type RunnerCommand, RunnerSession } from "./runner-session.js";

const execFileAsync = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, "../..");
const runner = path.join(repoRoot, "scripts/pulumi-stack.mjs");

export type ResourceChanges = Record<string, number>;

export interface OutputValue {
  value: unknown;
  secret: boolean;
}

export interface StackResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

export interface StackExport {
  version: number;
  deployment: { resources?: StackResource[] } & Record<string, unknown>;
}

export interface TestStackOptions {
  /** Program directory, relative to the repository root (e.g. "examples/basic"). */
  program: string;
  stack?: string;
  /** Stack config: plain values, and values stored as secrets. */
  config?: Record<string, string>;
  secrets?: Record<string, string>;
  /** Extra environment for the CLI, the program and the dynamic-provider host. */
  env?: Record<string, string>;
  /** A backend URL (`pulumi login` form, e.g. postgres://…) instead of a file:// one in stateDir. */
  backend?: string;
  /** The program file, relative to `program` (default index.ts; a compiled .js loads with require). */
  entry?: string;
  /**
   * A copy of scripts/pulumi-stack.mjs to run instead of the repository's: placed in a user's
   * project, it loads the Automation API (and so the SDK) from that project's node_modules.
   */
  runner?: string;
  /**
   * The user's path instead of the inline one: the CLI in (a copy of) the program's directory,
   * through the Node language host, which must be on PATH (scripts/pulumi-stack.mjs --in-directory).
   */
  inDirectory?: boolean;
}

export interface RunResult {
  stdout: string;
  stderr: string;
}

/** Fails loudly (never skips) when the toolchain is missing: the engine is the judge. */
export function requirePulumiRoot(): string {
  const root = process.env.CCM_PULUMI_ROOT;
  if (!root) {
    throw new Error(
      "CCM_PULUMI_ROOT is not set: run the tests with `npm test` (scripts/with-toolchain.sh provides the Pulumi CLI)",
    );
  }
  return root;
}

export async function pulumiVersion(): Promise<string> {
  const { stdout } = await execFileAsync(path.join(requirePulumiRoot(), "bin/pulumi"), ["version"], {
    env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" },
  });
  return stdout.trim();
}

export class TestStack {
  readonly stateDir: string;
  /** What the CLI printed during the last successful run (the engine's event log and diagnostics). */
  lastLog = "";
  private configPassed = false;
  private runner?: RunnerSession;

  constructor(private readonly options: TestStackOptions) {
    requirePulumiRoot();
    this.stateDir = mkdtempSync(path.join(tmpdir(), "ccm-e2e-"));
  }

  /** Runs operations, one after another; returns the runner's JSON results keyed by operation. */
  async run(ops: string[], env: Record<string, string> = {}): Promise<Record<string, unknown>> {
    const config = this.configPassed ? {} : { config: this.options.config, secrets: this.options.secrets };
    const command = { ops, env: { ...this.options.env, ...env }, ...config };
    // An operation started while another runs is a second terminal on the same checkout.
    const answer = this.runner?.busy ? await this.secondSession(command) : await this.session().request(command);
    if (answer.error !== undefined) throw new PulumiRunError(ops, "", `${answer.log}${answer.error}`);
    this.configPassed = true;
    this.lastLog = answer.log;
    return answer.results ?? {};
  }

  /**
   * The stack's runner (scripts/pulumi-stack.mjs --serve), started with the first operation: one
   * process for the stack's life, as a program driving the Automation API has. The engine still
   * starts the CLI, and the dynamic-provider host, afresh for every operation.
   */
  private session(): RunnerSession {
    this.runner ??= this.startSession();
    return this.runner;
  }

  private async secondSession(command: RunnerCommand): Promise<RunnerAnswer> {
    const session = this.startSession();
    try {
      return await session.request(command);
    } finally {
      await session.close();
    }
  }

  private startSession(): RunnerSession {
    const args = [this.options.runner ?? runner, "--serve", "--program", path.resolve(repoRoot, this.options.program)];
    args.push("--json", "--state", this.stateDir, "--stack", this.options.stack ?? "test");
    if (this.options.backend) args.push("--backend", this.options.backend);
    if (this.options.entry) args.push("--entry", this.options.entry);
    if (this.options.inDirectory) args.push("--in-directory");
    return new RunnerSession(process.execPath, args, { cwd: repoRoot, env: { ...process.env, ...this.options.env } });
  }

  /** Ends the stack's runner; the next operation starts another. */
  async close(): Promise<void> {
    const session = this.runner;
    this.runner = undefined;
    await session?.close();
  }

  /** Sets (or replaces) environment variables for every operation from the next one on. */
  setEnv(env: Record<string, string>): void {
    this.options.env = { ...this.options.env, ...env };
  }

  /** Sets (or replaces) config values; they apply from the next operation on. */
  setConfig(config: Record<string, string>, secrets: Record<string, string> = {}): void {
    this.options.config = { ...this.options.config, ...config };
    this.options.secrets = { ...this.options.secrets, ...secrets };
    this.configPassed = false;
  }

  async up(env?: Record<string, string>): Promise<{ outputs: Record<string, OutputValue>; changes: ResourceChanges }> {
    return (await this.run(["up"], env)).up as { outputs: Record<string, OutputValue>; changes: ResourceChanges };
  }

  async preview(env?: Record<string, string>): Promise<ResourceChanges> {
    return ((await this.run(["preview"], env)).preview as { changes: ResourceChanges }).changes;
  }

  /** The message of a preview that must fail (check refusing bad input); fails the test otherwise. */
  async previewFailure(): Promise<string> {
    const outcome = await this.preview().then(
      (changes) => ({ changes }),
      (error: Error) => ({ error }),
    );
    if (!("error" in outcome))
      throw new Error(`the preview should have failed, but planned ${JSON.stringify(outcome.changes)}`);
    return outcome.error.message;
  }

  /** `pulumi preview --expect-no-changes`: fails if anything would change. */
  async previewNoChanges(env?: Record<string, string>): Promise<ResourceChanges> {
    const r = await this.run(["preview-no-changes"], env);
    return (r["preview-no-changes"] as { changes: ResourceChanges }).changes;
  }

  async refresh(env?: Record<string, string>): Promise<ResourceChanges> {
    return ((await this.run(["refresh"], env)).refresh as { changes: ResourceChanges }).changes;
  }

  async destroy(env?: Record<string, string>): Promise<ResourceChanges> {
    return ((await this.run(["destroy"], env)).destroy as { changes: ResourceChanges }).changes;
  }

  /** `pulumi stack export` as the plain CLI prints it: secrets stay ciphertext. */
  async exportState(): Promise<StackExport> {
    return (await this.run(["export"])).export as StackExport;
  }

  /** `pulumi stack output` text, where secret outputs print as [secret]. */
  async outputText(): Promise<string> {
    return (await this.run(["output"])).output as string;
  }

  async outputs(): Promise<Record<string, OutputValue>> {
    return (await this.run(["outputs"])).outputs as Record<string, OutputValue>;
  }

  /** Ends the runner and removes the temporary state, with no destroy: for a stack holding nothing. */
  async discard(): Promise<void> {
    await this.close();
    rmSync(this.stateDir, { recursive: true, force: true });
  }

  /** Destroys whatever is left, removes the stack and its temporary state. */
  async dispose(): Promise<void> {
    try {
      await this.run(["destroy", "rm"]);
    } finally {
      await this.close();
      rmSync(this.stateDir, { recursive: true, force: true });
    }
  }
}

export class PulumiRunError extends Error {
  constructor(
    readonly ops: string[],
    readonly stdout: string,
    readonly stderr: string,
  ) {
    super(`pulumi ${ops.join(" ")} failed:\n${stderr}`);
    this.name = "PulumiRunError";
  }
}

export function resourcesOfType(state: StackExport, type: string): StackResource[] {
  return (state.deployment.resources ?? []).filter((r) => r.type === type);
}

/** A string output's value; fails the test (rather than crash later) when it is missing. */
export function outputString(outputs: Record<string, OutputValue>, key: string): string {
  const value = outputs[key]?.value;
  if (typeof value !== "string") throw new Error(`output ${key} is ${JSON.stringify(value)}, not a string`);
  return value;
}
