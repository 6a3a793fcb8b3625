// What one attempt's outcome (http.ts) becomes for the caller: a 2xx response as a RawResponse
// with the service's clock beside ours (a lookup after a lost create dates its window by it), a
// failure as the typed error of provider/errors.ts, and the redacted CCM_DEBUG line every
// attempt writes when debugging is on.
import {
  CcmApiError,
  type CcmError,
  CcmNetworkError,
  CcmTimeoutError,
  type IamAction,
  type RequestRef,
} from "../errors.js";
import type { Redactor } from "../redact.js";
import { parseApiErrorBody } from "../schemas/api-error.js";
import type { AttemptOutcome } from "./http.js";

export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
  readonly requestId: string | undefined;
  readonly attempts: number;
  /** The service's clock from the Date header (ms), and ours when the response arrived. */
  readonly serverDate: number | undefined;
  readonly receivedAt: number;
}

export type ResponseOutcome = Extract<AttemptOutcome, { kind: "response" }>;

/** A response as the caller sees it; `receivedAt` is our clock when it arrived. */
export function toRawResponse(outcome: ResponseOutcome, attempts: number, receivedAt: number): RawResponse {
  const serverDate = outcome.headers.date ? Date.parse(outcome.headers.date) : Number.NaN;
  return {
    status: outcome.status,
    headers: outcome.headers,
    body: outcome.body,
    requestId: outcome.headers["x-request-id"],
    attempts,
    serverDate: Number.isFinite(serverDate) ? serverDate : undefined,
    receivedAt,
  };
}

/** The failed call, as an error needs it. */
export interface FailedCall {
  readonly ref: RequestRef;
  readonly iam: IamAction;
  readonly redact: Redactor;
  /** Where the credentials came from (names only), for the bad-signature hint. */
  readonly credentialSources: string;
}

/** The typed error of a failed attempt: a timeout, a network failure, or the API's error answer. */
export function attemptError(call: FailedCall, outcome: AttemptOutcome, attempts: number): CcmError {
  const { ref, redact } = call;
  if (outcome.kind === "timeout") return new CcmTimeoutError(ref, outcome.timeoutMs, outcome.written, attempts);
  if (outcome.kind === "network") return new CcmNetworkError(ref, outcome.error, outcome.written, attempts);
  let parsedBody: unknown;
  try {
    parsedBody = JSON.parse(Buffer.from(outcome.body).toString("utf8"));
  } catch {
    parsedBody = undefined;
  }
  const body = parseApiErrorBody(parsedBody);
  const retryAfter = outcome.headers["retry-after"];
  return new CcmApiError({
    ...ref,
    status: outcome.status,
    errorCode: body.errorCode,
    errorMsg: body.errorMsg === undefined ? undefined : redact(body.errorMsg),
    requestId: outcome.headers["x-request-id"] ?? body.requestId,
    iamAction: call.iam,
    credentialSources: call.credentialSources,
    attempts,
    retryAfterMs: retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) * 1000 : undefined,
  });
}

/** The debug line of one attempt (not yet redacted): what was sent, how it ended, and why the
 * policy decided what it did (`note`); an error answer's body, cut to 500 characters. */
export function attemptLogLine(
  ref: RequestRef,
  attempts: number,
  ms: number,
  outcome: AttemptOutcome,
  note: string,
): string {
  const result =
    outcome.kind === "response"
      ? `HTTP ${outcome.status}${outcome.headers["x-request-id"] ? ` request-id=${outcome.headers["x-request-id"]}` : ""}`
      : outcome.kind === "timeout"
        ? `timeout written=${outcome.written}`
        : `network ${outcome.code ?? outcome.error.message} written=${outcome.written}`;
  let line = `[ccm-client] ${ref.service} ${ref.method} ${ref.path} attempt=${attempts} ${ms}ms → ${result}`;
  if (note) line += ` (${note})`;
  if (outcome.kind === "response" && (outcome.status < 200 || outcome.status >= 300)) {
    line += ` body=${Buffer.from(outcome.body).toString("utf8").slice(0, 500)}`;
  }
  return line;
}

/** What Transport.execute answers: a response, or a create whose outcome is unknown. */
export type ExecuteResult =
  | { readonly kind: "ok"; readonly response: RawResponse }
  /** A create may have taken effect but its response was lost; `error` is what happened. */
  | { readonly kind: "ambiguous"; readonly error: CcmError; readonly reason: string };
