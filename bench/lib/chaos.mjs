// The chaos runs behind `npm run chaos` (bench/chaos.mjs) and test/chaos.e2e.test.ts: the real
// Pulumi CLI (scripts/pulumi-stack.mjs) against a ccm-emulator injecting faults, judged by the
// emulator's inventory against `pulumi stack export`, never by what the provider says of itself.
//
//   runChaos    N certificate + bundle pairs under a root → issuing CA chain with ~30 % of API
//               requests faulted: `up` until it converges, audit, `destroy` until it succeeds, audit
//   runSigkill  SIGKILL of the `pulumi` CLI mid-`up`, then the README's recovery: `pulumi cancel`
//               (the file backend's lock), refresh --clear-pending-creates, `ccm-orphans` (find, then revoke + delete), `up`, `destroy`
import { execFile, spawn } from "node:child_process";
import { copyFileSync, existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { descendants, isAlive, kill } from "./processes.mjs";
import { BenchStack, emulatorCall, repoRoot } from "./runner.mjs";

const execFileAsync = promisify(execFile);
const TYPE_PREFIX = "pulumi-nodejs:dynamic/huaweicloud-ccm:";
const DEMO_AK = "EMULATORACCESSKEY000";
const DEMO_SK = "emulatorSecretKey0000000000000000000000";
/** Large enough never to run out: the emulator lowers a rule's count each time it applies, so
 * what is left tells how many requests the rule hit. */
const UNLIMITED = 1_000_000_000;
// Fault paths are the emulator's backtracking-free subset (no groups or alternation): one rule per
// create path, and "^/v" for every CCM (v1), SCM and SMS (v3) call.
const CREATE_PATHS = ["^/v1/private-certificates$", "^/v1/private-certificate-authorities$"];
const API_PATH = "^/v";

/** The faults of a chaos run: the first matching rule decides, so the lost responses on creates
 * come first; together about 30 % of API requests fail once, and 10 % are slowed by 1.5 s. */
export const CHAOS_FAULTS = [
  ...CREATE_PATHS.map((path) => ({ kind: "lost_response", method: "POST", path, probability: 0.15 })),
  { kind: "error", status: 500, path: API_PATH, probability: 0.07 },
  { kind: "error", status: 502, path: API_PATH, probability: 0.06 },
  { kind: "error", status: 503, path: API_PATH, probability: 0.06 },
  { kind: "error", status: 504, path: API_PATH, probability: 0.05 },
  { kind: "throttle", retry_after: 1, path: API_PATH, probability: 0.07 },
  { kind: "reset", path: API_PATH, probability: 0.06 },
  { kind: "latency", latency_ms: 1500, path: API_PATH, probability: 0.1 },
].map((rule) => ({ ...rule, count: UNLIMITED }));

function ruleName(rule) {
  if (rule.kind === "error") return `${rule.status}`;
  if (rule.kind === "throttle") return "429 + Retry-After";
  if (rule.kind === "latency") return `latency ${rule.latency_ms} ms`;
  return CREATE_PATHS.includes(rule.path) ? `${rule.kind} (creates)` : rule.kind;
}

/** A stack of bench/programs/chaos pointed at the emulator. */
export function chaosStack(emulatorUrl, pairs, label) {
  const stack = new BenchStack(
    "bench/programs/chaos",
    {
      pairs: String(pairs),
      label,
      "huaweicloud-ccm:region": "cn-north-4",
      "huaweicloud-ccm:endpoints": JSON.stringify({ ccm: emulatorUrl, scm: emulatorUrl, sms: emulatorUrl }),
    },
    { "huaweicloud-ccm:accessKey": DEMO_AK, "huaweicloud-ccm:secretKey": DEMO_SK },
  );
  stack.stackName = label;
  return stack;
}

const inventory = (url) => emulatorCall(url, "GET", "/_emulator/inventory");

/**
 * The emulator's live objects against one exported state. Live: a certificate not deleted, a CA
 * neither deleted nor scheduled for deletion.
 */
export function audit(inv, exported) {
  const resources = (exported.deployment?.resources ?? []).filter((r) => String(r.type).startsWith(TYPE_PREFIX));
  const held = new Set();
  const referenced = [];
  for (const r of resources) {
    const type = r.type.slice(TYPE_PREFIX.length);
    if (type === "PrivateCa" || type === "PrivateCertificate") referenced.push(r.id);
    if (type === "CertificateBundle") referenced.push(r.inputs?.certificateId);
    for (const id of [r.id, r.outputs?.caId, r.outputs?.certificateId]) if (typeof id === "string") held.add(id);
  }
  const liveCertificates = inv.certificates.filter((c) => !c.deleted);
  const liveCas = inv.certificate_authorities.filter((ca) => !ca.deleted && ca.status !== "DELETED");
  const live = new Set([...liveCertificates, ...liveCas].map((o) => o.id));
  const orphans = [...liveCertificates, ...liveCas].filter((o) => !held.has(o.id)).map((o) => o.id);
  const byName = new Map();
  for (const o of [...liveCertificates, ...liveCas]) byName.set(o.common_name, (byName.get(o.common_name) ?? 0) + 1);
  const duplicates = [...byName.values()].reduce((sum, n) => sum + n - 1, 0);
  const dangling = referenced.filter((id) => typeof id === "string" && !live.has(id));
  return {
    resources: resources.length,
    pendingOperations: (exported.deployment?.pending_operations ?? []).length,
    liveCertificates: liveCertificates.length,
    liveCas: liveCas.length,
    orphans,
    duplicates,
    dangling,
  };
}

async function stateAudit(url, stack) {
  const { export: exported } = await stack.run(["export"]);
  return audit(await inventory(url), exported);
}

/** Runs `op` until it succeeds, at most `max` times; returns how many runs it took (or max + 1). */
async function untilItSucceeds(stack, op, max, failures, log) {
  for (let n = 1; n <= max; n++) {
    try {
      await stack.run([op]);
      return n;
    } catch (error) {
      const line = String(error.message)
        .split("\n")
        .find((l) => /error|failed/i.test(l) && !l.includes(" failed:"));
      failures.push(`${op} #${n}: ${(line ?? String(error.message).split("\n")[1] ?? "").trim().slice(0, 300)}`);
      log(`  ${op} #${n} failed`);
    }
  }
  return max + 1;
}

/** How many requests each fault rule hit (from the counts the emulator has left). */
async function faultHits(url) {
  const { rules } = await emulatorCall(url, "GET", "/_emulator/faults");
  const hits = {};
  for (const rule of rules) hits[ruleName(rule)] = (hits[ruleName(rule)] ?? 0) + (UNLIMITED - (rule.count ?? 0));
  return hits;
}

/**
 * @param {{ emulatorUrl: string, pairs: number, maxRuns?: number, log?: (line: string) => void }} options
 */
export async function runChaos({ emulatorUrl, pairs, maxRuns = 6, log = () => {} }) {
  const stack = chaosStack(emulatorUrl, pairs, "chaos");
  const failures = [];
  try {
    const before = await inventory(emulatorUrl);
    await emulatorCall(emulatorUrl, "PUT", "/_emulator/faults", CHAOS_FAULTS);
    const started = performance.now();
    log(`chaos: up of ${pairs} pairs under faults`);
    const ups = await untilItSucceeds(stack, "up", maxRuns, failures, log);
    const upMs = performance.now() - started;
    const afterUp = await stateAudit(emulatorUrl, stack);
    log("chaos: destroy under faults");
    const destroys = await untilItSucceeds(stack, "destroy", maxRuns, failures, log);
    const hits = await faultHits(emulatorUrl);
    await emulatorCall(emulatorUrl, "DELETE", "/_emulator/faults");
    const afterDestroy = await stateAudit(emulatorUrl, stack);
    const after = await inventory(emulatorUrl);
    return {
      pairs,
      ups,
      upMs,
      destroys,
      requests: after.requests.total - before.requests.total,
      faults: hits,
      afterUp,
      afterDestroy,
      failures,
    };
  } finally {
    await emulatorCall(emulatorUrl, "DELETE", "/_emulator/faults").catch(() => {});
    await stack.run(["destroy"]).catch(() => {});
    stack.dispose();
  }
}

/** Runs the package's `ccm-orphans` (from dist/) on the stack, as a user would after a crash. */
export async function orphansCommand(stack, flags) {
  const { stdout } = await execFileAsync(
    process.execPath,
    [
      path.join(repoRoot, "dist/provider/cli/orphans.js"),
      "--stack",
      stack.stackName,
      "--cwd",
      stack.workspaceDir,
      "--json",
      ...flags,
    ],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        PULUMI_HOME: stack.homeDir,
        PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "ccm-local-passphrase",
      },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return JSON.parse(stdout);
}

/** Starts `up` as a child, waits for `killAt` certificates to exist, then SIGKILLs the `pulumi`
 * CLI and the runner (the program's process); the dynamic-provider host is left running, as it
 * is when a user's `pulumi up` is killed. Returns the pids of what was left alive. */
async function killMidUp(stack, emulatorUrl, killAt, log) {
  const { args, env } = stack.command(["up"]);
  const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const exited = new Promise((resolve) => child.on("exit", resolve));
  for (;;) {
    const inv = await inventory(emulatorUrl);
    if (inv.certificates.filter((c) => !c.deleted).length >= killAt) break;
    if (child.exitCode !== null) throw new Error(`up ended before ${killAt} certificates existed:\n${stderr}`);
    await sleep(100);
  }
  const tree = descendants(child.pid);
  const cli = tree.find((p) => path.basename(p.argv[0] ?? "") === "pulumi");
  if (!cli) throw new Error(`no pulumi process under the runner: ${JSON.stringify(tree.map((p) => p.argv[0]))}`);
  kill(cli.pid);
  kill(child.pid);
  await exited;
  log(`sigkill: killed pulumi (pid ${cli.pid}) and the runner at ${killAt} certificates`);
  return tree.filter((p) => p.pid !== cli.pid && isAlive(p.pid)).map((p) => p.pid);
}

/** Waits until the number of live certificates has not changed for `quietMs`. */
async function settle(emulatorUrl, quietMs) {
  let last = -1;
  let since = performance.now();
  for (;;) {
    const n = (await inventory(emulatorUrl)).certificates.filter((c) => !c.deleted).length;
    if (n !== last) {
      last = n;
      since = performance.now();
    } else if (performance.now() - since >= quietMs) {
      return n;
    }
    await sleep(200);
  }
}

/**
 * A SIGKILL during a checkpoint write can leave the file backend's checkpoint empty (`failed to
 * load checkpoint: EOF`). The backend keeps the previous one beside it (`<stack>.json.bak`) and
 * older ones under `.pulumi/backups/`; put the newest readable one back, as the README says.
 * @returns {Promise<string | undefined>} the file restored from, or undefined when the checkpoint was fine
 */
async function repairCheckpoint(stack) {
  try {
    await stack.run(["export"]);
    return undefined;
  } catch (error) {
    if (!/failed to load checkpoint/.test(String(error.message))) throw error;
  }
  const backend = path.join(stack.stateDir, "backend", ".pulumi");
  const project = path.basename(stack.program);
  const checkpoint = path.join(backend, "stacks", project, `${stack.stackName}.json`);
  const backupsDir = path.join(backend, "backups", project, stack.stackName);
  const candidates = [`${checkpoint}.bak`];
  if (existsSync(backupsDir)) {
    const older = readdirSync(backupsDir).map((f) => path.join(backupsDir, f));
    candidates.push(...older.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs));
  }
  for (const candidate of candidates.filter((f) => existsSync(f) && statSync(f).size > 0)) {
    copyFileSync(candidate, checkpoint);
    try {
      await stack.run(["export"]);
      return path.relative(backend, candidate);
    } catch {
      // NO-OP: try the next older one.
    }
  }
  throw new Error(`the checkpoint ${checkpoint} is unreadable and no backup of it loads`);
}

/**
 * @param {{ emulatorUrl: string, pairs: number, killAt: number, latencyMs?: number, maxRuns?: number,
 *   log?: (line: string) => void }} options
 */
export async function runSigkill({ emulatorUrl, pairs, killAt, latencyMs = 1500, maxRuns = 3, log = () => {} }) {
  const stack = chaosStack(emulatorUrl, pairs, "sigkill");
  const failures = [];
  const survivors = [];
  try {
    await emulatorCall(emulatorUrl, "PUT", "/_emulator/faults", [
      { kind: "latency", method: "POST", path: "^/v1/private-certificates$", latency_ms: latencyMs },
    ]);
    survivors.push(...(await killMidUp(stack, emulatorUrl, killAt, log)));
    const certificatesAtKill = (await inventory(emulatorUrl)).certificates.filter((c) => !c.deleted).length;
    // The host outlives the CLI and finishes the creates it has in flight: wait for them.
    const certificatesSettled = await settle(emulatorUrl, latencyMs + 3000);
    const hostSurvived = survivors.filter(isAlive).length;
    for (const pid of survivors) kill(pid);
    await emulatorCall(emulatorUrl, "DELETE", "/_emulator/faults");
    const checkpointRestoredFrom = await repairCheckpoint(stack);
    if (checkpointRestoredFrom) log(`sigkill: the checkpoint was truncated; restored ${checkpointRestoredFrom}`);
    const left = await stateAudit(emulatorUrl, stack);
    log(`sigkill: ${left.orphans.length} objects left that the state does not hold; ${left.pendingOperations} pending`);

    // The recovery documented in the README's Troubleshooting section.
    await stack.run(["cancel"]);
    await stack.run(["refresh-clear-pending-creates"]);
    const afterClear = await stateAudit(emulatorUrl, stack);
    const found = await orphansCommand(stack, []);
    const foundIds = found.orphans.map((o) => o.id);
    const cleaned = await orphansCommand(stack, ["--revoke", "--delete", "--yes"]);
    const afterClean = await stateAudit(emulatorUrl, stack);
    const ups = await untilItSucceeds(stack, "up", maxRuns, failures, log);
    const afterUp = await stateAudit(emulatorUrl, stack);
    const destroys = await untilItSucceeds(stack, "destroy", maxRuns, failures, log);
    const afterDestroy = await stateAudit(emulatorUrl, stack);
    return {
      pairs,
      killAt,
      certificatesAtKill,
      certificatesSettled,
      hostSurvived,
      checkpointRestoredFrom,
      left,
      afterClear,
      foundIds,
      foundAll: left.orphans.every((id) => foundIds.includes(id)),
      foundOnlyThose: foundIds.every((id) => left.orphans.includes(id)),
      cleanFailures: cleaned.actions.filter((a) => a.error).length,
      afterClean,
      ups,
      afterUp,
      destroys,
      afterDestroy,
      failures,
    };
  } finally {
    for (const pid of survivors) kill(pid);
    await emulatorCall(emulatorUrl, "DELETE", "/_emulator/faults").catch(() => {});
    await stack.run(["destroy"]).catch(() => {});
    stack.dispose();
  }
}
