// Chaos through the native plugin, CI-sized (`npm run chaos:plugin` is the N = 50 one): the chaos
// workload as a generated YAML program (root → issuing CA → 10 certificate + bundle pairs), the
// real `pulumi` CLI with the YAML language host and our plugin, ~30 % of API requests faulted
// (5xx, 429 with Retry-After, resets, 1.5 s latency, lost create responses); then a SIGKILL of
// `pulumi up` mid-run and the recovery of docs/troubleshooting.md. Judged by the emulator's inventory against
// `pulumi stack export` (bench/lib/chaos.mjs, shared with the dynamic provider's runs).
import { describe, expect, it } from "vitest";
import { runChaos, runSigkill } from "../../bench/lib/chaos.mjs";
import { expectChaosConverged, expectSigkillRecovered } from "../harness/chaos-checks.js";
import { useTestEmulator } from "../harness/emulator.js";
import { buildYamlHostFirst } from "./hosts.js";

const PAIRS = 10;
const MAX_UPS = 2;

buildYamlHostFirst();

describe("chaos through the native plugin", () => {
  const setup = useTestEmulator();

  it(`converges within ${MAX_UPS} ups, no create left unknown, no orphan, duplicate or unknown id, and destroy leaves nothing live`, async () => {
    const result = await runChaos({
      emulatorUrl: setup.emulator.url,
      pairs: PAIRS,
      maxRuns: MAX_UPS,
      frontEnd: "plugin",
    });
    expectChaosConverged(result, PAIRS, MAX_UPS);
  }, 600_000);
});

// An emulator of its own: the audit counts every live object in it as the stack's or an orphan.
describe("a SIGKILLed pulumi up through the native plugin", () => {
  const setup = useTestEmulator();

  it("after a SIGKILL of pulumi up the plugin finishes its creates and exits; the recovery converges", async () => {
    const r = await runSigkill({ emulatorUrl: setup.emulator.url, pairs: PAIRS, killAt: 2, frontEnd: "plugin" });
    // The plugin outlived the CLI only to finish what it had in flight, then went by itself.
    expect(r.providerExitedMs, JSON.stringify(r)).toBeDefined();
    expect(r.hostSurvived).toBe(0);
    expectSigkillRecovered(r, PAIRS);
  }, 600_000);
});
