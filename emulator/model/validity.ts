// The Validity object (CCM "Applying for a Certificate" Table 4) and how it becomes not_before / not_after.

import { ApiError } from "./errors.js";
import { type JsonObject, requireObject, toInteger } from "./fields.js";
import { DAYS_PER_MONTH, START_FROM_TOLERANCE_MS, VALIDITY_TYPES } from "./limits.js";
import type { ValidityInput } from "./records.js";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export function parseValidity(value: unknown, path = "validity"): ValidityInput {
  const obj: JsonObject = requireObject(value, path, "invalidValidity");
  const type = obj.type;
  const found = VALIDITY_TYPES.find((candidate) => candidate === type);
  if (found === undefined) {
    throw new ApiError("invalidValidity", `Parameter ${path}.type must be one of ${VALIDITY_TYPES.join(", ")}.`);
  }
  const amount = toInteger(obj.value);
  if (amount === undefined || amount < 1) {
    throw new ApiError("invalidValidity", `Parameter ${path}.value must be a positive integer.`);
  }
  const out: ValidityInput = { type: found, value: amount };
  // GOTCHA: the docs type start_from as an integer, the Terraform provider sends it as a string of
  // digits; both reach the real service, so both are accepted here.
  if (obj.start_from !== undefined && obj.start_from !== null) {
    const startFrom = toInteger(obj.start_from);
    if (startFrom === undefined || startFrom < 0) {
      throw new ApiError("invalidValidity", `Parameter ${path}.start_from must be a timestamp in milliseconds.`);
    }
    out.startFrom = startFrom;
  }
  return out;
}

/** Adds whole UTC calendar years (Feb 29 rolls to Mar 1, as Date does). */
export function addYears(ms: number, years: number): number {
  const date = new Date(ms);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.getTime();
}

function end(start: number, validity: ValidityInput): number {
  switch (validity.type) {
    case "YEAR":
      return addYears(start, validity.value);
    case "MONTH":
      return start + validity.value * DAYS_PER_MONTH * DAY_MS;
    case "DAY":
      return start + validity.value * DAY_MS;
    case "HOUR":
      return start + validity.value * HOUR_MS;
  }
}

export interface ValidityWindow {
  notBefore: number;
  notAfter: number;
}

/**
 * Checks the documented limits and returns the window: start_from ≥ now − 5 min; at most `maxYears`
 * calendar years; and never past the issuing CA's own not_after.
 */
export function resolveValidity(
  validity: ValidityInput,
  now: number,
  maxYears: number,
  issuerNotAfter: number | null,
  path = "validity",
): ValidityWindow {
  const notBefore = validity.startFrom ?? now;
  if (notBefore < now - START_FROM_TOLERANCE_MS) {
    throw new ApiError(
      "invalidValidity",
      `Parameter ${path}.start_from cannot be earlier than the current time minus 5 minutes.`,
    );
  }
  const notAfter = end(notBefore, validity);
  if (notAfter > addYears(notBefore, maxYears)) {
    throw new ApiError("invalidValidity", `The validity period cannot be longer than ${maxYears} years.`);
  }
  if (issuerNotAfter !== null && notAfter > issuerNotAfter) {
    throw new ApiError("invalidValidity", "The validity period cannot end after the issuing CA's not_after.");
  }
  return { notBefore, notAfter };
}
