// validityFromNow: what a create sends when the stored startFrom has passed (a replacement).
import { describe, expect, it } from "vitest";
import { validityFromNow } from "../../provider/resources/shared/renewal.js";

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
