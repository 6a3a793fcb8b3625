// Validity rules judged on the raw inputs, so that they are reported together with every other
// failure (a zod refinement of the whole object is skipped once any field fails): the longest
// validity (its rule lives in schemas/validity.ts), and the startFrom rules that depend on the
// clock, for every resource that takes one. The service refuses a start more than 5 minutes in the
// past (CCM "Applying for a Certificate") and a certificate that would start after its issuer
// ends. The issuer's end is only known at `up`; no CA outlives a root's 30 years, so a start beyond
// that is refused here already.
//
// A start that has passed is never sent (validityFromNow: the object starts now), and it is the
// normal state of a certificate whose program fixes its start: when it comes up for renewal, the
// engine checks its inputs again for the replacement with no old inputs to compare with. So a past
// start is refused only when the window it states has ended too — a typo such as 2020, or a start
// that no certificate of this validity could still be living in.
import type { CheckFailure } from "../../kernel/handlers.js";
import { VALIDITY_START_FROM_MAX_FUTURE_YEARS, VALIDITY_START_FROM_MAX_PAST_MS } from "../../schemas/enums.js";
import { nominalValidityMs, startFromMs, VALIDITY_UNIT_MS, validityLimitReason } from "../../schemas/validity.js";
import { isUnknown } from "./unknowns.js";

function startOf(validity: unknown): unknown {
  return validity !== null && typeof validity === "object"
    ? (validity as { startFrom?: unknown }).startFrom
    : undefined;
}

/** Whether the window a validity states from `startMs` has not ended yet (its length as the docs define its unit). */
function windowStillOpen(validity: unknown, startMs: number, now: number): boolean {
  const { type, value } = (validity ?? {}) as { type?: unknown; value?: unknown };
  const length = nominalValidityMs(type, value);
  return length !== undefined && startMs + length > now;
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
  if (start === undefined || isUnknown(start)) return [];
  const ms = startFromMs(start);
  if (ms === undefined) return []; // the format rule reports it
  // Unchanged, however spelt: state holds the start as milliseconds, a program may give ISO text.
  if (ms === startFromMs(startOf(olds.validity))) return [];
  const earliest = new Date(now - VALIDITY_START_FROM_MAX_PAST_MS).toISOString();
  if (ms < now - VALIDITY_START_FROM_MAX_PAST_MS && !windowStillOpen(news.validity, ms, now)) {
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
