// `ccm-orphans` after a real interrupted `up`: the `pulumi` CLI is SIGKILLed while certificates
// are being created (1.5 s latency on each create), the dynamic-provider host finishes the creates
// in flight, and the README's recovery runs: `pulumi refresh --clear-pending-creates`, then
// `ccm-orphans --stack …` (built in dist/) to list and then revoke + delete, then `up` and `destroy`.
import { describe, expect, it } from "vitest";
import { runSigkill } from "../../bench/lib/chaos.mjs";
import { useTestEmulator } from "../harness/emulator.js";

describe("ccm-orphans after a SIGKILLed pulumi up", () => {
  const setup = useTestEmulator();

  it("finds exactly what the interrupted up left, cleans it, and the next up converges", async () => {
    const r = await runSigkill({ emulatorUrl: setup.emulator.url, pairs: 10, killAt: 2 });
    // The kill left certificates the state does not hold (else the test proves nothing) …
    expect(r.left.orphans.length, JSON.stringify(r)).toBeGreaterThan(0);
    expect(r.afterClear.pendingOperations).toBe(0);
    // … the command found all of them and nothing else, and cleaned them.
    expect(r.foundAll).toBe(true);
    expect(r.foundOnlyThose).toBe(true);
    expect(r.cleanFailures).toBe(0);
    expect(r.afterClean.orphans).toEqual([]);
    expect(r.ups, r.failures.join("\n")).toBe(1);
    expect(r.afterUp.liveCertificates).toBe(10);
    expect(r.afterUp.orphans).toEqual([]);
    expect(r.afterUp.duplicates).toBe(0);
    expect(r.afterUp.dangling).toEqual([]);
    expect(r.afterDestroy.liveCertificates).toBe(0);
    expect(r.afterDestroy.liveCas).toBe(0);
  }, 600_000);
});
