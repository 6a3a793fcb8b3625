// Validity rules judged on the raw inputs, so that they are reported together with every other
// failure (a zod refinement of the whole object is skipped once any field fails): the longest
// validity (its rule lives in schemas/validity.ts), and the startFrom rules that depend on the clock, for every resource that takes one. The
// service refuses a start more than 5 minutes in the past (CCM "Applying for a Certificate") and a certificate that would
// start after its issuer ends. The issuer's end is only known at `up`; no CA outlives a root's 30
// years, so a start beyond that is refused here already.
import type { CheckFailure } from "../../kernel/handlers.js";
import { VALIDITY_START_FROM_MAX_FUTURE_YEARS, VALIDITY_START_FROM_MAX_PAST_MS } from "../../schemas/enums.js";
import { startFromMs, VALIDITY_UNIT_MS, validityLimitReason } from "../../schemas/validity.js";
import { isUnknown } from "./unknowns.js";

function startOf(validity: unknown): unknown {
  return validity !== null && typeof validity === "object"
    ? (validity as { startFrom?: unknown }).startFrom
    : undefined;
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
): CheckFailure[] {
  const start = startOf(news.validity);
  if (start === undefined || isUnknown(start) || start === startOf(olds.validity)) return [];
  const ms = startFromMs(start);
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
  const latest = now + VALIDITY_START_FROM_MAX_FUTURE_YEARS * VALIDITY_UNIT_MS.YEAR;
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

/** validity.value beyond `maxYears`: the rule of schemas/validity.ts, as a check failure. */
export function validityLimitFailures(news: Record<string, unknown>, maxYears: number): CheckFailure[] {
  const reason = validityLimitReason(news.validity, maxYears);
  return reason ? [{ property: "validity.value", reason }] : [];
}
