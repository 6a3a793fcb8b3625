// Bad inputs of Revocation: its target (exactly one of certificateId and caId, each a CCM id) and
// its reason (the RFC 5280 reasons CCM takes). null stands for "left out": the table merges a
// case over valid base args, so removing the base's certificateId is null. "Neither" names caId
// too, so that the table never packs it with "both" (whose caId would then be the one target).
import { CA_ID } from "./common.js";
import { LOWER_UUID } from "./reasons.js";

function revocation(name: string, args: Record<string, unknown>, property: string, allowed: RegExp) {
  return { name, type: "Revocation" as const, args, property, allowed };
}

const REASONS =
  /one of "UNSPECIFIED", "KEY_COMPROMISE", "CERTIFICATE_AUTHORITY_COMPROMISE", "AFFILIATION_CHANGED", "SUPERSEDED", "CESSATION_OF_OPERATION", "CERTIFICATE_HOLD", "PRIVILEGE_WITHDRAWN", "ATTRIBUTE_AUTHORITY_COMPROMISE"/;

export const REVOCATION_CASES = [
  revocation("both certificateId and caId", { caId: CA_ID }, "caId", /give certificateId or caId, not both/),
  revocation(
    "neither certificateId nor caId",
    { certificateId: null, caId: null },
    "certificateId",
    /either certificateId \(a private certificate\) or caId \(a SUBORDINATE CA\) is required/,
  ),
  revocation("reason unknown", { reason: "COMPROMISED" }, "reason", REASONS),
  revocation("reason in lower case", { reason: "key_compromise" }, "reason", REASONS),
  revocation("certificateId in upper case", { certificateId: CA_ID.toUpperCase() }, "certificateId", LOWER_UUID),
  revocation("caId a path", { certificateId: null, caId: "../x" }, "caId", LOWER_UUID),
  revocation(
    "reason misspelled",
    { reasn: "SUPERSEDED" },
    "reasn",
    /reasn is not a known property; did you mean reason\?/,
  ),
];
