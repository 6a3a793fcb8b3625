// What a chaos run and a SIGKILL recovery must show, whichever front end ran them (test/chaos.e2e.test.ts
// and test/cli/orphans.e2e.test.ts for the dynamic provider, test/languages/chaos.languages.test.ts
// for the native plugin): judged by the emulator's inventory against `pulumi stack export`
// (bench/lib/chaos.mjs), never by what the provider says of itself.
import { expect } from "vitest";
import { type ChaosResult, type SigkillResult, UNKNOWN_OUTCOME } from "../../bench/lib/chaos.mjs";

/**
 * Converged within `maxUps` with faults really injected, no `up` failed on a create whose outcome
 * was unknown (a create is re-sent once a lookup showed nothing was made), nothing orphaned,
 * duplicated or dangling, and destroy left nothing live. An `up` may still fail, rarely, on an
 * idempotent call whose six attempts all met a fault; one more `up` then finishes the job.
 */
export function expectChaosConverged(result: ChaosResult, pairs: number, maxUps: number): void {
  const injected = Object.entries(result.faults).filter(([kind]) => !kind.startsWith("latency"));
  // The run proves something only if faults were actually injected, creates' lost responses included.
  expect(injected.reduce((sum, [, n]) => sum + n, 0)).toBeGreaterThan(0);
  const failedUps = result.failures.filter((failure) => failure.startsWith("up #"));
  expect(failedUps.filter((failure) => UNKNOWN_OUTCOME.test(failure))).toEqual([]);
  expect(result.ups, result.failures.join("\n")).toBeLessThanOrEqual(maxUps);
  expect(result.afterUp.resources).toBe(2 * pairs + 2);
  expect(result.afterUp.liveCertificates).toBe(pairs);
  expect(result.afterUp.liveCas).toBe(2);
  expect(result.afterUp.orphans).toEqual([]);
  expect(result.afterUp.duplicates).toBe(0);
  expect(result.afterUp.dangling).toEqual([]);
  expect(result.afterUp.pendingOperations).toBe(0);
  expect(result.destroys, result.failures.join("\n")).toBeLessThanOrEqual(maxUps);
  expect(result.afterDestroy.liveCertificates).toBe(0);
  expect(result.afterDestroy.liveCas).toBe(0);
}

/** The recovery of docs/troubleshooting.md after a SIGKILLed `up`: ccm-orphans found exactly what was left, one `up` converged. */
export function expectSigkillRecovered(r: SigkillResult, pairs: number): void {
  // The kill left certificates the state does not hold (else the test proves nothing) …
  expect(r.left.orphans.length, JSON.stringify(r)).toBeGreaterThan(0);
  expect(r.afterClear.pendingOperations).toBe(0);
  // … ccm-orphans found all of them and nothing else, and cleaned them.
  expect(r.foundAll).toBe(true);
  expect(r.foundOnlyThose).toBe(true);
  expect(r.cleanFailures).toBe(0);
  expect(r.afterClean.orphans).toEqual([]);
  expect(r.ups, r.failures.join("\n")).toBe(1);
  expect(r.afterUp.liveCertificates).toBe(pairs);
  expect(r.afterUp.orphans).toEqual([]);
  expect(r.afterUp.duplicates).toBe(0);
  expect(r.afterUp.dangling).toEqual([]);
  expect(r.afterDestroy.liveCertificates).toBe(0);
  expect(r.afterDestroy.liveCas).toBe(0);
}
