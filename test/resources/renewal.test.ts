// validityFromNow: what a create sends when the stored startFrom has passed (a replacement); and
// startFromFailures: when check refuses a start.
import { describe, expect, it } from "vitest";
import { validityFromNow } from "../../provider/resources/shared/renewal.js";
import { startFromFailures } from "../../provider/resources/shared/start-from.js";

const NOW = Date.parse("2026-06-01T12:00:00Z");

describe("validityFromNow", () => {
  it("leaves out a startFrom that has passed, so the object starts now", () => {
    expect(validityFromNow({ type: "DAY", value: 30, startFrom: NOW - 3_600_000 }, NOW)).toEqual({
      type: "DAY",
      value: 30,
    });
    expect(validityFromNow({ type: "DAY", value: 30, startFrom: "2026-06-01T11:59:59Z" }, NOW)).toEqual({
      type: "DAY",
      value: 30,
    });
  });

  it("keeps a startFrom still to come, and a validity without one", () => {
    const later = { type: "HOUR", value: 1, startFrom: NOW + 60_000 };
    expect(validityFromNow(later, NOW)).toEqual(later);
    const noStart: { type: string; value: number; startFrom?: number } = { type: "YEAR", value: 1 };
    expect(validityFromNow(noStart, NOW)).toEqual({ type: "YEAR", value: 1 });
  });
});

describe("startFromFailures", () => {
  const HOUR = 3_600_000;
  const given = (startFrom: unknown) => ({ validity: { type: "DAY", value: 30, startFrom } });

  it("refuses a start more than 5 minutes in the past whose window has ended too (a typo such as 2020)", () => {
    expect(startFromFailures(given(NOW - 31 * 24 * HOUR), {}, NOW, true)).toEqual([
      expect.objectContaining({ property: "validity.startFrom" }),
    ]);
  });

  it("lets a past start whose window is still open pass with no old inputs: the re-check of a renewal", () => {
    // The engine checks a replacement's inputs again with no olds; the create then starts it now.
    expect(startFromFailures(given(new Date(NOW - 29 * 24 * HOUR).toISOString()), {}, NOW, true)).toEqual([]);
  });

  it("lets an unchanged start pass however it is spelt: ISO text in the program, milliseconds in state", () => {
    const start = NOW - HOUR;
    const stored = given(start);
    expect(startFromFailures(given(new Date(start).toISOString()), stored, NOW, true)).toEqual([]);
    expect(startFromFailures(given(String(start)), stored, NOW, true)).toEqual([]);
    const ended = NOW - 40 * 24 * HOUR;
    expect(startFromFailures(given(new Date(ended).toISOString()), given(start), NOW, true)).toHaveLength(1);
  });
});
