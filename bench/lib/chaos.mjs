// The chaos runs behind `npm run chaos` (bench/chaos.mjs), test/chaos.e2e.test.ts and, through the
// native plugin, test/languages/chaos.languages.test.ts: the real Pulumi CLI against a ccm-emulator
// injecting faults, judged by the emulator's inventory against `pulumi stack export`, never by what
// the provider says of itself. Either front end: the dynamic provider (bench/programs/chaos through
// scripts/pulumi-stack.mjs) or the native plugin (the same workload as a YAML program, plugin-stack.mjs).
//
//   runChaos    N certificate + bundle pairs under a root → issuing CA chain with ~30 % of API
//               requests faulted: `up` until it converges, audit, `destroy` until it succeeds, audit
//   runSigkill  SIGKILL of the `pulumi` CLI mid-`up`, then the recovery of docs/troubleshooting.md: `pulumi cancel`
//               (the file backend's lock), refresh --clear-pending-creates, `ccm-orphans` (find,
//               then revoke + delete), `up`, `destroy`

import { audit, CHAOS_FAULTS, faultHits, inventory, settle, stateAudit, untilItSucceeds } from "./chaos-audit.mjs";
import { PluginStack } from "./plugin-stack.mjs";
import { isAlive, kill } from "./processes.mjs";
import { isProviderProcess, killMidUp, orphansCommand, repairCheckpoint, watchExit } from "./recovery.mjs";
import { BenchStack, EMULATOR_SECRETS, emulatorCall } from "./runner.mjs";

export { UNKNOWN_OUTCOME } from "./chaos-audit.mjs";
export { audit, CHAOS_FAULTS, orphansCommand, stateAudit, untilItSucceeds };

/** The front ends a run can go through (the --front-end values of bench/chaos.mjs). */
export const FRONT_ENDS = ["dynamic", "plugin"];

/**
 * A stack of the chaos workload pointed at the emulator: bench/programs/chaos through the dynamic
 * provider, or the same workload as a generated YAML program through the native plugin.
 * @param {"dynamic" | "plugin"} frontEnd
 */
export function chaosStack(emulatorUrl, pairs, label, frontEnd = "dynamic") {
  const config = {
    "huaweicloud-ccm:region": "cn-north-4",
    "huaweicloud-ccm:endpoints": JSON.stringify({ ccm: emulatorUrl, scm: emulatorUrl, sms: emulatorUrl }),
  };
  if (frontEnd === "plugin") return new PluginStack({ pairs, label, config, secrets: EMULATOR_SECRETS });
  if (frontEnd !== "dynamic") throw new Error(`unknown front end ${frontEnd}: one of ${FRONT_ENDS.join(", ")}`);
  const stack = new BenchStack("bench/programs/chaos", { pairs: String(pairs), label, ...config }, EMULATOR_SECRETS);
  stack.stackName = label;
  return stack;
}

/**
 * @param {{ emulatorUrl: string, pairs: number, maxRuns?: number, frontEnd?: "dynamic" | "plugin",
 *   log?: (line: string) => void }} options
 */
export async function runChaos({ emulatorUrl, pairs, maxRuns = 6, frontEnd = "dynamic", log = () => {} }) {
  const stack = chaosStack(emulatorUrl, pairs, "chaos", frontEnd);
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

/**
 * @param {{ emulatorUrl: string, pairs: number, killAt: number, latencyMs?: number, maxRuns?: number,
 *   frontEnd?: "dynamic" | "plugin", log?: (line: string) => void }} options
 */
export async function runSigkill({
  emulatorUrl,
  pairs,
  killAt,
  latencyMs = 1500,
  maxRuns = 3,
  frontEnd = "dynamic",
  log = () => {},
}) {
  const stack = chaosStack(emulatorUrl, pairs, "sigkill", frontEnd);
  const failures = [];
  const survivors = [];
  try {
    await emulatorCall(emulatorUrl, "PUT", "/_emulator/faults", [
      { kind: "latency", method: "POST", path: "^/v1/private-certificates$", latency_ms: latencyMs },
    ]);
    survivors.push(...(await killMidUp(stack, emulatorUrl, killAt, log)));
    const providerPids = survivors.filter(isProviderProcess).map((p) => p.pid);
    const providerExit = watchExit(providerPids);
    const certificatesAtKill = (await inventory(emulatorUrl)).certificates.filter((c) => !c.deleted).length;
    // The provider outlives the CLI and finishes the creates it has in flight: wait for them.
    const certificatesSettled = await settle(emulatorUrl, latencyMs + 3000);
    const providerExitedMs = await providerExit.stop();
    const hostSurvived = providerPids.filter(isAlive).length;
    for (const { pid } of survivors) kill(pid);
    await emulatorCall(emulatorUrl, "DELETE", "/_emulator/faults");
    const checkpointRepair = await repairCheckpoint(stack);
    if (checkpointRepair) log(`sigkill: the checkpoint was unreadable; ${checkpointRepair}`);
    const left = await stateAudit(emulatorUrl, stack);
    log(`sigkill: ${left.orphans.length} objects left that the state does not hold; ${left.pendingOperations} pending`);

    // The recovery documented in docs/troubleshooting.md.
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
      providerExitedMs,
      checkpointRepair,
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
    for (const { pid } of survivors) kill(pid);
    await emulatorCall(emulatorUrl, "DELETE", "/_emulator/faults").catch(() => {});
    await stack.run(["destroy"]).catch(() => {});
    stack.dispose();
  }
}
