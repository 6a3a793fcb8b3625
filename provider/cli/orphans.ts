#!/usr/bin/env node
// `ccm-orphans`: after an interrupted `pulumi up` (or anything else that lost track of a create),
// lists the certificates and CAs under the stacks' CAs that no given state holds, and revokes or
// deletes them after confirmation. The service has no idempotency token, so a create the engine
// recorded as pending may exist; this is how the user finds it. Never touches what a state holds.
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { closeAllPools } from "../client/http.js";
import { type CcmClient, createClient } from "../client/index.js";
import { REVOCATION_REASON_NAMES, type RevocationReason } from "../schemas/enums.js";
import { type CleanOutcome, cleanOrphans, dryRunLines } from "./clean.js";
import { type Findings, findOrphans, type Orphan } from "./find.js";
import { type PlannedAction, planActions } from "./plan.js";
import {
  anchorNotes,
  anchorsOf,
  caLabel,
  confirmationQuestion,
  countByAnchor,
  table,
  unknownTypesRefusal,
} from "./report.js";
import { type ExportDocument, exportStack, readExportFile, stackConfig } from "./sources.js";
import { collectHeldState, type HeldState } from "./state.js";

const USAGE = `usage: ccm-orphans [export.json | -]... [--stack <name>]... [--cwd <dir>] [--json]
                   [--revoke [--reason <reason>]] [--delete [--pending-days <7-30>]]
                   [--dry-run | --yes [--shared-ca <id>]...]

Reads \`pulumi stack export\` documents (files, "-" for stdin, or --stack to run the CLI in --cwd)
of any front end (TypeScript classes or the native plugin: YAML, Go, Python) and lists the
certificates and CAs issued by the stacks' CAs, or looking exactly like a CA the stacks declare,
that no given state holds. Pass every stack that shares a CA: what the given states do not hold
is reported.

  --revoke        revoke the ISSUED orphan certificates (--reason, default SUPERSEDED)
  --delete        delete the orphan certificates; disable and delete the orphan CAs
                  (scheduled with --pending-days, default 7: restorable until then)
  --dry-run       print the exact calls --revoke / --delete would make, and make none
  --yes           act without asking (required when stdin is not a terminal)
  --shared-ca     with --yes: also act on what sits under this CA, which the given stacks use but
                  do not manage (repeatable); without it those are left alone
  --json          print {orphans, unmanagedIssuers, pendingCreates, unknownTypes, notes, plan,
                  actions} as JSON

Before acting, each state given with --stack is exported again and each orphan read again:
anything now held, gone or changed since it was listed is skipped. Nothing is done while a state
holds resources of this package whose type this version does not know.

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
      "dry-run": { type: "boolean", default: false },
      yes: { type: "boolean", default: false },
      "shared-ca": { type: "string", multiple: true },
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
  const dryRun = values["dry-run"];
  if (dryRun && !values.revoke && !values.delete) throw new UsageError("--dry-run goes with --revoke and/or --delete");
  if (dryRun && values.yes) throw new UsageError("--dry-run acts on nothing: it does not go with --yes");
  const sharedCas = values["shared-ca"] ?? [];
  if (sharedCas.length > 0 && !values.yes) throw new UsageError("--shared-ca goes with --yes");
  return { ...values, stacks, files: positionals, reason, pendingDays, dryRun, sharedCas };
}

type Cli = ReturnType<typeof parseCli>;

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

async function readStates(cli: Cli, files: readonly ExportDocument[]): Promise<ExportDocument[]> {
  return [...files, ...(await Promise.all(cli.stacks.map((s) => exportStack(s, cli.cwd))))];
}

/** With --yes, what sits under a CA the given stacks do not manage is acted on only if named. */
function chooseOrphans(cli: Cli, findings: Findings, say: (text: string) => void): Orphan[] {
  if (!cli.yes) return findings.orphans;
  const unmanaged = new Set(findings.unmanagedIssuers.filter((id) => !cli.sharedCas.includes(id)));
  const anchors = anchorsOf(findings.orphans);
  const counts = countByAnchor(findings.orphans, anchors);
  for (const id of unmanaged) {
    const left = counts.get(id) ?? 0;
    if (left > 0) say(`left alone: ${left} under ${caLabel(id, findings)} (give --shared-ca ${id} to act on them)`);
  }
  return findings.orphans.filter((o) => !unmanaged.has(anchors.get(o.id) ?? o.id));
}

/** Everything one run has read: the arguments, the states, what the service holds. */
interface Run {
  readonly cli: Cli;
  readonly files: readonly ExportDocument[];
  readonly held: HeldState;
  readonly client: CcmClient;
  readonly findings: Findings;
  readonly say: (text: string) => void;
}

/** How a run ended: its exit code, the calls it planned and what it did (both for --json). */
interface Outcome {
  readonly code: number;
  readonly plan: string[];
  readonly actions: CleanOutcome[];
}

async function main(argv: string[]): Promise<number> {
  const cli = parseCli(argv);
  if (cli.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const files = await Promise.all(cli.files.map(readExportFile));
  const held = collectHeldState(await readStates(cli, files));
  const first = cli.stacks[0];
  const config = first === undefined ? {} : await stackConfig(first, cli.cwd);
  const client = createClient(config, process.env);
  const findings = await findOrphans(client, held);
  const say = (text: string) => (cli.json ? process.stderr : process.stdout).write(`${text}\n`);
  const run: Run = { cli, files, held, client, findings, say };
  const notes = sayFindings(run);
  const outcome = await act(run);
  if (cli.json) {
    const { orphans, unmanagedIssuers } = findings;
    const { pendingCreates, unknownTypes } = held;
    const { plan, actions } = outcome;
    const json = { orphans, unmanagedIssuers, pendingCreates, unknownTypes, notes, plan, actions };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  }
  return outcome.code;
}

/** Says what was read and found; returns the notes about the CAs the orphans sit under. */
function sayFindings({ held, findings, say }: Run): string[] {
  const { orphans } = findings;
  say(`${held.sources.join(", ")}: ${held.heldIds.size} ids held, ${held.scanCaIds.size} CAs scanned`);
  if (held.pendingCreates.length > 0) {
    say(`pending creates in state (the engine lost track of them; clear them with`);
    say(`\`pulumi refresh --clear-pending-creates\`): ${held.pendingCreates.join(", ")}`);
  }
  if (held.unknownTypes.length > 0) say(`warning: ${unknownTypesRefusal(held)}`);
  const notes = anchorNotes(findings);
  for (const note of notes) say(note);
  say(orphans.length === 0 ? "no orphans" : `${orphans.length} not held by any given state:\n${table(orphans)}`);
  return notes;
}

/** --revoke / --delete: plans the calls, prints them for --dry-run, else asks and makes them. */
async function act(run: Run): Promise<Outcome> {
  const { cli, held, findings, say } = run;
  if (!(cli.revoke || cli.delete) || findings.orphans.length === 0) return { code: 0, plan: [], actions: [] };
  if (held.unknownTypes.length > 0) {
    say("nothing done");
    return { code: 1, plan: [], actions: [] };
  }
  const chosen = chooseOrphans(cli, findings, say);
  const planned = planActions(chosen, cli);
  const plan = dryRunLines(planned);
  if (cli.dryRun) {
    say(plan.length === 0 ? "dry run: no call would be made" : `dry run: these calls would be made, in order:`);
    for (const line of plan) say(`  ${line}`);
    return { code: 0, plan, actions: [] };
  }
  const verbs = [cli.revoke && "revoke", cli.delete && "delete"].filter(Boolean).join(" and ");
  const go = cli.yes || (await confirm(confirmationQuestion(verbs, chosen, findings), cli.files.includes("-")));
  if (!go) {
    say("nothing done");
    return { code: 1, plan, actions: [] };
  }
  const actions = await cleanUnlessHeldNow(run, planned);
  return { code: actions.some((a) => a.error) ? 1 : 0, plan, actions };
}

/** Makes the planned calls, except on what a state holds now: the stacks may have moved on while
 * the list was read or the question was answered. */
async function cleanUnlessHeldNow(run: Run, planned: readonly PlannedAction[]): Promise<CleanOutcome[]> {
  const { cli, files, held, client, say } = run;
  const heldNow = cli.stacks.length === 0 ? held : collectHeldState(await readStates(cli, files));
  const nowHeld = planned.filter((a) => heldNow.heldIds.has(a.orphan.id));
  for (const { orphan } of nowHeld) say(`${orphan.kind} ${orphan.id}: skipped: a state holds it now`);
  const actions = await cleanOrphans(
    client,
    planned.filter((a) => !nowHeld.includes(a)),
    new Set([...held.heldIds, ...heldNow.heldIds]),
  );
  for (const a of actions) {
    const what = a.error ? `FAILED: ${a.error}` : a.skipped ? `skipped: ${a.skipped}` : a.done.join(", ") || "nothing";
    say(`${a.kind} ${a.id}: ${what}`);
  }
  return actions;
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
