// The handlers' clock: real time moved by CCM_CLOCK_OFFSET_MS, read at each call (a test moves it
// between two operations of one stack), refused loudly when it is not an integer.
import { afterEach, describe, expect, it } from "vitest";
import { CLOCK_OFFSET_ENV, clockOffsetMs, handlerContext } from "../../provider/kernel/context.js";

const MINUTE = 60_000;

describe("CCM_CLOCK_OFFSET_MS", () => {
  afterEach(() => {
    delete process.env[CLOCK_OFFSET_ENV];
  });

  it("is 0 when unset or empty", () => {
    expect(clockOffsetMs({})).toBe(0);
    expect(clockOffsetMs({ [CLOCK_OFFSET_ENV]: " " })).toBe(0);
  });

  it("reads whole milliseconds, either way", () => {
    expect(clockOffsetMs({ [CLOCK_OFFSET_ENV]: "600000" })).toBe(10 * MINUTE);
    expect(clockOffsetMs({ [CLOCK_OFFSET_ENV]: "-3480000" })).toBe(-58 * MINUTE);
    expect(clockOffsetMs({ [CLOCK_OFFSET_ENV]: "+5" })).toBe(5);
  });

  it("refuses anything else, naming the variable", () => {
    for (const raw of ["10m", "1.5", "1e3", "9007199254740993"]) {
      expect(() => clockOffsetMs({ [CLOCK_OFFSET_ENV]: raw })).toThrow(`${CLOCK_OFFSET_ENV} must be an integer`);
    }
  });

  it("moves the handlers' clock at each reading, with no new context", () => {
    const { clock } = handlerContext();
    const before = Date.now();
    process.env[CLOCK_OFFSET_ENV] = String(10 * MINUTE);
    const shifted = clock.now();
    expect(shifted).toBeGreaterThanOrEqual(before + 10 * MINUTE);
    expect(shifted).toBeLessThan(Date.now() + 10 * MINUTE + 1_000);
    delete process.env[CLOCK_OFFSET_ENV];
    expect(clock.now()).toBeLessThan(before + MINUTE);
  });
});
