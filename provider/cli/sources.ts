// Where the orphan command gets its states and settings: export files, stdin, or the Pulumi CLI
// itself (`pulumi stack export` / `pulumi config` of a named stack, run in --cwd).
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";
import { CONFIG_NAMESPACE } from "../config.js";

const execFileAsync = promisify(execFile);

export interface ExportDocument {
  readonly source: string;
  readonly exported: unknown;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function parse(source: string, text: string): ExportDocument {
  try {
    return { source, exported: JSON.parse(text) };
  } catch (error) {
    throw new Error(`${source}: not JSON (${(error as Error).message})`);
  }
}

export async function readExportFile(file: string): Promise<ExportDocument> {
  if (file === "-") return parse("stdin", await readStdin());
  return parse(file, await readFile(file, "utf8"));
}

async function pulumi(args: string[], cwd: string | undefined): Promise<string> {
  try {
    const { stdout } = await execFileAsync(process.env.PULUMI_COMMAND ?? "pulumi", args, {
      cwd,
      maxBuffer: 512 * 1024 * 1024,
      env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" },
    });
    return stdout;
  } catch (error) {
    const e = error as Error & { stderr?: string };
    throw new Error(`pulumi ${args.join(" ")} failed: ${(e.stderr ?? e.message).trim()}`);
  }
}

/** `pulumi stack export --stack <name>`: plain, so secrets stay ciphertext (ids are never secret). */
export async function exportStack(stack: string, cwd: string | undefined): Promise<ExportDocument> {
  return parse(`stack ${stack}`, await pulumi(["stack", "export", "--stack", stack], cwd));
}

/** The stack's `huaweicloud-ccm:*` settings, as the provider would receive them from `configure`. */
export async function stackConfig(stack: string, cwd: string | undefined): Promise<Record<string, string>> {
  const text = await pulumi(["config", "--json", "--show-secrets", "--stack", stack], cwd);
  const config: Record<string, string> = {};
  for (const [key, entry] of Object.entries(JSON.parse(text) as Record<string, { value?: unknown }>)) {
    if (!key.startsWith(`${CONFIG_NAMESPACE}:`) || entry.value === undefined) continue;
    config[key] = typeof entry.value === "string" ? entry.value : JSON.stringify(entry.value);
  }
  return config;
}
