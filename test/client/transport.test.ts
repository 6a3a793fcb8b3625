// The transport against a local node:http server: connection reuse, what is signed and sent,
// retries as the policy says, typed errors, and redacted debug output.
import { afterEach, describe, expect, it } from "vitest";
import { poolCount } from "../../provider/client/http.js";
import { CcmClient } from "../../provider/client/index.js";
import { canonicalQueryString, sign } from "../../provider/client/signer.js";
import { Transport, type TransportOptions } from "../../provider/client/transport.js";
import { type ResolvedConfig, resolveConfig } from "../../provider/config.js";
import { CcmApiError, CcmNetworkError, CcmTimeoutError, isCcmError } from "../../provider/errors.js";
import {
  json,
  type LocalServer,
  type RecordedRequest,
  reset,
  startLocalServer,
  useLocalServer,
} from "./local-server.js";

const AK = "LOCALACCESSKEY000000";
const SK = "localSecretKey000000000000000000000000";
const CERT_ID = "ae9a326a-b61e-4446-854d-cda30ffe31f5";
const CERT = {
  certificate_id: CERT_ID,
  status: "ISSUED",
  create_time: 1645146939688,
  distinguished_name: { common_name: "a" },
};

let server: LocalServer;
useLocalServer((started) => {
  server = started;
});
afterEach(() => {
  server.requests.length = 0;
});

function config(extra: Record<string, string> = {}, env: Record<string, string> = {}): ResolvedConfig {
  return resolveConfig(
    {
      "huaweicloud-ccm:ccmEndpoint": server.url,
      "huaweicloud-ccm:scmEndpoint": server.url,
      "huaweicloud-ccm:smsEndpoint": server.url,
      ...extra,
    },
    { HW_ACCESS_KEY: AK, HW_SECRET_KEY: SK, ...env },
  );
}

interface Recorder {
  sleeps: number[];
  lines: string[];
  options: TransportOptions;
}
function recorder(): Recorder {
  const sleeps: number[] = [];
  const lines: string[] = [];
  return {
    sleeps,
    lines,
    options: { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5, debug: (line) => lines.push(line) },
  };
}

/** Re-computes the signature from what the server received, as a gateway would. */
function verifySignature(req: RecordedRequest, secretKey: string): boolean {
  const auth = String(req.headers.authorization ?? "");
  const match = /^SDK-HMAC-SHA256 Access=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(auth);
  if (!match) return false;
  const [, access, signedHeaders, signature] = match;
  const headers: Record<string, string> = {};
  for (const name of (signedHeaders ?? "").split(";")) headers[name] = String(req.headers[name] ?? "");
  const [path, query = ""] = req.url.split("?");
  const expected = sign(
    { method: req.method, path: path ?? "", query: [...new URLSearchParams(query)], headers, body: req.body },
    access ?? "",
    secretKey,
  );
  return expected.signature === signature;
}

describe("connections", () => {
  it("100 sequential calls to one host use one keep-alive TCP connection, shared across clients", async () => {
    server.setHandler(json(200, CERT));
    const before = server.connections();
    const first = new CcmClient(config());
    for (let i = 0; i < 50; i++) await first.certificates.get(CERT_ID);
    // A new client (as each dynamic-provider call builds) reuses the module's pool.
    const second = new CcmClient(config());
    for (let i = 0; i < 50; i++) await second.certificates.get(CERT_ID);
    expect(server.requests).toHaveLength(100);
    expect(server.connections() - before).toBe(1);
    expect(poolCount()).toBe(1);
  });
});

describe("requests", () => {
  it("signs host, date, content type, project, domain and security token, and the server can verify it", async () => {
    server.setHandler(json(200, { certificate_id: CERT_ID }));
    const transport = new Transport(
      config(
        { "huaweicloud-ccm:projectId": "proj-1", "huaweicloud-ccm:domainId": "dom-1" },
        { HW_SECURITY_TOKEN: "temp-token" },
      ),
      { now: () => new Date("2024-05-06T07:08:09Z") },
    );
    await transport.send({
      op: "revokeCertificate",
      params: { certificate_id: CERT_ID },
      body: { reason: "SUPERSEDED" },
    });
    const [req] = server.requests;
    expect(req?.method).toBe("POST");
    expect(req?.url).toBe(`/v1/private-certificates/${CERT_ID}/revoke`);
    expect(req?.headers["x-sdk-date"]).toBe("20240506T070809Z");
    expect(req?.headers["x-security-token"]).toBe("temp-token");
    expect(req?.headers["x-project-id"]).toBe("proj-1");
    expect(req?.headers["x-domain-id"]).toBe("dom-1");
    expect(req?.headers["content-type"]).toBe("application/json;charset=UTF-8");
    expect(req?.body).toBe('{"reason":"SUPERSEDED"}');
    expect(String(req?.headers.authorization)).toMatch(
      /SignedHeaders=content-type;host;x-domain-id;x-project-id;x-sdk-date;x-security-token,/,
    );
    expect(verifySignature(req as RecordedRequest, SK)).toBe(true);
    expect(verifySignature(req as RecordedRequest, "wrong")).toBe(false);
  });

  it("sends the canonical query and encoded path segments it signed", async () => {
    server.setHandler(json(200, { total: 0, certificates: [] }));
    const client = new CcmClient(config());
    await client.certificates.list({ name: "web (prod) é", limit: 5, status: "ISSUED" });
    const [req] = server.requests;
    expect(req?.url).toBe("/v1/private-certificates?limit=5&name=web%20%28prod%29%20%C3%A9&status=ISSUED");
    expect(canonicalQueryString([...new URLSearchParams(req?.url.split("?")[1] ?? "")])).toBe(req?.url.split("?")[1]);
    expect(verifySignature(req as RecordedRequest, SK)).toBe(true);
    server.setHandler(json(200, { tags: [] }));
    await client.certificates.tags.list("id with/slash");
    expect(server.requests[1]?.url).toBe("/v1/private-certificates/id%20with%2Fslash/tags");
    expect(verifySignature(server.requests[1] as RecordedRequest, SK)).toBe(true);
  });

  it("keeps a path prefix of the endpoint and signs it", async () => {
    server.setHandler(json(200, CERT));
    const client = new CcmClient(config({ "huaweicloud-ccm:ccmEndpoint": `${server.url}/gateway/` }));
    await client.certificates.get(CERT_ID);
    expect(server.requests[0]?.url).toBe(`/gateway/v1/private-certificates/${CERT_ID}`);
    expect(verifySignature(server.requests[0] as RecordedRequest, SK)).toBe(true);
  });

  it("uses X-Auth-Token instead of a signature when given a token", async () => {
    server.setHandler(json(200, CERT));
    const client = new CcmClient(
      config({ "huaweicloud-ccm:authToken": "iam-token-value" }, { HW_ACCESS_KEY: "", HW_SECRET_KEY: "" }),
    );
    await client.certificates.get(CERT_ID);
    const [req] = server.requests;
    expect(req?.headers["x-auth-token"]).toBe("iam-token-value");
    expect(req?.headers.authorization).toBeUndefined();
    expect(req?.headers["x-sdk-date"]).toBeUndefined();
  });

  it("rejects an empty id before sending anything", async () => {
    const client = new CcmClient(config());
    await expect(client.certificates.get("")).rejects.toMatchObject({ code: "ERR_CCM_INVALID_ARGUMENT" });
    expect(server.requests).toHaveLength(0);
  });
});

describe("retries", () => {
  it("honours Retry-After on 429 and 503, then succeeds", async () => {
    server.setHandler((req, res, i) => {
      if (i === 0)
        return json(429, { error_code: "APIG.0308", error_msg: "throttled" }, { "retry-after": "2" })(req, res, i);
      if (i === 1) return json(503, { error_code: "PCA.503", error_msg: "busy" })(req, res, i);
      return json(200, CERT)(req, res, i);
    });
    const rec = recorder();
    const client = new CcmClient(config(), rec.options);
    await expect(client.certificates.get(CERT_ID)).resolves.toMatchObject({ certificateId: CERT_ID });
    expect(server.requests).toHaveLength(3);
    // Retry-After: 2 s; then backoff for the second retry (base 500 ms × 2, equal jitter at 0.5).
    expect(rec.sleeps).toEqual([2000, 750]);
  });

  it("retries a reset GET and succeeds on a new connection", async () => {
    server.setHandler((req, res, i) => (i === 0 ? reset(req, res, i) : json(200, CERT)(req, res, i)));
    const rec = recorder();
    await new CcmClient(config(), rec.options).certificates.get(CERT_ID);
    expect(server.requests).toHaveLength(2);
    expect(rec.lines[0]).toMatch(/attempt=1 .*network .*written=true \(retry: network error .* after sending\)/);
  });

  it("gives up after maxRetries with the API error, counting attempts", async () => {
    server.setHandler(json(502, { error_code: "APIG.0502", error_msg: "bad gateway" }));
    const rec = recorder();
    const error = await new CcmClient(config({ "huaweicloud-ccm:maxRetries": "2" }), rec.options).certificates
      .get(CERT_ID)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CcmApiError);
    expect(error).toMatchObject({ status: 502, errorCode: "APIG.0502", attempts: 3, requestId: "req-local" });
    expect(server.requests).toHaveLength(3);
    expect(rec.sleeps).toEqual([375, 750]);
  });

  it("does not retry a 4xx", async () => {
    server.setHandler(json(400, { error_code: "PCA.10010002", error_msg: "not found" }));
    const client = new CcmClient(config());
    await expect(client.certificates.find(CERT_ID)).resolves.toBeUndefined();
    expect(server.requests).toHaveLength(1);
    const error = await client.certificates.get(CERT_ID).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "ERR_CCM_API", isNotFound: true });
    expect((error as Error).message).toContain(
      `CCM GET /v1/private-certificates/${CERT_ID} failed: HTTP 400 PCA.10010002`,
    );
  });

  it("times out each attempt, reporting whether the request was written", async () => {
    server.setHandler(() => {
      // NO-OP: never answer.
    });
    const client = new CcmClient(
      config({ "huaweicloud-ccm:requestTimeoutMs": "150", "huaweicloud-ccm:maxRetries": "1" }),
      recorder().options,
    );
    const error = await client.certificates.get(CERT_ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CcmTimeoutError);
    expect(error).toMatchObject({ code: "ERR_CCM_TIMEOUT", written: true, timeoutMs: 150, attempts: 2 });
    expect(server.requests).toHaveLength(2);
  });

  it("reports connection refused as a network error that was never written", async () => {
    const dead = await startLocalServer();
    const url = dead.url;
    await dead.close();
    const client = new CcmClient(
      resolveConfig(
        { "huaweicloud-ccm:ccmEndpoint": url, "huaweicloud-ccm:maxRetries": "1" },
        { HW_ACCESS_KEY: AK, HW_SECRET_KEY: SK },
      ),
      recorder().options,
    );
    const error = await client.certificates.get(CERT_ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CcmNetworkError);
    expect(error).toMatchObject({ written: false, transportCode: "ECONNREFUSED", attempts: 2 });
    expect(isCcmError(error)).toBe(true);
  });
});

describe("errors and debug output never carry secrets", () => {
  it("redacts keys, signatures, tokens and PEMs from errors and CCM_DEBUG lines", async () => {
    server.setHandler(
      json(403, {
        error_code: "PCA.00010403",
        error_msg: `denied for ${AK} with Signature=0123456789abcdef0123456789abcdef; key -----BEGIN PRIVATE KEY-----\nMIIsecret\n-----END PRIVATE KEY-----`,
      }),
    );
    const lines: string[] = [];
    const client = new CcmClient(config({}, { HW_SECURITY_TOKEN: "sts-token-value" }), {
      env: { CCM_DEBUG: "1" },
      debug: (line) => lines.push(line),
    });
    const error = await client.certificates
      .exportPem(CERT_ID, { type: "OTHER", password: "exp0rtPassw0rd" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CcmApiError);
    const text = [(error as Error).message, JSON.stringify(error), ...lines].join("\n");
    for (const secret of [
      AK,
      SK,
      "sts-token-value",
      "exp0rtPassw0rd",
      "MIIsecret",
      "0123456789abcdef0123456789abcdef",
    ]) {
      expect(text).not.toContain(secret);
    }
    expect((error as CcmApiError).hint).toContain("pca:cert:export (name inferred");
    expect(lines.some((line) => line.includes("HTTP 403") && line.includes("[redacted]"))).toBe(true);
  });

  it("writes debug lines to stderr only when CCM_DEBUG=1", async () => {
    server.setHandler(json(200, CERT));
    const written: string[] = [];
    const original = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => {
      written.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    try {
      await new CcmClient(config(), { env: {} }).certificates.get(CERT_ID);
      expect(written.filter((l) => l.includes("[ccm-client]"))).toHaveLength(0);
      await new CcmClient(config(), { env: { CCM_DEBUG: "1" } }).certificates.get(CERT_ID);
    } finally {
      process.stderr.write = original;
    }
    const debug = written.filter((l) => l.includes("[ccm-client]"));
    expect(debug).toHaveLength(1);
    expect(debug[0]).toMatch(/ccm GET \/v1\/private-certificates\/.* attempt=1 \d+ms → HTTP 200/);
    expect(debug[0]).not.toContain(AK);
  });
});
