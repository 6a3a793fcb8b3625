// The CI-sized chaos run (`npm run chaos` is the N = 50 one): 10 certificate + bundle pairs under a
// root → issuing CA chain, through the real Pulumi CLI, with ~30 % of API requests faulted (5xx,
// 429 with Retry-After, resets, 1.5 s latency spikes, lost responses on creates). Judged by the
// emulator's inventory against `pulumi stack export`.
//
// Creates converge within one `up`: after an ambiguous failure the client re-sends once a lookup
// showed nothing was made (createAttempts, 5 by default), so no `up` may fail on a create whose
// outcome is unknown. An `up` may still fail, rarely, on an idempotent call whose six attempts
// all met a fault (about one call in a thousand here); one more `up` then finishes the job.
import { describe, it } from "vitest";
import { runChaos } from "../bench/lib/chaos.mjs";
import { expectChaosConverged } from "./harness/chaos-checks.js";
import { useTestEmulator } from "./harness/emulator.js";

const PAIRS = 10;
const MAX_UPS = 2;

describe("chaos: up and destroy under injected faults", () => {
  const setup = useTestEmulator();

  it(`converges within ${MAX_UPS} ups, no create left unknown, no orphan, duplicate or unknown id, and destroy leaves nothing live`, async () => {
    const result = await runChaos({ emulatorUrl: setup.emulator.url, pairs: PAIRS, maxRuns: MAX_UPS });
    expectChaosConverged(result, PAIRS, MAX_UPS);
  }, 600_000);
});
