// Retry decisions as data: what is retried, what a create does instead, how long to wait.
import { describe, expect, it } from "vitest";
import type { AttemptOutcome } from "../../provider/client/http.js";
import {
  backoffMs,
  DEFAULT_RETRY_POLICY,
  decideRetry,
  failureMayPass,
  type Idempotency,
  parseRetryAfter,
} from "../../provider/client/retry.js";
import { CcmApiError, CcmNetworkError, CcmTimeoutError } from "../../provider/errors.js";

const NOW = Date.parse("2025-01-01T00:00:00Z");

function response(status: number, headers: Record<string, string> = {}): AttemptOutcome {
  return { kind: "response", status, headers, body: new Uint8Array() };
}
const network = (written: boolean, code = "ECONNRESET"): AttemptOutcome => ({
  kind: "network",
  written,
  code,
  error: Object.assign(new Error("socket"), { code }),
});
const timeout = (written: boolean): AttemptOutcome => ({ kind: "timeout", written, timeoutMs: 1000 });

function decide(outcome: AttemptOutcome, idempotency: Idempotency, attempts = 1, random = 0.5) {
  return decideRetry({ outcome, idempotency, attempts, policy: DEFAULT_RETRY_POLICY, now: NOW, random });
}

describe("decideRetry", () => {
  it.each([200, 201, 204])("is done on %i", (status) => {
    expect(decide(response(status), "create").action).toBe("done");
  });

  it.each([400, 401, 403, 404, 409, 501])("does not retry HTTP %i", (status) => {
    expect(decide(response(status), "idempotent").action).toBe("fail");
    expect(decide(response(status), "create").action).toBe("fail");
  });

  it.each([408, 429, 500, 502, 503, 504])("retries HTTP %i of an idempotent call", (status) => {
    expect(decide(response(status), "idempotent").action).toBe("retry");
  });

  it.each([408, 429, 503])("re-sends a create refused with HTTP %i (not processed)", (status) => {
    expect(decide(response(status), "create").action).toBe("retry");
  });

  it.each([500, 502, 504])("never blindly re-sends a create after HTTP %i: reconcile", (status) => {
    expect(decide(response(status), "create")).toMatchObject({ action: "reconcile" });
    // …not even with retries left over or none left.
    expect(decide(response(status), "create", 99).action).toBe("reconcile");
  });

  it("retries network errors and timeouts before the request was written, even a create", () => {
    expect(decide(network(false, "ECONNREFUSED"), "create")).toMatchObject({
      action: "retry",
      reason: "network error ECONNREFUSED before sending",
    });
    expect(decide(timeout(false), "create").action).toBe("retry");
  });

  it("reconciles a create that was written when the connection failed or timed out", () => {
    expect(decide(network(true), "create")).toMatchObject({
      action: "reconcile",
      reason: "network error ECONNRESET after the create was sent",
    });
    expect(decide(timeout(true), "create")).toMatchObject({
      action: "reconcile",
      reason: "timeout after the create was sent",
    });
  });

  it("retries idempotent calls after a written request failed", () => {
    expect(decide(network(true), "idempotent").action).toBe("retry");
    expect(decide(timeout(true), "idempotent").action).toBe("retry");
  });

  it("does not retry TLS verification failures: another attempt cannot fix them", () => {
    expect(decide(network(false, "DEPTH_ZERO_SELF_SIGNED_CERT"), "idempotent")).toMatchObject({ action: "fail" });
    expect(decide(network(false, "ERR_TLS_CERT_ALTNAME_INVALID"), "create")).toMatchObject({ action: "fail" });
  });

  it("stops after maxRetries retries", () => {
    const max = DEFAULT_RETRY_POLICY.maxRetries;
    expect(decide(response(503), "idempotent", max).action).toBe("retry");
    expect(decide(response(503), "idempotent", max + 1)).toMatchObject({
      action: "fail",
      reason: "HTTP 503, retries exhausted",
    });
    expect(decide(network(false), "create", max + 1).action).toBe("fail");
  });

  it("honours Retry-After in seconds and as an HTTP date", () => {
    expect(decide(response(429, { "retry-after": "3" }), "idempotent")).toMatchObject({
      action: "retry",
      delayMs: 3000,
    });
    const date = new Date(NOW + 7000).toUTCString();
    expect(decide(response(503, { "retry-after": date }), "create")).toMatchObject({ action: "retry", delayMs: 7000 });
  });

  it("gives up rather than wait for an unreasonable Retry-After", () => {
    expect(decide(response(429, { "retry-after": "3600" }), "idempotent")).toMatchObject({ action: "fail" });
  });

  it("ignores Retry-After on statuses that do not carry it", () => {
    const decision = decide(response(500, { "retry-after": "60" }), "idempotent", 1, 0);
    expect(decision).toMatchObject({ action: "retry", delayMs: 250 });
  });
});

describe("backoff", () => {
  it("doubles, is capped, and keeps half of each step fixed", () => {
    const p = DEFAULT_RETRY_POLICY;
    expect([1, 2, 3, 4].map((n) => backoffMs(n, p, 0))).toEqual([250, 500, 1000, 2000]);
    expect([1, 2, 3, 4].map((n) => backoffMs(n, p, 0.999999))).toEqual([500, 1000, 2000, 4000]);
    expect(backoffMs(30, p, 1)).toBe(p.maxDelayMs);
    expect(backoffMs(30, p, 0)).toBe(p.maxDelayMs / 2);
  });
});

describe("parseRetryAfter", () => {
  it("reads delta-seconds, HTTP dates, and rejects junk", () => {
    expect(parseRetryAfter("0", NOW)).toBe(0);
    expect(parseRetryAfter(" 1.5 ", NOW)).toBe(1500);
    expect(parseRetryAfter(new Date(NOW - 5000).toUTCString(), NOW)).toBe(0);
    expect(parseRetryAfter("soon", NOW)).toBeUndefined();
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
  });
});

describe("failureMayPass", () => {
  const ref = { service: "ccm", method: "GET", path: "/v1/private-certificates" } as const;
  const api = (status: number) => new CcmApiError({ ...ref, status, errorCode: "X" });

  it("says a failure the policy retries may pass when the call is made again, and a refusal will not", () => {
    for (const status of DEFAULT_RETRY_POLICY.retryableStatuses) expect(failureMayPass(api(status))).toBe(true);
    for (const status of [400, 401, 403, 404, 501]) expect(failureMayPass(api(status))).toBe(false);
    expect(failureMayPass(new CcmTimeoutError(ref, 30_000, true))).toBe(true);
    expect(
      failureMayPass(new CcmNetworkError(ref, Object.assign(new Error("reset"), { code: "ECONNRESET" }), true)),
    ).toBe(true);
    const untrusted = Object.assign(new Error("bad certificate"), { code: DEFAULT_RETRY_POLICY.fatalNetworkCodes[0] });
    expect(failureMayPass(new CcmNetworkError(ref, untrusted, false))).toBe(false);
    expect(failureMayPass(new TypeError("a bug"))).toBe(false);
  });
});
