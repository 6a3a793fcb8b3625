// Real tools for checking what the provider hands users: openssl and Java's keytool, run on files
// in a temporary directory. A certificate chain or keystore is only proven by the tools that will
// consume it.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll } from "vitest";

const execFileAsync = promisify(execFile);

export interface ToolResult {
  code: number;
  output: string;
}

export async function run(command: string, args: string[]): Promise<ToolResult> {
  try {
    const { stdout, stderr } = await execFileAsync(command, args, { timeout: 60_000 });
    return { code: 0, output: `${stdout}${stderr}` };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : 1, output: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}

/** `openssl req` flags for a fresh, unencrypted EC P-256 key (written with -keyout). */
export const OPENSSL_NEW_EC_P256_KEY = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"];

/** A scratch directory for tool input files, removed by `dispose`. */
export class Scratch {
  readonly dir = mkdtempSync(path.join(tmpdir(), "ccm-tools-"));

  file(name: string, content: string | Uint8Array): string {
    const file = path.join(this.dir, name);
    writeFileSync(file, content);
    return file;
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A describe block's scratch directory, removed in afterAll. */
export function useScratch(): Scratch {
  const scratch = new Scratch();
  afterAll(() => scratch.dispose());
  return scratch;
}

/** `openssl verify`: the leaf (first block of fullChain) against the root, intermediates untrusted. */
export async function opensslVerify(scratch: Scratch, rootPem: string, fullChainPem: string): Promise<ToolResult> {
  const blocks = fullChainPem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n?/g) ?? [];
  const [leaf, ...rest] = blocks;
  const args = ["verify", "-CAfile", scratch.file("root.pem", rootPem)];
  if (rest.length > 0) args.push("-untrusted", scratch.file("untrusted.pem", rest.join("")));
  args.push(scratch.file("leaf.pem", leaf ?? ""));
  return run("openssl", args);
}
