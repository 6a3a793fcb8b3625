// Validity rules judged on the raw inputs, so that they are reported together with every other
// failure (a zod refinement of the whole object is skipped once any field fails): the longest
// validity, and the startFrom rules that depend on the clock, for every resource that takes one. The
// service refuses a start more than 5 minutes in the past (CCM "Applying for a Certificate") and a certificate that would
// start after its issuer ends. The issuer's end is only known at `up`; no CA outlives a root's 30
// years, so a start beyond that is refused here already.
import type * as pulumi from "@pulumi/pulumi";
import {
  VALIDITY_START_FROM_MAX_FUTURE_YEARS,
  VALIDITY_START_FROM_MAX_PAST_MS,
  VALIDITY_TYPES,
  VALIDITY_UNITS_PER_YEAR,
  type ValidityType,
} from "../../schemas/enums.js";
import { isUnknown } from "./unknowns.js";

const YEAR_MS = 365.25 * 24 * 3600 * 1000;

function startOf(validity: unknown): unknown {
  return validity !== null && typeof validity === "object"
    ? (validity as { startFrom?: unknown }).startFrom
    : undefined;
}

function toMs(value: unknown): number | undefined {
  const ms =
    typeof value === "number"
      ? value
      : typeof value === "string"
        ? /^\d+$/.test(value)
          ? Number(value)
          : Date.parse(value)
        : Number.NaN;
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * Failures for validity.startFrom. Judged only when it changed: an unchanged start of something
 * that exists is history, not an error. `issued` is false for a root CA (nothing issues it).
 */
export function startFromFailures(
  news: Record<string, unknown>,
  olds: Record<string, unknown>,
  now: number,
  issued: boolean,
): pulumi.dynamic.CheckFailure[] {
  const start = startOf(news.validity);
  if (start === undefined || isUnknown(start) || start === startOf(olds.validity)) return [];
  const ms = toMs(start);
  if (ms === undefined) return []; // the format rule reports it
  const earliest = new Date(now - VALIDITY_START_FROM_MAX_PAST_MS).toISOString();
  if (ms < now - VALIDITY_START_FROM_MAX_PAST_MS) {
    return [
      {
        property: "validity.startFrom",
        reason: `must not be earlier than now minus 5 minutes (${earliest}); leave it out to start now`,
      },
    ];
  }
  const latest = now + VALIDITY_START_FROM_MAX_FUTURE_YEARS * YEAR_MS;
  if (issued && ms > latest) {
    return [
      {
        property: "validity.startFrom",
        reason:
          `must be before ${new Date(latest).toISOString()}: a certificate starts inside its issuer's validity, ` +
          `and no CA lasts longer than ${VALIDITY_START_FROM_MAX_FUTURE_YEARS} years`,
      },
    ];
  }
  return [];
}

/** validity.value beyond `maxYears` (lenient per VALIDITY_UNITS_PER_YEAR; the service has the final word). */
export function validityLimitFailures(news: Record<string, unknown>, maxYears: number): pulumi.dynamic.CheckFailure[] {
  const validity = news.validity;
  if (validity === null || typeof validity !== "object") return [];
  const { type, value } = validity as { type?: unknown; value?: unknown };
  if (typeof value !== "number" || !(VALIDITY_TYPES as readonly unknown[]).includes(type)) return [];
  const max = maxYears * VALIDITY_UNITS_PER_YEAR[type as ValidityType];
  return value > max
    ? [{ property: "validity.value", reason: `at most ${maxYears} years (${max} ${String(type)})` }]
    : [];
}
