// Validity: the one definition of each validity unit's length, and the rules on a validity that
// both `check` and the client's argument validation apply. The docs (docs/api-facts.md §2.1)
// define MONTH as 31 days and YEAR as 12 months; whether the service counts a YEAR as 12 × 31
// days, a calendar year or 365 days they leave open, so matching an issued window accepts each
// reading (validityLengthsMs). Validation, renewal, matching and import all read these; the
// emulator keeps its own copy from the docs, on purpose.
import { z } from "zod";
import { VALIDITY_TYPES, type ValidityType } from "./enums.js";

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Each unit's length as the docs define it. */
export const VALIDITY_UNIT_MS: Readonly<Record<ValidityType, number>> = {
  HOUR: HOUR_MS,
  DAY: DAY_MS,
  MONTH: 31 * DAY_MS,
  YEAR: 12 * 31 * DAY_MS,
};

/** `start` plus `years` UTC calendar years (Feb 29 rolls to Mar 1, as Date does). */
export function calendarYearsLaterMs(start: number, years: number): number {
  const date = new Date(start);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.getTime();
}

/**
 * The lengths `value` units starting at `startMs` may have on the service: the docs' length, and
 * for YEAR also calendar years and 365-day years (the docs leave YEAR's reading open).
 */
export function validityLengthsMs(type: ValidityType, value: number, startMs: number): number[] {
  const docs = value * VALIDITY_UNIT_MS[type];
  if (type !== "YEAR") return [docs];
  return [calendarYearsLaterMs(startMs, value) - startMs, value * 365 * DAY_MS, docs];
}

/** A validity's length as the docs define its unit, or undefined when type or value is not (yet) known. */
export function nominalValidityMs(type: unknown, value: unknown): number | undefined {
  if (typeof value !== "number" || !(VALIDITY_TYPES as readonly unknown[]).includes(type)) return undefined;
  return VALIDITY_UNIT_MS[type as ValidityType] * value;
}

const START_FROM_FORMAT = 'must be an ISO 8601 date such as "2030-01-01T00:00:00Z" or milliseconds since the epoch';

/** A startFrom as milliseconds since the epoch: a number, digits, or ISO 8601 text; undefined otherwise. */
export function startFromMs(value: unknown): number | undefined {
  const ms =
    typeof value === "number"
      ? value
      : typeof value === "string"
        ? /^\d+$/.test(value)
          ? Number(value)
          : Date.parse(value)
        : Number.NaN;
  return Number.isSafeInteger(ms) && ms > 0 ? ms : undefined;
}

/** start_from: milliseconds since the epoch (number or digits), or ISO 8601 text. */
const startFrom = z.union([z.number(), z.string()], { error: START_FROM_FORMAT }).transform((value, ctx) => {
  const ms = startFromMs(value);
  if (ms === undefined) {
    ctx.addIssue({ code: "custom", message: START_FROM_FORMAT });
    return z.NEVER;
  }
  return ms;
});

export const validityArgs = z.strictObject({
  type: z.enum(VALIDITY_TYPES),
  value: z.number().int().positive(),
  startFrom: startFrom.optional(),
});
export type ValidityArgs = z.input<typeof validityArgs>;

export interface ValidityBody {
  type: ValidityType;
  value: number;
  start_from?: number;
}

export function toValidityBody(validity: z.output<typeof validityArgs>): ValidityBody {
  const body: ValidityBody = { type: validity.type, value: validity.value };
  if (validity.startFrom !== undefined) body.start_from = validity.startFrom;
  return body;
}

/**
 * Why a validity (as given: any shape) is longer than `maxYears`, or undefined. A guard against
 * typos such as 200 YEAR, with years as the docs define them; the service has the final word.
 */
export function validityLimitReason(validity: unknown, maxYears: number): string | undefined {
  if (validity === null || typeof validity !== "object") return undefined;
  const { type, value } = validity as { type?: unknown; value?: unknown };
  if (typeof value !== "number" || !Number.isFinite(value) || nominalValidityMs(type, 1) === undefined)
    return undefined;
  const max = Math.floor((maxYears * VALIDITY_UNIT_MS.YEAR) / VALIDITY_UNIT_MS[type as ValidityType]);
  return value > max ? `at most ${maxYears} years (${max} ${String(type)})` : undefined;
}

/** The same rule as a zod refinement, for the client's arguments. */
export function checkValidityLimit(
  validity: { type: ValidityType; value: number } | undefined,
  maxYears: number,
  ctx: z.RefinementCtx,
  path: (string | number)[] = ["validity", "value"],
): void {
  const reason = validityLimitReason(validity, maxYears);
  if (reason) ctx.addIssue({ code: "custom", path, message: reason });
}
