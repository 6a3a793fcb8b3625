// The retry policy as data, and one pure function deciding what to do after an attempt. The
// question is never just "did it fail?" but "could the service have acted on it?":
//
// * nothing was written (connect refused, DNS, TLS, timeout before the request was sent), or the
//   service said it did not process the request (408, 429, 503): retry — even a create;
// * anything else that is retryable (5xx, a reset or timeout after the request was written):
//   retry only idempotent operations; a create must first find out whether it took effect
//   ("reconcile", see create.ts), because blindly re-sending it can duplicate a certificate;
// * unknown errors (programming bugs) are never retried.
import { CcmApiError, CcmNetworkError, CcmTimeoutError, TLS_VERIFICATION_CODES } from "../errors.js";
import type { AttemptOutcome } from "./http.js";

export interface RetryPolicy {
  /** Retries after the first attempt. */
  readonly maxRetries: number;
  /** Backoff of the first retry; doubles each time, capped at maxDelayMs, with jitter. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the failure is reported instead. */
  readonly maxRetryAfterMs: number;
  /** Statuses worth another attempt of an idempotent operation. */
  readonly retryableStatuses: readonly number[];
  /** Statuses that mean "not processed", so even a create may be re-sent. */
  readonly notProcessedStatuses: readonly number[];
  /** Statuses whose Retry-After header sets the delay. */
  readonly retryAfterStatuses: readonly number[];
  /** Transport error codes that another attempt cannot fix (TLS verification). */
  readonly fatalNetworkCodes: readonly string[];
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 5,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  maxRetryAfterMs: 120_000,
  retryableStatuses: [408, 429, 500, 502, 503, 504],
  notProcessedStatuses: [408, 429, 503],
  retryAfterStatuses: [429, 503],
  fatalNetworkCodes: TLS_VERIFICATION_CODES,
};

/** "idempotent": safe to send again. "create": a non-idempotent create (see create.ts). */
export type Idempotency = "idempotent" | "create";

/** Whether a call that failed with `error`, its retries spent, may succeed when made again later:
 * its failure is one the policy retries (a retryable status, a timeout, a network error that is
 * not fatal), not a refusal such as a missing permission. */
export function failureMayPass(error: unknown, policy: RetryPolicy = DEFAULT_RETRY_POLICY): boolean {
  if (error instanceof CcmApiError) return policy.retryableStatuses.includes(error.status);
  if (error instanceof CcmNetworkError) return !policy.fatalNetworkCodes.includes(error.transportCode ?? "");
  return error instanceof CcmTimeoutError;
}

export type RetryDecision =
  | { readonly action: "done" }
  | { readonly action: "fail"; readonly reason: string }
  | { readonly action: "retry"; readonly delayMs: number; readonly reason: string }
  | { readonly action: "reconcile"; readonly reason: string };

export interface DecideInput {
  readonly outcome: AttemptOutcome;
  readonly idempotency: Idempotency;
  /** Attempts made so far, including the one that produced `outcome` (1 after the first). */
  readonly attempts: number;
  readonly policy: RetryPolicy;
  /** Current time, for HTTP-date Retry-After values. */
  readonly now: number;
  /** A number in [0, 1), for jitter. */
  readonly random: number;
}

export function decideRetry(input: DecideInput): RetryDecision {
  const { outcome, idempotency, attempts, policy } = input;
  const budgetLeft = attempts <= policy.maxRetries;

  if (outcome.kind === "response") {
    const status = outcome.status;
    if (status >= 200 && status < 300) return { action: "done" };
    if (!policy.retryableStatuses.includes(status))
      return { action: "fail", reason: `HTTP ${status} is not retryable` };
    const notProcessed = policy.notProcessedStatuses.includes(status);
    if (idempotency === "create" && !notProcessed) {
      return { action: "reconcile", reason: `HTTP ${status} after the create was sent` };
    }
    if (!budgetLeft) return { action: "fail", reason: `HTTP ${status}, retries exhausted` };
    if (policy.retryAfterStatuses.includes(status)) {
      const retryAfter = parseRetryAfter(outcome.headers["retry-after"], input.now);
      if (retryAfter !== undefined) {
        if (retryAfter > policy.maxRetryAfterMs) {
          return { action: "fail", reason: `Retry-After ${retryAfter} ms exceeds ${policy.maxRetryAfterMs} ms` };
        }
        return { action: "retry", delayMs: retryAfter, reason: `HTTP ${status}, Retry-After` };
      }
    }
    return { action: "retry", delayMs: backoffMs(attempts, policy, input.random), reason: `HTTP ${status}` };
  }

  const what = outcome.kind === "timeout" ? "timeout" : `network error${outcome.code ? ` ${outcome.code}` : ""}`;
  if (outcome.kind === "network" && outcome.code && policy.fatalNetworkCodes.includes(outcome.code)) {
    return { action: "fail", reason: `${what} cannot be fixed by retrying` };
  }
  if (outcome.written && idempotency === "create") {
    return { action: "reconcile", reason: `${what} after the create was sent` };
  }
  if (!budgetLeft) return { action: "fail", reason: `${what}, retries exhausted` };
  const when = outcome.written ? "after sending" : "before sending";
  return { action: "retry", delayMs: backoffMs(attempts, policy, input.random), reason: `${what} ${when}` };
}

/** Exponential backoff with "equal jitter": half the step fixed, half random, so retries of many
 * clients spread out but none retries immediately. */
export function backoffMs(attempts: number, policy: RetryPolicy, random: number): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(step / 2 + (step / 2) * random);
}

/** Retry-After as delta-seconds or an HTTP-date → milliseconds from now (never negative). */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (!Number.isFinite(date)) return undefined;
  return Math.max(0, date - now);
}
