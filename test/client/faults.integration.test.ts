// The client against ccm-emulator's injected faults: retries under 429 / 5xx / resets, the
// lost-response cases of apply and CA create (exactly one resource, adopted), idempotent state
// changes after lost responses, and authentication failures with their hint.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_CREDENTIALS } from "../../emulator/index.js";
import { closeAllPools } from "../../provider/client/http.js";
import type { CcmClient } from "../../provider/client/index.js";
import { CcmApiError, CcmNetworkError } from "../../provider/errors.js";
import type { CreateCaArgs } from "../../provider/schemas/index.js";
import { TestEmulator } from "../harness/emulator.js";
import { leafArgs } from "./operations-emulator.js";

let harness: TestEmulator;
let sleeps: number[];
let client: CcmClient;

beforeAll(async () => {
  harness = await TestEmulator.start({ log: () => {} });
});
afterAll(async () => {
  await closeAllPools();
  await harness.close();
});
beforeEach(async () => {
  await harness.reset();
  sleeps = [];
  // Record the waits instead of sleeping them: backoff, Retry-After and the settle delay.
  client = harness.client({}, {}, { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 });
});

const ROOT: CreateCaArgs = {
  type: "ROOT",
  keyAlgorithm: "EC256",
  signatureAlgorithm: "SHA256",
  validity: { type: "YEAR", value: 5 },
  distinguishedName: {
    commonName: "Fault Root",
    country: "CN",
    state: "S",
    locality: "L",
    organization: "O",
    organizationalUnit: "OU",
  },
};

async function counts(): Promise<Record<string, number>> {
  return (await harness.inventory()).requests.by_route;
}

describe("retries", () => {
  it("waits out 429 with Retry-After, then succeeds", async () => {
    const { caId } = await client.cas.create(ROOT);
    await harness.setFaults([
      { kind: "throttle", method: "GET", path: "^/v1/private-certificate-authorities/", retry_after: 2, count: 2 },
    ]);
    await expect(client.cas.get(caId)).resolves.toMatchObject({ caId });
    expect(sleeps).toEqual([2000, 2000]);
    expect((await counts())["GET /v1/private-certificate-authorities/{ca_id}"]).toBe(3);
  });

  it("retries 500 / 502 / 503 / 504 on idempotent calls", async () => {
    const { caId } = await client.cas.create(ROOT);
    await harness.setFaults([
      { kind: "error", status: 500, method: "GET", count: 1 },
      { kind: "error", status: 502, method: "GET", count: 1 },
      { kind: "error", status: 503, method: "GET", count: 1 },
      { kind: "error", status: 504, method: "GET", count: 1 },
    ]);
    await expect(client.cas.list({ name: "Fault" })).resolves.toMatchObject({ total: 1 });
    expect(sleeps).toEqual([375, 750, 1500, 3000]);
    await expect(client.cas.get(caId)).resolves.toMatchObject({ status: "ACTIVED" });
  });

  it("retries a reset connection", async () => {
    const { caId } = await client.cas.create(ROOT);
    await harness.setFaults([{ kind: "reset", method: "POST", path: "/export$", count: 2 }]);
    await expect(client.cas.exportCertificate(caId)).resolves.toMatchObject({
      certificate: expect.stringContaining("BEGIN CERTIFICATE"),
    });
    expect((await counts())["POST /v1/private-certificate-authorities/{ca_id}/export"]).toBe(3);
  });

  it("stops after maxRetries and reports the last error with the attempt count", async () => {
    const limited = harness.client({ "huaweicloud-ccm:maxRetries": "2" }, {}, { sleep: async () => {} });
    await harness.setFaults([{ kind: "error", status: 503, method: "GET" }]);
    const error = await limited.certificates.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CcmApiError);
    expect(error).toMatchObject({ status: 503, attempts: 3, errorCode: "PCA.00010001" });
    expect((await counts())["GET /v1/private-certificates"]).toBe(3);
  });

  it("re-sends an apply refused with 429 or 503 (not processed) without any lookup", async () => {
    const { caId } = await client.cas.create(ROOT);
    await harness.setFaults([
      { kind: "throttle", method: "POST", path: "^/v1/private-certificates$", retry_after: 1, count: 1 },
      { kind: "error", status: 503, method: "POST", path: "^/v1/private-certificates$", count: 1 },
    ]);
    const result = await client.certificates.apply(leafArgs(caId));
    expect(result.resolution).toBe("created");
    expect((await counts())["POST /v1/private-certificates"]).toBe(3);
    expect((await counts())["GET /v1/private-certificates"]).toBeUndefined();
    expect((await harness.inventory()).certificates).toHaveLength(1);
  });

  it("re-sends an apply once after a reset that processed nothing, having looked first", async () => {
    const { caId } = await client.cas.create(ROOT);
    await harness.setFaults([{ kind: "reset", method: "POST", path: "^/v1/private-certificates$", count: 1 }]);
    const result = await client.certificates.apply(leafArgs(caId));
    expect(result).toMatchObject({ resolution: "resent", suspectedDuplicateIds: [] });
    const by = await counts();
    expect(by["POST /v1/private-certificates"]).toBe(2);
    expect(by["GET /v1/private-certificates"]).toBe(2); // the lookup, and the late-duplicate check
    expect((await harness.inventory()).certificates.map((c) => c.id)).toEqual([result.certificateId]);
  });
});

describe("lost responses", () => {
  it("apply: the service created the certificate but the answer was lost — exactly one exists, adopted", async () => {
    const { caId } = await client.cas.create(ROOT);
    await harness.setFaults([{ kind: "lost_response", method: "POST", path: "^/v1/private-certificates$", count: 1 }]);
    const result = await client.certificates.apply(leafArgs(caId));
    expect(result.resolution).toBe("adopted");
    const inventory = await harness.inventory();
    expect(inventory.certificates.map((c) => c.id)).toEqual([result.certificateId]);
    expect(inventory.requests.by_route["POST /v1/private-certificates"]).toBe(1);
    expect(sleeps).toContain(2000); // the settle delay before the lookup
    await expect(client.certificates.get(result.certificateId)).resolves.toMatchObject({ status: "ISSUED" });
  });

  it("apply: an existing look-alike the caller already owns is never adopted", async () => {
    const { caId } = await client.cas.create(ROOT);
    const first = await client.certificates.apply(leafArgs(caId));
    await harness.setFaults([{ kind: "lost_response", method: "POST", path: "^/v1/private-certificates$", count: 1 }]);
    const second = await client.certificates.apply(leafArgs(caId), { knownIds: [first.certificateId] });
    expect(second.resolution).toBe("adopted");
    expect(second.certificateId).not.toBe(first.certificateId);
    expect((await harness.inventory()).certificates).toHaveLength(2);
  });

  it("apply: an unclaimed look-alike makes the lookup ambiguous — no re-send, the candidates are named", async () => {
    const { caId } = await client.cas.create(ROOT);
    const stray = await client.certificates.apply(leafArgs(caId));
    await harness.setFaults([{ kind: "lost_response", method: "POST", path: "^/v1/private-certificates$", count: 1 }]);
    const error = await client.certificates.apply(leafArgs(caId)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "ERR_CCM_CREATE_AMBIGUOUS" });
    expect((error as { candidateIds: string[] }).candidateIds).toContain(stray.certificateId);
    expect((await harness.inventory()).certificates).toHaveLength(2);
  });

  it("CA create: adopted after a lost response", async () => {
    await harness.setFaults([
      { kind: "lost_response", method: "POST", path: "^/v1/private-certificate-authorities$", count: 1 },
    ]);
    const result = await client.cas.create(ROOT);
    expect(result.resolution).toBe("adopted");
    expect((await harness.inventory()).certificate_authorities.map((c) => c.id)).toEqual([result.caId]);
  });

  it("CSR apply: adopted after a lost response", async () => {
    const { caId: rootId } = await client.cas.create(ROOT);
    const { caId: pending } = await client.cas.create({
      ...ROOT,
      type: "SUBORDINATE",
      signatureAlgorithm: undefined,
      validity: undefined,
      distinguishedName: { ...ROOT.distinguishedName, commonName: "csr-sub" },
    });
    const csr = await client.cas.exportCsr(pending);
    await harness.setFaults([
      { kind: "lost_response", method: "POST", path: "^/v1/private-certificates/csr$", count: 1 },
    ]);
    const result = await client.certificates.applyByCsr({ issuerId: rootId, csr, validity: { type: "DAY", value: 5 } });
    expect(result.resolution).toBe("adopted");
    expect((await harness.inventory()).certificates.map((c) => c.id)).toEqual([result.certificateId]);
  });

  it("revoke, disable and delete confirm a lost first attempt instead of failing the repeat", async () => {
    const { caId } = await client.cas.create(ROOT);
    const { certificateId } = await client.certificates.apply(leafArgs(caId));
    await harness.setFaults([{ kind: "lost_response", method: "POST", path: "/revoke$", count: 1 }]);
    expect(await client.certificates.revoke(certificateId, "SUPERSEDED")).toEqual({ alreadyRevoked: true });
    await harness.setFaults([{ kind: "lost_response", method: "POST", path: "/disable$", count: 1 }]);
    expect(await client.cas.disable(caId)).toEqual({ changed: false });
    expect((await client.cas.get(caId)).status).toBe("DISABLED");
    await harness.setFaults([{ kind: "lost_response", method: "DELETE", count: 1 }]);
    expect(await client.cas.delete(caId, 7)).toEqual({ existed: true });
    expect((await client.cas.get(caId)).status).toBe("DELETED");
  });
});

describe("authentication", () => {
  it("a wrong secret key yields APIG.0301 with the clock-and-keys hint, naming where the keys came from", async () => {
    const wrong = harness.client({}, { HW_SECRET_KEY: "not-the-secret-key-of-this-access-key" });
    const error = await wrong.certificates.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CcmApiError);
    expect(error).toMatchObject({ status: 401, errorCode: "APIG.0301", attempts: 1 });
    const message = (error as Error).message;
    expect(message).toMatch(/HTTP 401 APIG\.0301 "Incorrect IAM authentication information: .+"/);
    expect(message).toContain("clock is within 15 minutes of UTC");
    expect(message).toContain("credentials from access key from HW_ACCESS_KEY, secret key from HW_SECRET_KEY");
    expect((error as CcmApiError).requestId).toBeTruthy();
    expect(message).not.toContain("not-the-secret-key");
  });

  it("temporary credentials with a security token, and an IAM token, are accepted", async () => {
    const temp = harness.client(
      {},
      {
        HW_ACCESS_KEY: DEMO_CREDENTIALS.tempAccessKey,
        HW_SECRET_KEY: DEMO_CREDENTIALS.tempSecretKey,
        HW_SECURITY_TOKEN: DEMO_CREDENTIALS.securityToken,
      },
    );
    await expect(temp.certificates.list()).resolves.toMatchObject({ total: 0 });
    const token = harness.client(
      { "huaweicloud-ccm:authToken": DEMO_CREDENTIALS.authToken },
      { HW_ACCESS_KEY: "", HW_SECRET_KEY: "" },
    );
    await expect(token.cas.list()).resolves.toMatchObject({ total: 0 });
    const badToken = harness.client(
      { "huaweicloud-ccm:authToken": "expired" },
      { HW_ACCESS_KEY: "", HW_SECRET_KEY: "" },
    );
    await expect(badToken.cas.list()).rejects.toMatchObject({ status: 401 });
  });

  it("a stopped endpoint is a network error that was never written", async () => {
    const other = await TestEmulator.start({ log: () => {} });
    const gone = other.client({ "huaweicloud-ccm:maxRetries": "0" });
    await other.close();
    const error = await gone.certificates.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CcmNetworkError);
    expect(error).toMatchObject({ written: false, transportCode: "ECONNREFUSED" });
  });
});
