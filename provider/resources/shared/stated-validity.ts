// The `validity` to give a certificate or CA that is taken over by id (`pulumi import`, `get`): the
// API never returns the validity a create asked for, only the window it produced (notBefore,
// notAfter), yet `validity` is a required input. Without it a program taking the object over has
// to guess, and a wrong guess plans a replacement. So the window is read back as the request that
// makes it: the largest unit that reproduces its length, since that is what a person writes
// (YEAR 10, not DAY 3652).
import { VALIDITY_TOLERANCE_MS } from "../../client/certificate-match.js";
import type { ValidityType } from "../../schemas/enums.js";
import { calendarYearsLaterMs, VALIDITY_UNIT_MS } from "../../schemas/validity.js";

export interface StatedValidity {
  type: ValidityType;
  value: number;
}

const near = (a: number, b: number) => Math.abs(a - b) <= VALIDITY_TOLERANCE_MS;

/**
 * Whole years: the docs define YEAR as 12 months (12 × 31 days) and the emulator counts calendar
 * years (the docs are silent on which the service does), so either reading counts. 365-day years
 * are not a reading of their own: DAY 365 reproduces such a window under every reading, YEAR 1
 * only where the year holds no Feb 29 — and there the calendar reading already says YEAR 1.
 */
function wholeYears(start: number, length: number): number | undefined {
  const readings = [
    (years: number) => calendarYearsLaterMs(start, years) - start,
    (years: number) => years * VALIDITY_UNIT_MS.YEAR,
  ];
  for (const lengthOf of readings) {
    const years = Math.round(length / lengthOf(1));
    if (years >= 1 && near(lengthOf(years), length)) return years;
  }
  return undefined;
}

function wholeUnits(length: number, unit: number): number | undefined {
  const count = Math.round(length / unit);
  return count >= 1 && near(count * unit, length) ? count : undefined;
}

/**
 * The validity whose request gives the window [notBefore, notAfter] (ISO 8601), or undefined when
 * none does (or the dates are missing). Lengths are matched within VALIDITY_TOLERANCE_MS, the
 * allowance the client already makes when it recognises a certificate by its validity (the service
 * may round times, and stamp notBefore when it signs). No `startFrom`: a start in the past is
 * never sent again (validityFromNow), so stating one would change nothing but the diff.
 */
export function statedValidity(
  notBefore: string | undefined,
  notAfter: string | undefined,
): StatedValidity | undefined {
  const start = notBefore === undefined ? Number.NaN : Date.parse(notBefore);
  const end = notAfter === undefined ? Number.NaN : Date.parse(notAfter);
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) return undefined;
  const length = end - start;
  const candidates: [ValidityType, number | undefined][] = [
    ["YEAR", wholeYears(start, length)],
    ["MONTH", wholeUnits(length, VALIDITY_UNIT_MS.MONTH)],
    ["DAY", wholeUnits(length, VALIDITY_UNIT_MS.DAY)],
    ["HOUR", wholeUnits(length, VALIDITY_UNIT_MS.HOUR)],
  ];
  for (const [type, value] of candidates) if (value !== undefined) return { type, value };
  return undefined;
}
