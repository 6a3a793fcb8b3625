// What a chaos run injects and how it is judged, for either front end: the fault table, the audit
// of the emulator's inventory against `pulumi stack export` (never what the provider says of
// itself), and the small loops the runs share (retry an operation, wait for the creates to stop).
import { setTimeout as sleep } from "node:timers/promises";
// The package's own reading of type tokens (both front ends), from the build (`npm run chaos` and
// the test scripts build first), so the audit never holds a copy of them.
import resourceTypes from "../../dist/provider/runtime/resource-types.js";
import { emulatorCall } from "./runner.mjs";

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

export const inventory = (url) => emulatorCall(url, "GET", "/_emulator/inventory");

/**
 * The emulator's live objects against one exported state, of either front end. Live: a certificate not deleted, a CA neither deleted nor scheduled
 * for deletion.
 */
export function audit(inv, exported) {
  const resources = [];
  for (const r of exported.deployment?.resources ?? []) {
    const typeName = resourceTypes.resourceTypeNameOf(r.type);
    if (typeName) resources.push({ ...r, typeName });
  }
  const held = new Set();
  const referenced = [];
  for (const r of resources) {
    if (r.typeName === "PrivateCa" || r.typeName === "PrivateCertificate") referenced.push(r.id);
    if (r.typeName === "CertificateBundle") referenced.push(r.inputs?.certificateId);
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

export async function stateAudit(url, stack) {
  const { export: exported } = await stack.run(["export"]);
  return audit(await inventory(url), exported);
}

/** How the CLI's output says that a create's outcome is unknown (CcmCreateOutcomeUnknownError). */
export const UNKNOWN_OUTCOME = /outcome is unknown|ERR_CCM_CREATE_OUTCOME_UNKNOWN/;

/** Runs `op` until it succeeds, at most `max` times; returns how many runs it took (or max + 1). */
export async function untilItSucceeds(stack, op, max, failures, log) {
  for (let n = 1; n <= max; n++) {
    try {
      await stack.run([op]);
      return n;
    } catch (error) {
      // Every distinct error line the CLI printed (up to 8), not only the first: which resources
      // failed and how is what explains a run that did not converge. A create whose outcome is
      // unknown comes first, whatever else failed: the checks look for it in this summary.
      const text = String(error.message);
      const lines = [
        ...new Set(
          text
            .split("\n")
            .map((l) => l.trim())
            .filter((l) => /error|failed/i.test(l) && !/ failed:$/.test(l)),
        ),
      ].sort((a, b) => Number(UNKNOWN_OUTCOME.test(b)) - Number(UNKNOWN_OUTCOME.test(a)));
      const summary = lines.length > 0 ? lines.slice(0, 8).join(" | ") : (text.split("\n")[1] ?? "").trim();
      failures.push(`${op} #${n}: ${summary.slice(0, 2400)}`);
      log(`  ${op} #${n} failed`);
    }
  }
  return max + 1;
}

/** How many requests each fault rule hit (from the counts the emulator has left). */
export async function faultHits(url) {
  const { rules } = await emulatorCall(url, "GET", "/_emulator/faults");
  const hits = {};
  for (const rule of rules) hits[ruleName(rule)] = (hits[ruleName(rule)] ?? 0) + (UNLIMITED - (rule.count ?? 0));
  return hits;
}

/** Waits until the number of live certificates has not changed for `quietMs`. */
export async function settle(emulatorUrl, quietMs) {
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
