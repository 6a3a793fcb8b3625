// The emulator harness's child-process option: the real `ccm-emulator` command. Compiles emulator/
// with tsc into a scratch directory inside node_modules/.cache (so the compiled files still resolve
// the project's dependencies), spawns `node cli.js`, and reads the URL it prints; the Child's
// `emulator` is the TestEmulator (emulator.ts) for that URL.

import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { TestEmulator } from "./emulator.js";

const ROOT = resolve(import.meta.dirname, "../..");

/** Compiles emulator/ (only) and returns the path of the compiled cli.js. */
export function buildCli(): string {
  const cache = join(ROOT, "node_modules", ".cache");
  mkdirSync(cache, { recursive: true });
  const out = mkdtempSync(join(cache, "ccm-emulator-test-"));
  const config = join(out, "tsconfig.json");
  writeFileSync(
    config,
    JSON.stringify({
      extends: join(ROOT, "tsconfig.json"),
      compilerOptions: { noEmit: false, outDir: out, rootDir: ROOT, declaration: false, sourceMap: false },
      include: [join(ROOT, "emulator")],
    }),
  );
  execFileSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", config], {
    stdio: "pipe",
  });
  return join(out, "emulator", "cli.js");
}

export interface Child {
  process: ChildProcess;
  url: string;
  /** The harness for the child's emulator (control plane, clients); ending the child ends it. */
  emulator: TestEmulator;
  stdout: () => string;
  /** What the process wrote to stderr so far. */
  stderr: () => string;
  /** Resolves with the exit code (or signal name) once the process has ended. */
  exited: Promise<number | string>;
}

/** Spawns the CLI and waits for its "listening on <url>" line. */
export function spawnCli(cli: string, args: string[], env: Record<string, string> = {}): Promise<Child> {
  const child = spawn(process.execPath, [cli, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  const exited = new Promise<number | string>((done) => {
    child.on("exit", (code, signal) => done(code ?? signal ?? "unknown"));
  });
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`ccm-emulator did not start: ${out}${err}`)), 30_000);
    child.stderr.on("data", (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        const url = match[1]!;
        resolvePromise({
          process: child,
          url,
          emulator: TestEmulator.at(url),
          stdout: () => out,
          stderr: () => err,
          exited,
        });
      }
    });
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`ccm-emulator exited (${code}) before listening: ${out}${err}`));
    });
  });
}

/** Runs the CLI to completion (for --help and argument errors). */
export function runCli(cli: string, args: string[], env: Record<string, string> = {}) {
  try {
    const stdout = execFileSync(process.execPath, [cli, ...args], {
      env: { ...process.env, ...env },
      encoding: "utf8",
      stdio: "pipe",
    });
    return { code: 0, stdout, stderr: "" };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { code: failed.status, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Removes what buildCli compiled. */
export function removeBuild(cli: string): void {
  rmSync(dirname(dirname(cli)), { recursive: true, force: true });
}

/**
 * For a test file of the real command: builds the CLI and makes a scratch directory (`dir`) before
 * its tests; after them kills every child `spawn` started and removes both. Read `cli` and `dir`
 * inside tests and hooks only: they are set by then.
 */
export function useBuiltCli(dirPrefix: string) {
  const children: Child[] = [];
  const files = {
    cli: "",
    dir: "",
    async spawn(args: string[], env: Record<string, string> = {}): Promise<Child> {
      const child = await spawnCli(files.cli, args, env);
      children.push(child);
      return child;
    },
  };
  beforeAll(() => {
    files.cli = buildCli();
    files.dir = mkdtempSync(join(tmpdir(), dirPrefix));
  });
  afterAll(() => {
    for (const child of children) child.process.kill("SIGKILL");
    removeBuild(files.cli);
    rmSync(files.dir, { recursive: true, force: true });
  });
  return files;
}
