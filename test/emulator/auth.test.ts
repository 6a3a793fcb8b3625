// Gateway authentication through the real server: AK/SK, temporary AK + security token, IAM token,
// and the APIG.0301 answers for each way of getting it wrong.

import { createHash, createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { DEMO_CREDENTIALS } from "../../emulator/index.js";
import { useEmulator, withEmulator } from "./helpers/client.js";
import { expectError } from "./helpers/fixtures.js";
import { sdkDate, sign } from "./helpers/signer.js";

const api = useEmulator({ resetEachTest: false });

const LIST = "/v1/private-certificates";

function hostOf(url: string): string {
  return new URL(url).host;
}

async function raw(path: string, init: RequestInit) {
  const response = await fetch(`${api.url}${path}`, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : undefined };
}

describe("accepted credentials", () => {
  test("AK/SK signature with every header signed", async () => {
    const response = await api.get(LIST, { auth: "aksk", query: { limit: "5", name: "a b" } });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ total: 0, certificates: [] });
  });

  test("temporary AK/SK with its X-Security-Token", async () => {
    expect((await api.get(LIST, { auth: "temp" })).status).toBe(200);
  });

  test("X-Auth-Token", async () => {
    expect((await api.get(LIST, { auth: "token" })).status).toBe(200);
  });

  test("a POST body is covered by the signature; UNSIGNED-PAYLOAD is honoured", async () => {
    const body = JSON.stringify({ type: "ROOT" });
    const path = "/v1/private-certificate-authorities";
    const headers = sign({
      method: "POST",
      path,
      headers: { "Content-Type": "application/json", Host: hostOf(api.url) },
      body,
      accessKey: DEMO_CREDENTIALS.accessKey,
      secretKey: DEMO_CREDENTIALS.secretKey,
      unsignedPayload: true,
    });
    // The body is incomplete, so the service answers 400 — but only after the gateway let it through.
    const response = await raw(path, { method: "POST", headers, body });
    expect(response.status).toBe(400);
    expect(response.json.error_code).toMatch(/^PCA\./);
  });

  test("a request signed by hand, step by step from the guide", async () => {
    const date = sdkDate(new Date());
    const host = hostOf(api.url);
    const canonical = [
      "GET",
      "/v1/private-certificate-authorities/",
      "limit=1&offset=0",
      `host:${host}\nx-sdk-date:${date}\n`,
      "host;x-sdk-date",
      createHash("sha256").update("").digest("hex"),
    ].join("\n");
    const toSign = `SDK-HMAC-SHA256\n${date}\n${createHash("sha256").update(canonical).digest("hex")}`;
    const signature = createHmac("sha256", DEMO_CREDENTIALS.secretKey).update(toSign).digest("hex");
    const response = await raw("/v1/private-certificate-authorities?offset=0&limit=1", {
      headers: {
        "X-Sdk-Date": date,
        Authorization: `SDK-HMAC-SHA256 Access=${DEMO_CREDENTIALS.accessKey}, SignedHeaders=host;x-sdk-date, Signature=${signature}`,
      },
    });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ total: 0, certificate_authorities: [] });
  });
});

describe("refused credentials: HTTP 401 APIG.0301", () => {
  function signed(overrides: Partial<Parameters<typeof sign>[0]> = {}) {
    return sign({
      method: "GET",
      path: LIST,
      headers: { Host: hostOf(api.url) },
      accessKey: DEMO_CREDENTIALS.accessKey,
      secretKey: DEMO_CREDENTIALS.secretKey,
      ...overrides,
    });
  }

  test("no credentials at all", async () => {
    const response = await api.get(LIST, { auth: "none" });
    expectError(response, 401, "APIG.0301");
    expect(response.json.error_msg).toBe("Incorrect IAM authentication information: x-auth-token not found");
    expect(response.json.request_id).toBe(response.headers.get("x-request-id"));
  });

  test("wrong secret key", async () => {
    const response = await raw(LIST, { headers: signed({ secretKey: "not-the-secret" }) });
    expectError(response, 401, "APIG.0301");
    expect(response.json.error_msg).toBe("Incorrect IAM authentication information: verify aksk signature fail");
  });

  test("unknown access key", async () => {
    const response = await raw(LIST, { headers: signed({ accessKey: "UNKNOWNACCESSKEY0000" }) });
    expectError(response, 401, "APIG.0301");
    expect(response.json.error_msg).toContain("ak not exist");
    expect(response.json.error_msg).not.toContain("UNKNOWNACCESSKEY0000");
  });

  test("X-Sdk-Date more than 15 minutes off", async () => {
    const response = await raw(LIST, { headers: signed({ date: new Date(Date.now() - 16 * 60_000) }) });
    expectError(response, 401, "APIG.0301");
    expect(response.json.error_msg).toContain("signature expired");
  });

  test("X-Sdk-Date within 15 minutes is fine", async () => {
    expect((await raw(LIST, { headers: signed({ date: new Date(Date.now() - 14 * 60_000) }) })).status).toBe(200);
  });

  test("a signed query that was changed on the way", async () => {
    const headers = signed({ query: { limit: "5" } });
    const response = await raw(`${LIST}?limit=6`, { headers });
    expectError(response, 401, "APIG.0301");
  });

  test("a body that does not match its signature", async () => {
    const path = "/v1/private-certificate-authorities";
    const headers = sign({
      method: "POST",
      path,
      headers: { Host: hostOf(api.url), "Content-Type": "application/json" },
      body: "{}",
      accessKey: DEMO_CREDENTIALS.accessKey,
      secretKey: DEMO_CREDENTIALS.secretKey,
    });
    expectError(await raw(path, { method: "POST", headers, body: '{"type":"ROOT"}' }), 401, "APIG.0301");
  });

  test("a signed header missing from the request", async () => {
    const headers = signed({ headers: { Host: hostOf(api.url), "X-Project-Id": "p" } });
    delete headers["X-Project-Id"];
    expectError(await raw(LIST, { headers }), 401, "APIG.0301");
  });

  test("X-Sdk-Date not among the signed headers", async () => {
    const headers = signed();
    headers.Authorization = headers.Authorization!.replace("SignedHeaders=host;x-sdk-date", "SignedHeaders=host");
    expectError(await raw(LIST, { headers }), 401, "APIG.0301");
  });

  test("a malformed Authorization header", async () => {
    expectError(await raw(LIST, { headers: { Authorization: "Basic abc" } }), 401, "APIG.0301");
  });

  test("temporary AK without X-Security-Token", async () => {
    const headers = signed({ accessKey: DEMO_CREDENTIALS.tempAccessKey, secretKey: DEMO_CREDENTIALS.tempSecretKey });
    expectError(await raw(LIST, { headers }), 401, "APIG.0301");
  });

  test("temporary AK with a wrong X-Security-Token", async () => {
    const headers = signed({
      accessKey: DEMO_CREDENTIALS.tempAccessKey,
      secretKey: DEMO_CREDENTIALS.tempSecretKey,
      headers: { Host: hostOf(api.url), "X-Security-Token": "stolen" },
    });
    expectError(await raw(LIST, { headers }), 401, "APIG.0301");
  });

  test("a wrong X-Auth-Token", async () => {
    const response = await raw(LIST, { headers: { "X-Auth-Token": "forged" } });
    expectError(response, 401, "APIG.0301");
    expect(response.json.error_msg).toBe("Incorrect IAM authentication information: decrypt token fail");
  });
});

describe("configuration", () => {
  test("the demo credentials the tests sign with are the ones CONTRIBUTING.md documents", () => {
    const documented = readFileSync(new URL("../../CONTRIBUTING.md", import.meta.url), "utf8");
    for (const value of Object.values(DEMO_CREDENTIALS)) expect(documented).toContain(`\`${value}\``);
  });

  test("--no-auth accepts anything; custom credentials replace the demo ones", async () => {
    await withEmulator({ auth: false }, async (open) => {
      expect((await open.get(LIST, { auth: "none" })).status).toBe(200);
      expect(open.emulator.credentials).toBeNull();
    });
    await withEmulator({ credentials: { authToken: "my-token" } }, async (custom) => {
      expectError(await custom.get(LIST, { auth: "token" }), 401, "APIG.0301");
      const response = await fetch(`${custom.url}${LIST}`, { headers: { "X-Auth-Token": "my-token" } });
      expect(response.status).toBe(200);
      expect(custom.emulator.credentials?.accessKey).toBe(DEMO_CREDENTIALS.accessKey);
    });
  });
});

test("every response carries an X-Request-Id of 32 hex characters", async () => {
  for (const response of [
    await api.get(LIST),
    await api.get(LIST, { auth: "none" }),
    await api.get("/_emulator/health"),
  ]) {
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);
  }
});
