// The API answered with an error status: CcmApiError keeps what the service said (status, error
// code and message, request id) with the hint for it (errors-api-hints.ts), and decides whether
// the answer means "the object does not exist", which must never be guessed: a resource drops
// out of state on it.
import { type ApiErrorDetails, apiErrorHint, type IamAction } from "./errors-api-hints.js";
import { CcmError, isCcmError, type ServiceName } from "./errors-base.js";

export type { ApiErrorDetails, IamAction };

import { scrub } from "./redact.js";

// Not found has two documented shapes (docs/api-facts.md §4, §12): the live service answers HTTP 400 with
// PCA.10010002; the docs' table says HTTP 404 with PCA.00030102. Both mean the same.
export const NOT_FOUND_ERROR_CODES: readonly string[] = ["PCA.10010002", "PCA.00030102"];

/** The API answered with an error status. */
export class CcmApiError extends CcmError<"ERR_CCM_API"> implements ApiErrorDetails {
  readonly service: ServiceName;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly errorCode: string | undefined;
  readonly errorMsg: string | undefined;
  readonly requestId: string | undefined;
  readonly iamAction: IamAction | undefined;
  readonly hint: string | undefined;
  readonly attempts: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(details: ApiErrorDetails) {
    const hint = apiErrorHint(details);
    super("ERR_CCM_API", apiErrorMessage(details, hint));
    this.service = details.service;
    this.method = details.method;
    this.path = details.path;
    this.status = details.status;
    this.errorCode = details.errorCode;
    this.errorMsg = details.errorMsg === undefined ? undefined : scrub(details.errorMsg);
    this.requestId = details.requestId;
    this.iamAction = details.iamAction;
    this.hint = hint;
    this.attempts = details.attempts;
    this.retryAfterMs = details.retryAfterMs;
  }

  /** Both documented not-found shapes (400 + PCA.10010002, 404 + PCA.00030102), or a bare 404;
   * for SCM and SMS, a 404 from the service (not the gateway). */
  get isNotFound(): boolean {
    return isNotFoundShape(this.service, this.status, this.errorCode);
  }
}

/** "CCM GET /v1/… failed after 3 attempts: HTTP 500 PCA.… "message" (request id …). Hint: …" */
function apiErrorMessage(details: ApiErrorDetails, hint: string | undefined): string {
  const what = [`HTTP ${details.status}`, details.errorCode].filter(Boolean).join(" ");
  const msg = details.errorMsg ? ` ${JSON.stringify(details.errorMsg)}` : "";
  const tries = details.attempts && details.attempts > 1 ? ` after ${details.attempts} attempts` : "";
  const id = details.requestId ? ` (request id ${details.requestId})` : "";
  return (
    `${details.service.toUpperCase()} ${details.method} ${details.path} failed${tries}: ${what}${msg}${id}` +
    (hint ? `. Hint: ${hint}` : "")
  );
}

export function isCcmApiError(value: unknown): value is CcmApiError {
  return isCcmError(value) && value.code === "ERR_CCM_API";
}

/** True when `value` is the API saying the CA, certificate (CCM or SCM) or SMS task does not exist. */
export function isNotFoundError(value: unknown): boolean {
  return isCcmApiError(value) && isNotFoundShape(value.service, value.status, value.errorCode);
}

// The API gateway answers 404 APIG.0101 for a path it does not route (a wrong endpoint), which
// says nothing about the object: it must never make a resource drop out of state.
const GATEWAY_ERROR_CODE = /^APIGW?\./;

function isNotFoundShape(service: ServiceName, status: number, errorCode: string | undefined): boolean {
  if (errorCode !== undefined && NOT_FOUND_ERROR_CODES.includes(errorCode)) return true;
  // SCM and SMS codes for a missing certificate or task are not published (the SMS certkey page
  // documents a 404 answer, without codes), so their 404 is the signal, unless the gateway sent it.
  if (service !== "ccm") return status === 404 && !(errorCode !== undefined && GATEWAY_ERROR_CODE.test(errorCode));
  return errorCode === undefined && status === 404;
}

/** An API error with an explanation in front; still a CcmApiError (code ERR_CCM_API). */
export class ExplainedApiError extends CcmApiError {
  readonly explanation: string;
  constructor(cause: CcmApiError, explanation: string) {
    super(cause);
    this.explanation = explanation;
    // The explanation names ids and statuses only; scrubbed anyway, as every CcmError message is.
    this.message = scrub(`${explanation} (${cause.message})`);
    this.cause = cause;
  }
}
