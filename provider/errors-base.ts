// The base of every error the client reports: CcmError with a stable `code` (switch on it, never
// on messages) and the brand that recognises one across copies of the module. Messages are
// scrubbed on construction, so a key, token, signature or PEM body cannot reach a user's
// terminal or Pulumi's logs through an error even if a caller passes one in by mistake. The
// families of errors live beside it (errors-*.ts); provider/errors.ts is what others import.
import { scrub } from "./redact.js";

export type CcmErrorCode =
  | "ERR_CCM_CONFIG"
  | "ERR_CCM_INVALID_ARGUMENT"
  | "ERR_CCM_API"
  | "ERR_CCM_TIMEOUT"
  | "ERR_CCM_NETWORK"
  | "ERR_CCM_RESPONSE_SCHEMA"
  | "ERR_CCM_EXPORT_FORMAT"
  | "ERR_CCM_CREATE_AMBIGUOUS"
  | "ERR_CCM_CREATE_OUTCOME_UNKNOWN"
  | "ERR_CCM_WAIT_TIMEOUT"
  | "ERR_CCM_DECODE"
  | "ERR_CCM_LOOKUP";

// GOTCHA: the dynamic-provider host can load this module twice (the serialized shim requires the
// package by name, tests import the sources), so `instanceof` fails across the copies. A
// registry-wide symbol brand survives that.
const BRAND = Symbol.for("pulumi-huaweicloud-ccm.CcmError");

/** Each subclass fixes `C` to its own code, so a switch on `code` over AnyCcmError narrows to the
 * class. The code strings are public: never change one. */
export class CcmError<C extends CcmErrorCode = CcmErrorCode> extends Error {
  readonly code: C;
  readonly [BRAND] = true;

  constructor(code: C, message: string, options?: { cause?: unknown }) {
    super(scrub(message), options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.name = new.target.name;
  }
}

/** True for any error from this package, even from another copy of the module. */
export function isCcmError(value: unknown): value is CcmError {
  if (value instanceof CcmError) return true;
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as { [BRAND]?: unknown; code?: unknown };
  return candidate[BRAND] === true && typeof candidate.code === "string" && candidate.code.startsWith("ERR_CCM_");
}

export type ServiceName = "ccm" | "scm" | "sms";

/** The call an error is about: which service, and the method and path as sent. */
export interface RequestRef {
  readonly service: ServiceName;
  readonly method: string;
  readonly path: string;
}
