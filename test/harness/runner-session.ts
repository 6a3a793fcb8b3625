// One `scripts/pulumi-stack.mjs --serve` process for a test stack's whole life: commands go in as
// lines on its stdin, answers come back as lines on its stdout, one at a time, in order.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { createInterface } from "node:readline";

export interface RunnerCommand {
  ops: string[];
  /** Environment for these operations, on top of the one the session started with. */
  env: Record<string, string>;
  config?: Record<string, string>;
  secrets?: Record<string, string>;
}

export interface RunnerAnswer {
  results?: Record<string, unknown>;
  /** The error's stack, when an operation failed. */
  error?: string;
  /** What the engine printed while the command ran. */
  log: string;
}

export class RunnerSession {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly answers: ((answer: RunnerAnswer) => void)[] = [];
  private stderr = "";
  private exited = false;

  constructor(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
    this.child = spawn(command, args, { ...options, stdio: ["pipe", "pipe", "pipe"] });
    this.child.stderr.on("data", (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    createInterface({ input: this.child.stdout }).on("line", (line) => {
      this.answers.shift()?.(JSON.parse(line) as RunnerAnswer);
    });
    this.child.on("exit", (code, signal) => {
      this.exited = true;
      const lost = { error: `the runner exited (${signal ?? code}) mid-command:\n${this.stderr}`, log: "" };
      for (const answer of this.answers.splice(0)) answer(lost);
    });
    // An idle session must not keep a test worker alive: its end closes stdin, and the runner exits.
    this.child.unref();
  }

  /** Whether a command is running: a concurrent one (a second terminal) needs a session of its own. */
  get busy(): boolean {
    return this.answers.length > 0;
  }

  request(command: RunnerCommand): Promise<RunnerAnswer> {
    if (this.exited) return Promise.resolve({ error: `the runner has exited:\n${this.stderr}`, log: "" });
    return new Promise((resolve) => {
      this.answers.push(resolve);
      this.child.stdin.write(`${JSON.stringify(command)}\n`);
    });
  }

  /** Ends the session: the runner exits once stdin closes. */
  async close(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.stdin.end();
    await exited;
  }
}
