import { ApiError } from "./errors.js";
import { isObject } from "./fields.js";
import { REVOKE_REASONS, type RevokeReason } from "./limits.js";

/**
 * The revoke body: `{"reason": ...}` or `{}` for UNSPECIFIED. "When you do not want to give a
 * reason, set the body to {}; otherwise an error is reported" (RevokeCertificate page) — so a
 * missing body is refused.
 */
export function parseRevokeReason(body: unknown): RevokeReason {
  if (!isObject(body)) {
    throw new ApiError(
      "incorrectParameter",
      "The request body must be a JSON object; send {} when there is no reason.",
    );
  }
  const reason = body.reason;
  if (reason === undefined || reason === null) return "UNSPECIFIED";
  const found = REVOKE_REASONS.find((candidate) => candidate === reason);
  if (found === undefined) {
    throw new ApiError("incorrectParameter", `Parameter reason must be one of ${REVOKE_REASONS.join(", ")}.`);
  }
  return found;
}
