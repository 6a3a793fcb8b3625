// Time-based renewal under the real engine: once now ≥ notAfter − renewBefore, `pulumi preview`
// and `up` plan a replacement by themselves — no refresh, no API call to find out. The emulator's
// clock is moved back so the first certificate is issued already close to its end.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestEmulator } from "../harness/emulator.js";
import { outputString, type TestStack } from "../harness/stack.js";
import { createRootCa } from "./fixtures.js";

const MINUTE = 60_000;

describe("PrivateCertificate renewal", () => {
  let emulator: TestEmulator;
  let stack: TestStack;

  beforeAll(async () => {
    emulator = await TestEmulator.start();
    // Issued 58 minutes "ago" with a 60-minute validity: 2 minutes left, inside a 10-minute window.
    await emulator.shiftClock(-58 * MINUTE);
    const { caId } = await createRootCa(emulator);
    stack = emulator.stack({
      program: "test/programs/certificate",
      config: { caId, validityHours: "1", renewBefore: "10m" },
    });
  });
  afterAll(async () => {
    await stack?.dispose();
    await emulator?.close();
  });

  it("a certificate inside its renewal window says so at once", async () => {
    const { outputs } = await stack.up();
    expect(outputs.readyForRenewal).toEqual({ value: true, secret: false });
    const remaining = Date.parse(outputString(outputs, "notAfter")) - Date.now();
    expect(remaining).toBeLessThan(10 * MINUTE);
  });

  it("preview plans the replacement of the certificate and its bundles, making no API call", async () => {
    await emulator.shiftClock(0);
    const before = await emulator.requestCount();
    expect(await stack.preview()).toEqual({ replace: 4, same: 1 });
    expect(await emulator.requestCount()).toBe(before);
  });

  it("up renews: a new certificate first, then the old one goes; the next preview is quiet", async () => {
    const oldId = (await stack.outputs()).certificateId?.value;
    const { outputs, changes } = await stack.up();
    expect(changes).toEqual({ replace: 4, same: 1 });
    expect(outputs.certificateId?.value).not.toBe(oldId);
    expect(outputs.readyForRenewal?.value).toBe(false);
    expect(Date.parse(outputString(outputs, "notAfter")) - Date.now()).toBeGreaterThan(50 * MINUTE);
    expect((await emulator.inventory()).certificates.map((c) => c.id)).toEqual([outputs.certificateId?.value]);
    await stack.previewNoChanges();
  });

  it("changing renewBefore is an in-place update that renews nothing", async () => {
    stack.setConfig({ renewBefore: "15m" });
    expect(await stack.preview()).toEqual({ update: 1, same: 4 });
  });
});

// Time moves through the clocks, never by waiting: the provider's (CCM_CLOCK_OFFSET_MS) and the
// emulator's jump past the start instead of a sleep until it.
describe("PrivateCertificate renewal with a fixed validity.startFrom", () => {
  const SECOND = 1_000;
  let emulator: TestEmulator;
  let stack: TestStack;
  let start: number;

  beforeAll(async () => {
    emulator = await TestEmulator.start();
    const { caId } = await createRootCa(emulator);
    // Starts in 3 minutes (the first `up` must create it before then, even on a loaded machine),
    // for an hour; the renewal window opens 30 minutes after the start.
    start = Math.ceil((Date.now() + 3 * MINUTE) / SECOND) * SECOND;
    stack = emulator.stack({
      program: "test/programs/certificate",
      config: {
        caId,
        validityHours: "1",
        startFrom: new Date(start).toISOString(),
        renewBefore: "30m",
      },
    });
  });
  afterAll(async () => {
    await stack?.dispose();
    await emulator?.close();
  });

  it("the first certificate starts at startFrom", async () => {
    const { outputs } = await stack.up();
    expect(Date.parse(outputString(outputs, "notAfter"))).toBe(start + 60 * MINUTE);
    expect(outputs.readyForRenewal?.value).toBe(false);
  });

  it("the renewal, long after startFrom has passed, starts now instead of re-sending it", async () => {
    const oldId = (await stack.outputs()).certificateId?.value;
    // Both clocks 40 minutes on: inside the renewal window, and the stored start (which check must
    // still accept, unchanged) long past — CCM refuses a start more than 5 minutes in the past.
    await emulator.shiftClocks(stack, 40 * MINUTE);
    expect(await stack.preview()).toEqual({ replace: 4, same: 1 });
    const { outputs, changes } = await stack.up();
    expect(changes).toEqual({ replace: 4, same: 1 });
    expect(outputs.certificateId?.value).not.toBe(oldId);
    // Issued at the emulator's "now", about 37 minutes after the start: not at the stored start.
    expect(Date.parse(outputString(outputs, "notAfter"))).toBeGreaterThan(start + 90 * MINUTE);
    expect((await emulator.inventory()).certificates.map((c) => c.id)).toEqual([outputs.certificateId?.value]);
    await stack.previewNoChanges();
  });
});
