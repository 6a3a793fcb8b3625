// An `up` through the native plugin interrupted while certificate creates are in flight (each held
// 2 s by the emulator), through the real CLI with a YAML program (bench/lib/interrupt.mjs):
//   - Ctrl-C (SIGINT to `pulumi`): the engine cancels, the plugin is told (Cancel) and lets the
//     creates in flight finish; they are recorded, the plugin exits with the CLI, `up` converges.
//   - the plugin killed (not the CLI): with SIGTERM it answers what it has in flight first, so the
//     state holds every certificate made; with SIGKILL the creates in flight still complete in the
//     API but the engine records nothing of them (not even a pending operation): `ccm-orphans`
//     finds exactly those. Then `refresh`, `destroy` and `up` each leave the emulator's inventory
//     equal to `pulumi stack export`.
import { afterEach, describe, expect, it } from "vitest";
import { type Audit, type ChaosStack, orphansCommand, stateAudit } from "../../bench/lib/chaos.mjs";
import { type InterruptTarget, interruptedUp } from "../../bench/lib/interrupt.mjs";
import { useTestEmulator } from "../harness/emulator.js";
import { buildYamlHostFirst } from "./hosts.js";

const PAIRS = 4;

buildYamlHostFirst();

describe("an interrupted up through the native plugin", () => {
  const setup = useTestEmulator();
  let stack: ChaosStack | undefined;
  afterEach(async () => {
    await stack?.run(["destroy"]).catch(() => undefined);
    stack?.dispose();
    stack = undefined;
  });

  /** What is live in the emulator is exactly what the state holds; returns the audit. */
  async function inventoryMatchesExport(live?: { certificates: number; cas: number }): Promise<Audit> {
    const audit = await stateAudit(setup.emulator.url, stack as ChaosStack);
    expect(audit).toMatchObject({ orphans: [], dangling: [], duplicates: 0, pendingOperations: 0 });
    if (live) expect([audit.liveCertificates, audit.liveCas]).toEqual([live.certificates, live.cas]);
    return audit;
  }

  async function interrupt(target: InterruptTarget) {
    const result = await interruptedUp({ emulatorUrl: setup.emulator.url, pairs: PAIRS, target });
    stack = result.stack;
    expect(result.cliExitCode, result.output).not.toBe(0);
    expect(result.createsAtSignal).toBeGreaterThan(0);
    // Every plugin process went within seconds of the signal, none left behind.
    expect(result.pluginsStillRunning, result.output).toBe(0);
    expect(result.pluginExitMs).toBeLessThan(10_000);
    return result;
  }

  /** refresh, destroy and up from what the interruption left, each judged against the export. */
  async function recoveredByRefreshDestroyUp(): Promise<void> {
    await stack?.run(["refresh"]);
    await inventoryMatchesExport();
    await stack?.run(["destroy"]);
    await inventoryMatchesExport({ certificates: 0, cas: 0 });
    await stack?.run(["up"]);
    const audit = await inventoryMatchesExport({ certificates: PAIRS, cas: 2 });
    expect(audit.resources).toBe(2 * PAIRS + 2);
  }

  it("Ctrl-C: the creates in flight finish and are recorded, the plugin exits, the next up converges", async () => {
    const r = await interrupt("cli-sigint");
    expect(r.output).toContain("^C received; cancelling");
    // The engine ends a cancelled update as "canceled", or as "failed" when the signal came before
    // a create the plugin then refused unsent (which it says): both are a clean stop.
    expect(r.output).toMatch(
      /update canceled|the operation was cancelled before this create started; nothing was sent/,
    );
    const audit = await inventoryMatchesExport();
    expect(audit.liveCertificates).toBeGreaterThanOrEqual(r.createsAtSignal);
    await stack?.run(["up"]);
    await inventoryMatchesExport({ certificates: PAIRS, cas: 2 });
  }, 300_000);

  it("the plugin terminated mid-create answers its creates first: refresh, destroy, up", async () => {
    const r = await interrupt("plugin-sigterm");
    // The creates in flight were answered and recorded; what came after was refused unsent.
    const audit = await inventoryMatchesExport();
    expect(audit.liveCertificates).toBeGreaterThanOrEqual(r.createsAtSignal);
    await recoveredByRefreshDestroyUp();
  }, 300_000);

  it("the plugin SIGKILLed mid-create: ccm-orphans finds what its creates made, then refresh, destroy, up", async () => {
    const r = await interrupt("plugin-sigkill");
    expect(r.output).toContain("exited prematurely");
    const left = await stateAudit(setup.emulator.url, stack as ChaosStack);
    // The engine dropped the creates in flight without a trace in state; the API made them anyway.
    expect(left.pendingOperations).toBe(0);
    expect(left.orphans.length).toBeGreaterThanOrEqual(r.createsAtSignal);
    expect(left.dangling).toEqual([]);
    const found = await orphansCommand(stack as ChaosStack, []);
    expect(found.orphans.map((o) => o.id).sort()).toEqual([...left.orphans].sort());
    const cleaned = await orphansCommand(stack as ChaosStack, ["--revoke", "--delete", "--yes"]);
    expect(cleaned.actions.filter((a) => a.error)).toEqual([]);
    await inventoryMatchesExport();
    await recoveredByRefreshDestroyUp();
  }, 300_000);
});
