// Runs the real tools (openssl, keytool) the PKI tests check our output with, on files in a
// temporary directory. Never throws on a non-zero exit: tests assert on the exit code.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";

export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], cwd: string): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      command,
      args,
      { cwd, maxBuffer: 16 * 1024 * 1024, timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error?.killed) return reject(new Error(`${command} ${args[0]} timed out`));
        if (error && typeof error.code !== "number") return reject(error); // the tool could not start
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
    // A tool that wants to prompt (keytool asking for a key password) reads EOF instead of hanging.
    child.stdin?.end();
  });
}

export const openssl = (cwd: string, ...args: string[]): Promise<ToolResult> => run("openssl", args, cwd);

/** `openssl verify -x509_strict` of `leaf` against the trusted `caFile`, through `untrusted` if given. */
export function opensslVerify(cwd: string, caFile: string, leaf: string, untrusted?: string): Promise<ToolResult> {
  const intermediates = untrusted === undefined ? [] : ["-untrusted", untrusted];
  return openssl(cwd, "verify", "-x509_strict", "-CAfile", caFile, ...intermediates, leaf);
}

/** keytool with English messages whatever the machine's locale. */
export const keytool = (cwd: string, ...args: string[]): Promise<ToolResult> =>
  run("keytool", ["-J-Duser.language=en", "-J-Duser.country=US", ...args], cwd);

export interface Workdir {
  dir: string;
  write(name: string, content: string | Uint8Array): Promise<string>;
  remove(): Promise<void>;
}

export async function makeWorkdir(): Promise<Workdir> {
  const dir = await mkdtemp(join(tmpdir(), "ccm-pki-test-"));
  return {
    dir,
    async write(name, content) {
      await writeFile(join(dir, name), content);
      return name;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A test file's Workdir: made in beforeAll, removed in afterAll; use it in tests and hooks. */
export function useWorkdir(): Workdir {
  let current: Workdir | undefined;
  beforeAll(async () => {
    current = await makeWorkdir();
  });
  afterAll(() => current?.remove());
  const made = (): Workdir => {
    if (!current) throw new Error("the Workdir exists from the file's beforeAll to its afterAll");
    return current;
  };
  return {
    get dir() {
      return made().dir;
    },
    write: (name, content) => made().write(name, content),
    remove: () => made().remove(),
  };
}

/** The public key of a PEM key or certificate as OpenSSL sees it (SPKI PEM), for comparisons. */
export async function opensslPublicKey(workdir: Workdir, file: string, kind: "key" | "cert" | "csr"): Promise<string> {
  const result =
    kind === "cert"
      ? await openssl(workdir.dir, "x509", "-in", file, "-noout", "-pubkey")
      : kind === "csr"
        ? await openssl(workdir.dir, "req", "-in", file, "-noout", "-pubkey")
        : await openssl(workdir.dir, "pkey", "-in", file, "-pubout");
  if (result.code !== 0) throw new Error(`openssl could not read ${file}: ${result.stderr}`);
  return result.stdout;
}
