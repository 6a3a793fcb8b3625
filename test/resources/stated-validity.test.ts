// The validity read back from a window (pulumi import, get): the largest unit that reproduces it.
import { describe, expect, it } from "vitest";
import { statedValidity } from "../../provider/resources/shared/stated-validity.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function windowOf(start: string, lengthMs: number): [string, string] {
  const from = Date.parse(start);
  return [new Date(from).toISOString(), new Date(from + lengthMs).toISOString()];
}

describe("statedValidity", () => {
  it("reads calendar years as YEAR, leap days included", () => {
    expect(statedValidity("2026-12-01T05:00:00.000Z", "2036-12-01T05:00:00.000Z")).toEqual({ type: "YEAR", value: 10 });
    // 366 days, Feb 29 2028 inside.
    expect(statedValidity("2028-01-01T00:00:00.000Z", "2029-01-01T00:00:00.000Z")).toEqual({ type: "YEAR", value: 1 });
  });

  it("reads the docs' 12 × 31-day years as YEAR too", () => {
    expect(statedValidity(...windowOf("2026-12-01T05:00:00Z", 3 * 372 * DAY))).toEqual({ type: "YEAR", value: 3 });
  });

  it("keeps a 365-day window that is not a calendar year as DAY", () => {
    // Mar 1 2027 + 365 days = Feb 29 2028: a calendar year would end on Mar 1.
    expect(statedValidity(...windowOf("2027-03-01T00:00:00Z", 365 * DAY))).toEqual({ type: "DAY", value: 365 });
  });

  it("reads 31-day months as MONTH, other whole days as DAY, other whole hours as HOUR", () => {
    expect(statedValidity(...windowOf("2026-12-01T05:00:00Z", 3 * 31 * DAY))).toEqual({ type: "MONTH", value: 3 });
    expect(statedValidity(...windowOf("2026-12-01T05:00:00Z", 90 * DAY))).toEqual({ type: "DAY", value: 90 });
    expect(statedValidity(...windowOf("2026-12-01T05:00:00Z", 36 * HOUR))).toEqual({ type: "HOUR", value: 36 });
    expect(statedValidity(...windowOf("2026-12-01T05:00:00Z", HOUR))).toEqual({ type: "HOUR", value: 1 });
  });

  it("allows the seconds a service may take between receiving and signing", () => {
    expect(statedValidity(...windowOf("2026-12-01T05:00:00Z", 90 * DAY - 3_000))).toEqual({ type: "DAY", value: 90 });
  });

  it("states nothing when no request gives the window, or the dates are missing or reversed", () => {
    expect(statedValidity(...windowOf("2026-12-01T05:00:00Z", 1.5 * HOUR))).toBeUndefined();
    expect(statedValidity(...windowOf("2026-12-01T05:00:00Z", 30 * 60_000))).toBeUndefined();
    expect(statedValidity(undefined, "2036-12-01T05:00:00.000Z")).toBeUndefined();
    expect(statedValidity("2026-12-01T05:00:00.000Z", undefined)).toBeUndefined();
    expect(statedValidity("2036-12-01T05:00:00.000Z", "2026-12-01T05:00:00.000Z")).toBeUndefined();
    expect(statedValidity("not a date", "2026-12-01T05:00:00.000Z")).toBeUndefined();
  });
});
