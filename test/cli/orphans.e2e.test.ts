// `ccm-orphans` after a real interrupted `up`: the `pulumi` CLI is SIGKILLed while certificates
// are being created (1.5 s latency on each create), the dynamic-provider host finishes the creates
// in flight, and the recovery of docs/troubleshooting.md runs: `pulumi refresh
// --clear-pending-creates`, then `ccm-orphans --stack …` (built in dist/) to list and then revoke +
// delete, then `up` and `destroy`.
import { describe, it } from "vitest";
import { runSigkill } from "../../bench/lib/chaos.mjs";
import { expectSigkillRecovered } from "../harness/chaos-checks.js";
import { useTestEmulator } from "../harness/emulator.js";

describe("ccm-orphans after a SIGKILLed pulumi up", () => {
  const setup = useTestEmulator();

  it("finds exactly what the interrupted up left, cleans it, and the next up converges", async () => {
    const r = await runSigkill({ emulatorUrl: setup.emulator.url, pairs: 10, killAt: 2 });
    expectSigkillRecovered(r, 10);
  }, 600_000);
});
