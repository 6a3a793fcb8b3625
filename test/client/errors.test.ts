// Errors: stable codes, messages with method/path/status/error_code/request id and a hint, the
// guard across module copies, and redaction of keys, tokens, signatures and PEM bodies.
import { describe, expect, it, vi } from "vitest";
import { DEMO_CREDENTIALS } from "../../emulator/index.js";
import {
  CcmApiError,
  CcmCreateAmbiguousError,
  CcmError,
  CcmNetworkError,
  CcmResponseSchemaError,
  CcmTimeoutError,
  isCcmApiError,
  isCcmError,
  isNotFoundError,
} from "../../provider/errors.js";
import { createRedactor, scrub } from "../../provider/redact.js";
import { parseApiErrorBody } from "../../provider/schemas/api-error.js";

const base = { service: "ccm", method: "GET", path: "/v1/private-certificates/abc" } as const;

describe("CcmApiError", () => {
  it("carries every detail and formats them in one line", () => {
    const error = new CcmApiError({
      ...base,
      status: 401,
      errorCode: "APIG.0301",
      errorMsg: "Incorrect IAM authentication information: verify aksk signature fail",
      requestId: "req-123",
      credentialSources: "access key from HW_ACCESS_KEY, secret key from huaweicloud-ccm:secretKey",
      attempts: 1,
    });
    expect(error).toBeInstanceOf(CcmError);
    expect(error.code).toBe("ERR_CCM_API");
    expect(error.name).toBe("CcmApiError");
    expect(error).toMatchObject({
      method: "GET",
      path: base.path,
      status: 401,
      errorCode: "APIG.0301",
      requestId: "req-123",
    });
    expect(error.message).toBe(
      'CCM GET /v1/private-certificates/abc failed: HTTP 401 APIG.0301 "Incorrect IAM authentication information: ' +
        'verify aksk signature fail" (request id req-123). Hint: the AK/SK signature was rejected: check that the ' +
        "secret key belongs to the access key, and that this machine's clock is within 15 minutes of UTC (X-Sdk-Date); " +
        "five failures in a row lock the access key for 5 minutes (credentials from access key from HW_ACCESS_KEY, " +
        "secret key from huaweicloud-ccm:secretKey)",
    );
  });

  it("treats APIGW.0301 like APIG.0301", () => {
    expect(new CcmApiError({ ...base, status: 401, errorCode: "APIGW.0301" }).hint).toMatch(/clock/);
  });

  it("recognises both documented not-found shapes", () => {
    const live = new CcmApiError({ ...base, status: 400, errorCode: "PCA.10010002", errorMsg: "x" });
    const documented = new CcmApiError({ ...base, status: 404, errorCode: "PCA.00030102" });
    const bare = new CcmApiError({ ...base, status: 404 });
    const other400 = new CcmApiError({ ...base, status: 400, errorCode: "PCA.00020001" });
    expect([live, documented, bare].map(isNotFoundError)).toEqual([true, true, true]);
    expect(isNotFoundError(other400)).toBe(false);
    expect(live.isNotFound).toBe(true);
    expect(live.hint).toMatch(/does not exist/);
    expect(isNotFoundError(new Error("PCA.10010002"))).toBe(false);
  });

  it("recognises SCM and SMS not-found (a 404 from the service), never the gateway's no-such-API 404", () => {
    const scm = { service: "scm", method: "POST", path: "/v3/scm/certificates/scs0000000000000/export" } as const;
    const sms = { service: "sms", method: "GET", path: "/v3/tasks/t1/certkey" } as const;
    expect(isNotFoundError(new CcmApiError({ ...scm, status: 404, errorCode: "SCM.0002" }))).toBe(true);
    expect(isNotFoundError(new CcmApiError({ ...sms, status: 404, errorCode: "SMS.0002" }))).toBe(true);
    expect(new CcmApiError({ ...sms, status: 404 }).isNotFound).toBe(true);
    expect(isNotFoundError(new CcmApiError({ ...scm, status: 404, errorCode: "APIG.0101" }))).toBe(false);
    expect(isNotFoundError(new CcmApiError({ ...sms, status: 404, errorCode: "APIGW.0101" }))).toBe(false);
    expect(isNotFoundError(new CcmApiError({ ...scm, status: 400, errorCode: "SCM.0001" }))).toBe(false);
    expect(isNotFoundError(new CcmApiError({ ...sms, status: 403, errorCode: "SMS.9004" }))).toBe(false);
    // CCM keeps its own rule: a 404 carrying a code other than the not-found ones is something else.
    expect(isNotFoundError(new CcmApiError({ ...base, status: 404, errorCode: "APIG.0101" }))).toBe(false);
  });

  it("names the IAM permission on 403, flagging names that are inferred", () => {
    const documented = new CcmApiError({
      ...base,
      status: 403,
      errorCode: "PCA.00010403",
      iamAction: { name: "pca:cert:get", documented: true },
    });
    expect(documented.hint).toContain("the caller lacks the IAM permission pca:cert:get (CCM is a global service");
    expect(documented.hint).toContain("status does not allow this operation");
    const inferred = new CcmApiError({ ...base, status: 403, iamAction: { name: "pca:ca:enable", documented: false } });
    expect(inferred.hint).toContain("pca:ca:enable (name inferred from the action pattern)");
  });

  it("mentions retries and throttling", () => {
    const error = new CcmApiError({ ...base, status: 429, errorCode: "APIG.0308", attempts: 6 });
    expect(error.message).toContain("failed after 6 attempts: HTTP 429 APIG.0308");
    expect(error.hint).toMatch(/throttled/);
  });

  it("says what to do when the service keeps failing on its side (5xx after the retries)", () => {
    const error = new CcmApiError({ ...base, status: 500, errorCode: "PCA.00010001", requestId: "r-1", attempts: 6 });
    expect(error.message).toMatch(/failed after 6 attempts: HTTP 500 PCA\.00010001 \(request id r-1\)\. Hint: /);
    expect(error.hint).toMatch(/failed on its side: run the same pulumi command again later/);
    expect(new CcmApiError({ ...base, status: 400 }).hint).toBeUndefined();
  });
});

describe("other error classes", () => {
  it("timeouts and network errors name the request and whether it was written", () => {
    const timeout = new CcmTimeoutError(base, 1500, true, 3);
    expect(timeout.message).toBe("CCM GET /v1/private-certificates/abc timed out after 1500 ms (3 attempts)");
    expect(timeout).toMatchObject({ code: "ERR_CCM_TIMEOUT", written: true });
    const cause = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" });
    const network = new CcmNetworkError(base, cause, false);
    expect(network.message).toBe(
      "CCM GET /v1/private-certificates/abc failed to get a response: ECONNREFUSED connect ECONNREFUSED 127.0.0.1:1",
    );
    expect(network).toMatchObject({ code: "ERR_CCM_NETWORK", transportCode: "ECONNREFUSED", written: false, cause });
  });

  it("schema errors are their own class and code", () => {
    const error = new CcmResponseSchemaError(base, ["status: expected string"], "r1");
    expect(error).toMatchObject({
      code: "ERR_CCM_RESPONSE_SCHEMA",
      issues: ["status: expected string"],
      requestId: "r1",
    });
    expect(isCcmApiError(error)).toBe(false);
  });

  it("an ambiguous create names the candidates", () => {
    const error = new CcmCreateAmbiguousError("certificate", '"app" from CA x', ["id-1", "id-2"]);
    expect(error.message).toContain("2 unclaimed certificates match the whole request: id-1, id-2");
    // A dynamic provider cannot be imported: the client's message never sends the user there.
    expect(error.message).not.toContain("pulumi import");
    expect(error.candidateIds).toEqual(["id-1", "id-2"]);
  });
});

describe("isCcmError", () => {
  it("recognises errors from another copy of the module, where instanceof fails", async () => {
    vi.resetModules();
    const other = await import("../../provider/errors.js");
    const foreign = new other.CcmApiError({ ...base, status: 500 });
    expect(foreign instanceof CcmError).toBe(false);
    expect(isCcmError(foreign)).toBe(true);
    expect(isCcmApiError(foreign)).toBe(true);
  });

  it("rejects look-alikes without the brand", () => {
    expect(isCcmError({ code: "ERR_CCM_API", message: "x" })).toBe(false);
    expect(isCcmError(new Error("ERR_CCM_API"))).toBe(false);
    expect(isCcmError(null)).toBe(false);
  });
});

const PEM_KEY = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAsecretsecret\n-----END RSA PRIVATE KEY-----";

describe("redaction", () => {
  it("scrubs PEM bodies, even truncated ones", () => {
    expect(scrub(`key: ${PEM_KEY} end`)).toBe("key: [PEM redacted] end");
    expect(scrub("start -----BEGIN PRIVATE KEY-----\nMIIEv")).toBe("start [PEM redacted]");
  });

  it("scrubs Authorization values, signatures and token headers", () => {
    const auth =
      "SDK-HMAC-SHA256 Access=AKID, SignedHeaders=host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe";
    expect(scrub(`Authorization: ${auth}`)).not.toMatch(/AKID|7be66680/);
    expect(scrub("Signature=7be6668032f70418fcc22abc52071e57")).toBe("Signature=[redacted]");
    expect(scrub("X-Auth-Token: MIIabc.def x-security-token=tok123")).toBe(
      "X-Auth-Token: [redacted] x-security-token=[redacted]",
    );
    expect(scrub(`token ${"A".repeat(200)} end`)).toBe("token [redacted] end");
  });

  it("replaces known secret values wherever they appear", () => {
    const { accessKey, secretKey } = DEMO_CREDENTIALS;
    const redact = createRedactor([accessKey, secretKey, undefined, "ab"]);
    expect(redact(`ak=${accessKey} sk=${secretKey} ab`)).toBe("ak=[redacted] sk=[redacted] ab");
  });

  it("error messages are scrubbed even when a caller passes a secret in", () => {
    const error = new CcmApiError({ ...base, status: 400, errorCode: "PCA.00020001", errorMsg: `bad key ${PEM_KEY}` });
    expect(error.message).not.toContain("MIIEowIBAAKCAQEAsecretsecret");
    expect(error.errorMsg).toBe("bad key [PEM redacted]");
  });
});

describe("error bodies", () => {
  it("reads the documented flat form and the gateway's nested form", () => {
    expect(parseApiErrorBody({ error_code: "PCA.10010002", error_msg: "not found" })).toEqual({
      errorCode: "PCA.10010002",
      errorMsg: "not found",
      requestId: undefined,
    });
    expect(parseApiErrorBody({ error: { code: "APIG.0301", message: "bad sig", request_id: "r" } })).toEqual({
      errorCode: "APIG.0301",
      errorMsg: "bad sig",
      requestId: "r",
    });
    expect(
      parseApiErrorBody({ error_code: "SMS.1", error_msg: "x", encoded_authorization_message: "m", details: [] })
        .errorCode,
    ).toBe("SMS.1");
    expect(parseApiErrorBody("<html>")).toEqual({ errorCode: undefined, errorMsg: undefined, requestId: undefined });
  });
});
