// The one errors module others import. Every failure the client reports is a CcmError with a
// stable `code` (switch on it, never on messages); each kind of failure is its own class. The
// classes live by family: errors-base.ts (CcmError, the codes, the brand), errors-local.ts
// (found on this side: config, arguments, decoding, waits), errors-request.ts (no usable
// answer), errors-api.ts with errors-api-hints.ts (an error status, and what to do about it),
// errors-create.ts (a create that made something, or may have).
import type * as api from "./errors-api.js";
import type * as create from "./errors-create.js";
import type * as local from "./errors-local.js";
import type * as request from "./errors-request.js";

export {
  type ApiErrorDetails,
  CcmApiError,
  ExplainedApiError,
  type IamAction,
  isCcmApiError,
  isNotFoundError,
  NOT_FOUND_ERROR_CODES,
} from "./errors-api.js";
export { apiErrorHint, BAD_SIGNATURE_ERROR_CODES } from "./errors-api-hints.js";
export { CcmError, type CcmErrorCode, isCcmError, type RequestRef, type ServiceName } from "./errors-base.js";
export {
  CcmCreateAmbiguousError,
  CcmCreateOutcomeUnknownError,
  type CreatedKind,
  ResourceInitError,
} from "./errors-create.js";
export {
  CcmConfigError,
  CcmDecodeError,
  CcmExportFormatError,
  CcmInvalidArgumentError,
  CcmLookupError,
  CcmWaitTimeoutError,
} from "./errors-local.js";
export { CcmNetworkError, CcmResponseSchemaError, CcmTimeoutError, TLS_VERIFICATION_CODES } from "./errors-request.js";

/** Every error class of this package: `switch (error.code)` narrows it to one. */
export type AnyCcmError =
  | local.CcmConfigError
  | local.CcmInvalidArgumentError
  | api.CcmApiError
  | request.CcmTimeoutError
  | request.CcmNetworkError
  | request.CcmResponseSchemaError
  | local.CcmExportFormatError
  | create.CcmCreateAmbiguousError
  | create.CcmCreateOutcomeUnknownError
  | local.CcmWaitTimeoutError
  | local.CcmDecodeError
  | local.CcmLookupError;
