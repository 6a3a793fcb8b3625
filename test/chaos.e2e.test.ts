// The CI-sized chaos run (`npm run chaos` is the N = 50 one): 10 certificate + bundle pairs under a
// root → issuing CA chain, through the real Pulumi CLI, with ~30 % of API requests faulted (5xx,
// 429 with Retry-After, resets, 1.5 s latency spikes, lost responses on creates). Judged by the
// emulator's inventory against `pulumi stack export`.
//
// Creates converge within one `up`: after an ambiguous failure the client re-sends once a lookup
// showed nothing was made (createAttempts, 5 by default), so no `up` may fail on a create whose
// outcome is unknown. An `up` may still fail, rarely, on an idempotent call whose six attempts
// all met a fault (about one call in a thousand here); one more `up` then finishes the job.
import { describe, expect, it } from "vitest";
import { runChaos } from "../bench/lib/chaos.mjs";
import { useTestEmulator } from "./harness/emulator.js";

const PAIRS = 10;
const MAX_UPS = 2;

describe("chaos: up and destroy under injected faults", () => {
  const setup = useTestEmulator();

  it(`converges within ${MAX_UPS} ups, no create left unknown, no orphan, duplicate or unknown id, and destroy leaves nothing live`, async () => {
    const result = await runChaos({ emulatorUrl: setup.emulator.url, pairs: PAIRS, maxRuns: MAX_UPS });
    const injected = Object.entries(result.faults).filter(([kind]) => !kind.startsWith("latency"));
    // The run proves something only if faults were actually injected, creates' lost responses included.
    expect(injected.reduce((sum, [, n]) => sum + n, 0)).toBeGreaterThan(0);
    const failedUps = result.failures.filter((failure) => failure.startsWith("up #"));
    expect(failedUps.filter((failure) => /outcome is unknown|ERR_CCM_CREATE_OUTCOME_UNKNOWN/.test(failure))).toEqual(
      [],
    );
    expect(result.ups, result.failures.join("\n")).toBeLessThanOrEqual(MAX_UPS);
    expect(result.afterUp.resources).toBe(2 * PAIRS + 2);
    expect(result.afterUp.liveCertificates).toBe(PAIRS);
    expect(result.afterUp.liveCas).toBe(2);
    expect(result.afterUp.orphans).toEqual([]);
    expect(result.afterUp.duplicates).toBe(0);
    expect(result.afterUp.dangling).toEqual([]);
    expect(result.afterUp.pendingOperations).toBe(0);
    expect(result.destroys, result.failures.join("\n")).toBeLessThanOrEqual(MAX_UPS);
    expect(result.afterDestroy.liveCertificates).toBe(0);
    expect(result.afterDestroy.liveCas).toBe(0);
  }, 600_000);
});
