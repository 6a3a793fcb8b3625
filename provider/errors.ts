// The one errors module. Every failure the client reports is a CcmError with a stable `code`
// (switch on it, never on messages); each kind of failure is its own class. Messages are
// scrubbed on construction, so a key, token, signature or PEM body cannot reach a user's
// terminal or Pulumi's logs through an error even if a caller passes one in by mistake.
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
  | "ERR_CCM_DECODE";

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

/** Configuration is missing or malformed; `looked` lists every place that was searched. */
export class CcmConfigError extends CcmError<"ERR_CCM_CONFIG"> {
  readonly looked: readonly string[];
  constructor(message: string, looked: readonly string[] = []) {
    super("ERR_CCM_CONFIG", message);
    this.looked = looked;
  }
}

/** Arguments failed validation before anything was sent. */
export class CcmInvalidArgumentError extends CcmError<"ERR_CCM_INVALID_ARGUMENT"> {
  readonly issues: readonly string[];
  constructor(what: string, issues: readonly string[]) {
    super("ERR_CCM_INVALID_ARGUMENT", `invalid ${what}: ${issues.join("; ")}`);
    this.issues = issues;
  }
}

export type ServiceName = "ccm" | "scm" | "sms";

/** The IAM action an operation needs; `documented` is false when the name follows the pattern but
 * is not on the API page we read. */
export interface IamAction {
  readonly name: string;
  readonly documented: boolean;
}

export interface ApiErrorDetails {
  readonly service: ServiceName;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly errorCode?: string | undefined;
  readonly errorMsg?: string | undefined;
  readonly requestId?: string | undefined;
  readonly iamAction?: IamAction | undefined;
  /** Where the credentials came from (names of config keys / env vars, never values). */
  readonly credentialSources?: string | undefined;
  readonly attempts?: number | undefined;
  readonly retryAfterMs?: number | undefined;
}

// Not found has two documented shapes (docs/api-facts.md §4, §12): the live service answers HTTP 400 with
// PCA.10010002; the docs' table says HTTP 404 with PCA.00030102. Both mean the same.
export const NOT_FOUND_ERROR_CODES: readonly string[] = ["PCA.10010002", "PCA.00030102"];
export const BAD_SIGNATURE_ERROR_CODES: readonly string[] = ["APIG.0301", "APIGW.0301"];

const HINTS_BY_ERROR_CODE: Readonly<Record<string, string>> = {
  "APIG.0301":
    "the AK/SK signature was rejected: check that the secret key belongs to the access key, and that this " +
    "machine's clock is within 15 minutes of UTC (X-Sdk-Date); five failures in a row lock the access key for 5 minutes",
  "PCA.10010002": "the CA or certificate does not exist (or was deleted); check the id and the account/region",
  "PCA.00030102": "the CA or certificate does not exist (or was deleted); check the id and the account/region",
  "PCA.00030202": "the CA or certificate is frozen: only viewing is allowed; contact the account administrator",
  "PCA.10010105": "a parameter has an invalid format (often an id that is empty or not a UUID)",
  "PCA.00020201": "the CA id is not a valid UUID",
  "PCA.00030301":
    "the certificate's public key does not match: import the certificate issued for the CSR exported from this CA",
};

/** The hint for an API failure: by error code first, then by HTTP status. */
export function apiErrorHint(details: ApiErrorDetails): string | undefined {
  const code = details.errorCode;
  const canonical = code === "APIGW.0301" ? "APIG.0301" : code;
  let hint = canonical ? HINTS_BY_ERROR_CODE[canonical] : undefined;
  if (hint && canonical === "APIG.0301" && details.credentialSources) {
    hint += ` (credentials from ${details.credentialSources})`;
  }
  if (hint) return hint;
  if (details.status === 403) {
    const action = details.iamAction;
    const permission = action
      ? `the IAM permission ${action.name}${action.documented ? "" : " (name inferred from the action pattern)"}`
      : "the IAM permission for this operation";
    // The service also answers 403 when a CA or certificate is in a state that forbids the
    // operation, so the hint names both causes rather than guessing.
    return (
      `forbidden: either the caller lacks ${permission} (CCM is a global service: an IAM token must be ` +
      "domain-scoped), or the CA/certificate's current status does not allow this operation"
    );
  }
  if (details.status === 401)
    return "authentication failed: the token is missing, expired or not valid for this service";
  if (details.status === 429)
    return "throttled by the service: lower the parallelism (pulumi up --parallel) or raise maxRetries";
  // By then the call was retried as often as maxRetries allows (when it was safe to resend).
  if (details.status >= 500)
    return (
      "the service failed on its side: run the same pulumi command again later; if it keeps failing, give the " +
      "request id to Huawei Cloud support (maxRetries / HW_MAX_RETRIES sets how often a call is retried first)"
    );
  return undefined;
}

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
    const what = [`HTTP ${details.status}`, details.errorCode].filter(Boolean).join(" ");
    const msg = details.errorMsg ? ` ${JSON.stringify(details.errorMsg)}` : "";
    const tries = details.attempts && details.attempts > 1 ? ` after ${details.attempts} attempts` : "";
    const id = details.requestId ? ` (request id ${details.requestId})` : "";
    super(
      "ERR_CCM_API",
      `${details.service.toUpperCase()} ${details.method} ${details.path} failed${tries}: ${what}${msg}${id}` +
        (hint ? `. Hint: ${hint}` : ""),
    );
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

export interface RequestRef {
  readonly service: ServiceName;
  readonly method: string;
  readonly path: string;
}

function describe(ref: RequestRef): string {
  return `${ref.service.toUpperCase()} ${ref.method} ${ref.path}`;
}

/** No complete response within the per-request timeout. `written` says whether the request had
 * been fully sent (then the server may have acted on it). */
export class CcmTimeoutError extends CcmError<"ERR_CCM_TIMEOUT"> implements RequestRef {
  readonly service: ServiceName;
  readonly method: string;
  readonly path: string;
  readonly timeoutMs: number;
  readonly written: boolean;
  readonly attempts: number | undefined;
  constructor(ref: RequestRef, timeoutMs: number, written: boolean, attempts?: number) {
    const tries = attempts && attempts > 1 ? ` (${attempts} attempts)` : "";
    super("ERR_CCM_TIMEOUT", `${describe(ref)} timed out after ${timeoutMs} ms${tries}`);
    this.service = ref.service;
    this.method = ref.method;
    this.path = ref.path;
    this.timeoutMs = timeoutMs;
    this.written = written;
    this.attempts = attempts;
  }
}

/** Node's certificate verification failures: the endpoint's CA is not trusted (see caBundle).
 * The one list: the network error's hint and the retry policy's fatal codes both read it. */
export const TLS_VERIFICATION_CODES: readonly string[] = [
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "CERT_UNTRUSTED",
  "ERR_TLS_CERT_ALTNAME_INVALID",
];

/** The connection failed (refused, reset, DNS, TLS). `cause` holds the transport error. */
export class CcmNetworkError extends CcmError<"ERR_CCM_NETWORK"> implements RequestRef {
  readonly service: ServiceName;
  readonly method: string;
  readonly path: string;
  readonly written: boolean;
  readonly transportCode: string | undefined;
  readonly attempts: number | undefined;
  constructor(ref: RequestRef, cause: unknown, written: boolean, attempts?: number) {
    const transportCode = transportCodeOf(cause);
    const reason = cause instanceof Error ? cause.message : String(cause);
    const tries = attempts && attempts > 1 ? ` (${attempts} attempts)` : "";
    const hint =
      transportCode && TLS_VERIFICATION_CODES.includes(transportCode)
        ? ". Hint: the endpoint's TLS certificate is not trusted; add its CA with caBundle / HW_CA_BUNDLE"
        : "";
    super(
      "ERR_CCM_NETWORK",
      `${describe(ref)} failed to get a response${tries}: ${transportCode ? `${transportCode} ` : ""}${reason}${hint}`,
      { cause },
    );
    this.service = ref.service;
    this.method = ref.method;
    this.path = ref.path;
    this.written = written;
    this.transportCode = transportCode;
    this.attempts = attempts;
  }
}

function transportCodeOf(cause: unknown): string | undefined {
  if (typeof cause !== "object" || cause === null) return undefined;
  const code = (cause as { code?: unknown }).code;
  if (typeof code === "string") return code;
  return transportCodeOf((cause as { cause?: unknown }).cause);
}

/** The API answered 2xx but the body is not what the docs describe. Not a transport failure. */
export class CcmResponseSchemaError extends CcmError<"ERR_CCM_RESPONSE_SCHEMA"> implements RequestRef {
  readonly service: ServiceName;
  readonly method: string;
  readonly path: string;
  readonly issues: readonly string[];
  readonly requestId: string | undefined;
  constructor(ref: RequestRef, issues: readonly string[], requestId?: string) {
    const id = requestId ? ` (request id ${requestId})` : "";
    super("ERR_CCM_RESPONSE_SCHEMA", `${describe(ref)} returned an unexpected response${id}: ${issues.join("; ")}`);
    this.service = ref.service;
    this.method = ref.method;
    this.path = ref.path;
    this.issues = issues;
    this.requestId = requestId;
  }
}

/** A compressed export did not contain the files the docs list for its type. */
export class CcmExportFormatError extends CcmError<"ERR_CCM_EXPORT_FORMAT"> {
  readonly fileNames: readonly string[];
  constructor(message: string, fileNames: readonly string[]) {
    super("ERR_CCM_EXPORT_FORMAT", `${message} (archive holds: ${fileNames.join(", ") || "nothing"})`);
    this.fileNames = fileNames;
  }
}

export type CreatedKind = "certificate" | "CA";

/** A create's response was lost and more than one unclaimed resource matches the whole request. */
export class CcmCreateAmbiguousError extends CcmError<"ERR_CCM_CREATE_AMBIGUOUS"> {
  readonly kind: CreatedKind;
  readonly candidateIds: readonly string[];
  constructor(kind: CreatedKind, what: string, candidateIds: readonly string[]) {
    super(
      "ERR_CCM_CREATE_AMBIGUOUS",
      `the response to creating ${kind} ${what} was lost and ${candidateIds.length} unclaimed ${kind}s match the ` +
        `whole request: ${candidateIds.join(", ")}. One of them is this request's; nothing was re-sent. Keep one ` +
        "and delete the others, or pass the ids you already manage as knownIds",
    );
    this.kind = kind;
    this.candidateIds = candidateIds;
  }
}

/** A create's response was lost and the client could not establish whether it took effect. */
export class CcmCreateOutcomeUnknownError extends CcmError<"ERR_CCM_CREATE_OUTCOME_UNKNOWN"> {
  readonly kind: CreatedKind;
  /** Look-alikes that may be this request's but could not be checked; empty when none was seen. */
  readonly candidateIds: readonly string[];
  constructor(
    kind: CreatedKind,
    what: string,
    reason: string,
    options?: { cause?: unknown; candidateIds?: readonly string[] },
  ) {
    const candidateIds = options?.candidateIds ?? [];
    super(
      "ERR_CCM_CREATE_OUTCOME_UNKNOWN",
      `creating ${kind} ${what}: the outcome is unknown (${reason}); ` +
        (candidateIds.length > 0
          ? `it may be one of ${candidateIds.join(", ")}: check them before retrying, so that no duplicate is created`
          : `list the ${kind}s in the console or API before retrying, so that no duplicate is created`),
      options,
    );
    this.kind = kind;
    this.candidateIds = candidateIds;
  }
}

/** A wait for a state did not finish before its deadline. */
export class CcmWaitTimeoutError extends CcmError<"ERR_CCM_WAIT_TIMEOUT"> {
  readonly resourceId: string;
  readonly wanted: readonly string[];
  readonly lastStatus: string | undefined;
  constructor(what: string, resourceId: string, wanted: readonly string[], lastStatus: string | undefined, ms: number) {
    super(
      "ERR_CCM_WAIT_TIMEOUT",
      `${what} ${resourceId} did not reach ${wanted.join(" or ")} within ${ms} ms (last status: ${lastStatus ?? "unknown"})`,
    );
    this.resourceId = resourceId;
    this.wanted = wanted;
    this.lastStatus = lastStatus;
  }
}

/** A certificate or certificate request (from the service, or given to a helper) that cannot be
 * decoded: no such PEM block, or DER that does not have the X.509 / PKCS#10 shape. */
export class CcmDecodeError extends CcmError<"ERR_CCM_DECODE"> {
  constructor(message: string) {
    super("ERR_CCM_DECODE", message);
  }
}

/** Every error class of this module: `switch (error.code)` narrows it to one. */
export type AnyCcmError =
  | CcmConfigError
  | CcmInvalidArgumentError
  | CcmApiError
  | CcmTimeoutError
  | CcmNetworkError
  | CcmResponseSchemaError
  | CcmExportFormatError
  | CcmCreateAmbiguousError
  | CcmCreateOutcomeUnknownError
  | CcmWaitTimeoutError
  | CcmDecodeError;

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

/**
 * Thrown when a create made the object but a later step failed (waiting, tagging, reading it
 * back). The dynamic-provider host turns an error carrying `id` into ErrorResourceInitFailed, so
 * the engine records the object in state instead of forgetting it: nothing is orphaned, and the
 * next `pulumi up` finishes the job (an update). `properties` become the recorded outputs; the
 * runtime's dispatch adds `__provider` to them, which refresh and destroy need.
 */
export class ResourceInitError extends Error {
  /** Stable, like a CcmError's. It stays a plain Error: the host reads only id, properties and reasons. */
  readonly code = "ERR_CCM_RESOURCE_INIT";
  readonly reasons: string[];
  constructor(
    readonly id: string,
    readonly properties: Record<string, unknown>,
    what: string,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `${what} ${id} was created, but ${reason.replace(/\.$/, "")}. It is kept in the stack: the next \`pulumi up\` finishes it`,
      {
        cause,
      },
    );
    this.name = "ResourceInitError";
    // The engine shows the user the reasons only, never the message: they must say that the
    // object exists and what comes next, not just which step failed.
    this.reasons = [this.message];
  }
}
