#!/usr/bin/env node
// `ccm-orphans`: after an interrupted `pulumi up` (or anything else that lost track of a create),
// lists the certificates and CAs under the stacks' CAs that no given state holds, and revokes or
// deletes them after confirmation. The service has no idempotency token, so a create the engine
// recorded as pending may exist; this is how the user finds it. Never touches what a state holds.
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { closeAllPools } from "../client/http.js";
import { createClient } from "../client/index.js";
import { REVOCATION_REASON_NAMES, type RevocationReason } from "../schemas/enums.js";
import { cleanOrphans } from "./clean.js";
import { findOrphans, type Orphan } from "./find.js";
import { exportStack, readExportFile, stackConfig } from "./sources.js";
import { collectHeldState } from "./state.js";

const USAGE = `usage: ccm-orphans [export.json | -]... [--stack <name>]... [--cwd <dir>] [--json]
                   [--revoke [--reason <reason>]] [--delete [--pending-days <7-30>]] [--yes]

Reads \`pulumi stack export\` documents (files, "-" for stdin, or --stack to run the CLI in --cwd)
and lists the certificates and CAs issued by the stacks' CAs, or looking exactly like a CA the
stacks declare, that no given state holds. Pass every stack that shares a CA: what the given
states do not hold is reported.

  --revoke        revoke the ISSUED orphan certificates (--reason, default SUPERSEDED)
  --delete        delete the orphan certificates; disable and delete the orphan CAs
                  (scheduled with --pending-days, default 7: restorable until then)
  --yes           act without asking (required when stdin is not a terminal)
  --json          print {orphans, unmanagedIssuers, pendingCreates, actions} as JSON

Settings (endpoint, region, credentials) come from the first --stack's huaweicloud-ccm:* config,
then the HW_* / HUAWEICLOUD_SDK_* environment, as for the provider itself.
`;

class UsageError extends Error {}

function parseCli(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      stack: { type: "string", multiple: true },
      cwd: { type: "string" },
      json: { type: "boolean", default: false },
      revoke: { type: "boolean", default: false },
      delete: { type: "boolean", default: false },
      reason: { type: "string", default: "SUPERSEDED" },
      "pending-days": { type: "string", default: "7" },
      yes: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const reason = values.reason as RevocationReason;
  if (!REVOCATION_REASON_NAMES.includes(reason))
    throw new UsageError(`--reason must be one of ${REVOCATION_REASON_NAMES.join(", ")}`);
  const pendingDays = Number(values["pending-days"]);
  if (!Number.isInteger(pendingDays) || pendingDays < 7 || pendingDays > 30)
    throw new UsageError("--pending-days must be a whole number from 7 to 30");
  const stacks = values.stack ?? [];
  if (!values.help && positionals.length === 0 && stacks.length === 0)
    throw new UsageError("give at least one export file, '-' or --stack");
  return { ...values, stacks, files: positionals, reason, pendingDays };
}

function cell(value: string | undefined): string {
  return value === undefined || value === "" ? "-" : value;
}

function table(orphans: readonly Orphan[]): string {
  const header = ["kind", "id", "common name", "status", "created", "key", "signature", "reason"];
  const rows = orphans.map((o) =>
    [o.kind, o.id, o.commonName, o.status, o.createTime, o.keyAlgorithm, o.signatureAlgorithm, o.reason].map(cell),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  return [header, ...rows]
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

async function confirm(question: string, stdinUsed: boolean): Promise<boolean> {
  if (stdinUsed || !process.stdin.isTTY) {
    throw new UsageError("refusing to act without confirmation: stdin is not a terminal, pass --yes");
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question(`${question} Type "yes" to go on: `)).trim() === "yes";
  } finally {
    rl.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const cli = parseCli(argv);
  if (cli.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const documents = [
    ...(await Promise.all(cli.files.map(readExportFile))),
    ...(await Promise.all(cli.stacks.map((s) => exportStack(s, cli.cwd)))),
  ];
  const held = collectHeldState(documents);
  const first = cli.stacks[0];
  const config = first === undefined ? {} : await stackConfig(first, cli.cwd);
  const client = createClient(config, process.env);
  const { orphans, unmanagedIssuers } = await findOrphans(client, held);
  const say = (text: string) => (cli.json ? process.stderr : process.stdout).write(`${text}\n`);

  say(`${held.sources.join(", ")}: ${held.heldIds.size} ids held, ${held.scanCaIds.size} CAs scanned`);
  if (held.pendingCreates.length > 0) {
    say(`pending creates in state (the engine lost track of them; clear them with`);
    say(`\`pulumi refresh --clear-pending-creates\`): ${held.pendingCreates.join(", ")}`);
  }
  for (const id of unmanagedIssuers) {
    say(`note: CA ${id} is used but not managed by the given stacks; its orphans may belong to other stacks`);
  }
  say(orphans.length === 0 ? "no orphans" : `${orphans.length} not held by any given state:\n${table(orphans)}`);

  let actions: Awaited<ReturnType<typeof cleanOrphans>> = [];
  const acting = (cli.revoke || cli.delete) && orphans.length > 0;
  if (acting) {
    const verbs = [cli.revoke && "revoke", cli.delete && "delete"].filter(Boolean).join(" and ");
    const go = cli.yes || (await confirm(`${verbs} these ${orphans.length}?`, cli.files.includes("-")));
    if (!go) {
      say("nothing done");
      return 1;
    }
    actions = await cleanOrphans(client, orphans, held.heldIds, {
      revoke: cli.revoke,
      delete: cli.delete,
      reason: cli.reason,
      pendingDays: cli.pendingDays,
    });
    for (const a of actions)
      say(`${a.kind} ${a.id}: ${a.error ? `FAILED: ${a.error}` : a.done.join(", ") || "nothing"}`);
  }
  if (cli.json) {
    const pendingCreates = held.pendingCreates;
    process.stdout.write(`${JSON.stringify({ orphans, unmanagedIssuers, pendingCreates, actions }, null, 2)}\n`);
  }
  return actions.some((a) => a.error) ? 1 : 0;
}

main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`ccm-orphans: ${error instanceof Error ? error.message : String(error)}\n`);
      if (error instanceof UsageError) process.stderr.write(USAGE);
      process.exitCode = error instanceof UsageError ? 2 : 1;
    },
  )
  .finally(() => closeAllPools());
