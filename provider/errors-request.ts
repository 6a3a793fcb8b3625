// A request that got no usable answer: no complete response in time, no response at all
// (refused, reset, DNS, TLS), or a 2xx whose body is not what the docs describe. Each keeps the
// request it is about; `written` says whether the request had been fully sent, because then the
// service may have acted on it and a create cannot simply be sent again (client/create.ts).
import { CcmError, type CcmErrorCode, type RequestRef, type ServiceName } from "./errors-base.js";

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

/** The base of the errors below: the request, and a message that starts by naming it. */
export abstract class CcmRequestError<C extends CcmErrorCode> extends CcmError<C> implements RequestRef {
  readonly service: ServiceName;
  readonly method: string;
  readonly path: string;
  /** `what` follows the request in the message: "CCM GET /v1/… <what>". */
  constructor(code: C, ref: RequestRef, what: string, options?: { cause?: unknown }) {
    super(code, `${ref.service.toUpperCase()} ${ref.method} ${ref.path} ${what}`, options);
    this.service = ref.service;
    this.method = ref.method;
    this.path = ref.path;
  }
}

/** " (3 attempts)" after more than one attempt, else nothing. */
function attemptsNote(attempts: number | undefined): string {
  return attempts && attempts > 1 ? ` (${attempts} attempts)` : "";
}

/** No complete response within the per-request timeout. `written` says whether the request had
 * been fully sent (then the server may have acted on it). */
export class CcmTimeoutError extends CcmRequestError<"ERR_CCM_TIMEOUT"> {
  readonly timeoutMs: number;
  readonly written: boolean;
  readonly attempts: number | undefined;
  constructor(ref: RequestRef, timeoutMs: number, written: boolean, attempts?: number) {
    super("ERR_CCM_TIMEOUT", ref, `timed out after ${timeoutMs} ms${attemptsNote(attempts)}`);
    this.timeoutMs = timeoutMs;
    this.written = written;
    this.attempts = attempts;
  }
}

/** The connection failed (refused, reset, DNS, TLS). `cause` holds the transport error. */
export class CcmNetworkError extends CcmRequestError<"ERR_CCM_NETWORK"> {
  readonly written: boolean;
  readonly transportCode: string | undefined;
  readonly attempts: number | undefined;
  constructor(ref: RequestRef, cause: unknown, written: boolean, attempts?: number) {
    const transportCode = transportCodeOf(cause);
    const reason = cause instanceof Error ? cause.message : String(cause);
    const hint =
      transportCode && TLS_VERIFICATION_CODES.includes(transportCode)
        ? ". Hint: the endpoint's TLS certificate is not trusted; add its CA with caBundle / HW_CA_BUNDLE"
        : "";
    const code = transportCode ? `${transportCode} ` : "";
    super("ERR_CCM_NETWORK", ref, `failed to get a response${attemptsNote(attempts)}: ${code}${reason}${hint}`, {
      cause,
    });
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
export class CcmResponseSchemaError extends CcmRequestError<"ERR_CCM_RESPONSE_SCHEMA"> {
  readonly issues: readonly string[];
  readonly requestId: string | undefined;
  constructor(ref: RequestRef, issues: readonly string[], requestId?: string) {
    const id = requestId ? ` (request id ${requestId})` : "";
    super("ERR_CCM_RESPONSE_SCHEMA", ref, `returned an unexpected response${id}: ${issues.join("; ")}`);
    this.issues = issues;
    this.requestId = requestId;
  }
}
