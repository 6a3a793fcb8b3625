// PrivateCa and IntermediateCaCertificate handlers without the engine or an API: check and diff
// as pure functions (what a preview runs).
import { describe, expect, it } from "vitest";
import type { IntermediateCaCertificateOutputs } from "../../provider/resources/intermediate-ca-certificate/handlers.js";
import type { PrivateCaInputs, PrivateCaOutputs } from "../../provider/resources/private-ca/inputs.js";
import { UNKNOWN } from "../../provider/resources/shared/unknowns.js";
import { FIXTURE_CERTIFICATE_PEM } from "../fixtures/pem.js";
import { byProperty, DN, handlers, intermediate, PENDING_SUB, ROOT } from "./private-ca-fixtures.js";

async function failuresOf(news: Record<string, unknown>): Promise<Record<string, string>> {
  const result = await handlers.check({}, news);
  return Object.fromEntries((result.failures ?? []).map(byProperty));
}

describe("PrivateCa check (no API call)", () => {
  it("accepts a root and a pending subordinate, normalising PEM inputs", async () => {
    expect((await handlers.check({}, ROOT)).failures).toBeUndefined();
    const pem = FIXTURE_CERTIFICATE_PEM.trimEnd().replaceAll("\n", "\r\n");
    const result = await handlers.check({}, { ...PENDING_SUB, certificatePem: pem, certificateChainPem: pem });
    expect(result.failures).toBeUndefined();
    expect((result.inputs as PrivateCaInputs).certificatePem).toBe(FIXTURE_CERTIFICATE_PEM);
  });

  it("names every bad property, with the allowed values", async () => {
    const failures = await failuresOf({
      ...ROOT,
      type: "INTERMEDIATE",
      keyAlgorithm: "RSA1024",
      distinguishedName: { ...DN, country: "CHN", organizationalUnit: undefined },
      pendingDays: 3,
      tags: { "bad/key": "x" },
    });
    expect(failures.type).toMatch(/must be one of "ROOT", "SUBORDINATE"/);
    expect(failures.keyAlgorithm).toMatch(/must be one of "RSA2048", "RSA4096", "EC256", "EC384", "SM2"/);
    expect(failures["distinguishedName.country"]).toMatch(/two letters/);
    expect(failures["distinguishedName.organizationalUnit"]).toBe("is required");
    expect(failures.pendingDays).toMatch(/7/);
    expect(failures.tags).toMatch(/key "bad\/key" is not allowed: a key has 1–128 characters of letters, digits/);
  });

  it("enforces what a root needs and refuses what it ignores", async () => {
    const failures = await failuresOf({
      ...ROOT,
      signatureAlgorithm: undefined,
      validity: undefined,
      issuerId: "4c0e772e-a30c-4029-b929-b7acb04143f7",
      pathLength: 1,
      keyUsages: ["keyCertSign"],
      certificatePem: FIXTURE_CERTIFICATE_PEM,
    });
    expect(failures.signatureAlgorithm).toBe("is required for a ROOT CA");
    expect(failures.validity).toBe("is required for a ROOT CA");
    expect(failures.issuerId).toMatch(/not allowed for a ROOT CA/);
    expect(failures.pathLength).toMatch(/not allowed for a ROOT CA/);
    expect(failures.keyUsages).toMatch(/not allowed for a ROOT CA/);
    expect(failures["secret:certificatePem"]).toMatch(/only a PENDING SUBORDINATE imports/);
    expect(await failuresOf({ ...ROOT, validity: { type: "YEAR", value: 31 } })).toEqual({
      "validity.value": "at most 30 years (30 YEAR)",
    });
  });

  it("explains the two subordinate flows when they are mixed up", async () => {
    const issuerId = "4c0e772e-a30c-4029-b929-b7acb04143f7";
    const signedInside = await failuresOf({ ...PENDING_SUB, issuerId, signatureAlgorithm: "SHA256" });
    expect(signedInside.validity).toMatch(/required with issuerId.*leave out issuerId to create the CA PENDING/);
    const mixed = await failuresOf({
      ...PENDING_SUB,
      issuerId,
      signatureAlgorithm: "SHA256",
      validity: { type: "YEAR", value: 21 },
      certificatePem: FIXTURE_CERTIFICATE_PEM,
    });
    expect(mixed["validity.value"]).toBe("at most 20 years (20 YEAR)");
    expect(mixed["secret:certificatePem"]).toMatch(/not used with issuerId/);
    const half = await failuresOf({
      ...PENDING_SUB,
      certificatePem: FIXTURE_CERTIFICATE_PEM,
    });
    expect(half).toEqual({ certificateChainPem: expect.stringMatching(/is required with the other/) });
  });

  it("refuses an import pair that does not parse, without echoing it", async () => {
    const result = await handlers.check(
      {},
      {
        ...PENDING_SUB,
        certificatePem: "-----BEGIN CERTIFICATE-----\nSECRETISH\n-----END CERTIFICATE-----\n",
        certificateChainPem: "not a pem",
      },
    );
    expect(result.failures).toEqual([
      { property: "", reason: "certificatePem must be PEM certificates that parse (X.509); block 1 does not" },
      {
        property: "",
        reason:
          "certificateChainPem must be PEM certificates (-----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----)",
      },
    ]);
  });

  it("lets values unknown at preview pass", async () => {
    const result = await handlers.check(
      {},
      { ...PENDING_SUB, certificatePem: UNKNOWN, certificateChainPem: UNKNOWN, tags: { team: UNKNOWN } },
    );
    expect(result.failures).toBeUndefined();
  });
});

describe("PrivateCa diff (no API call)", () => {
  const activeCert = "-----BEGIN CERTIFICATE-----\nMIIBactive\n-----END CERTIFICATE-----\n";
  const root: PrivateCaOutputs = {
    ...(ROOT as unknown as PrivateCaInputs),
    keyUsages: undefined,
    caId: "4c0e772e-a30c-4029-b929-b7acb04143f7",
    status: "ACTIVED",
    certificatePem: activeCert,
    tags: { team: "pki" },
  };
  const pending: PrivateCaOutputs = {
    ...(PENDING_SUB as unknown as PrivateCaInputs),
    caId: "5c0e772e-a30c-4029-b929-b7acb04143f7",
    status: "PENDING",
    csrPem: "-----BEGIN CERTIFICATE REQUEST-----\nA\n-----END CERTIFICATE REQUEST-----\n",
  };
  const diff = (olds: PrivateCaOutputs, news: Record<string, unknown>) =>
    handlers.diff(olds.caId, olds, news as PrivateCaInputs);

  it("tags and pendingDays change in place; issuance fields replace", async () => {
    expect(await diff(root, { ...ROOT, tags: { team: "pki" } })).toMatchObject({ changes: false, replaces: [] });
    expect(await diff(root, { ...ROOT, tags: { team: "sec" } })).toMatchObject({ changes: true, replaces: [] });
    expect(await diff(root, { ...ROOT, tags: { team: "pki" }, pendingDays: 30 })).toMatchObject({
      changes: true,
      replaces: [],
    });
    expect(
      await diff(root, { ...ROOT, tags: { team: "pki" }, distinguishedName: { ...DN, commonName: "New" } }),
    ).toMatchObject({
      changes: true,
      replaces: ["distinguishedName"],
    });
  });

  it("supplying the signed certificate for a PENDING CA is an update, not a replacement", async () => {
    const signed = { ...PENDING_SUB, certificatePem: activeCert, certificateChainPem: activeCert };
    expect(await diff(pending, signed)).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    expect(await diff(pending, PENDING_SUB)).toMatchObject({ changes: false });
  });

  it("an activated CA with the same certificate has no change, whatever the chain's spelling", async () => {
    const imported: PrivateCaOutputs = { ...pending, status: "ACTIVED", certificatePem: activeCert };
    const same = activeCert.replace(/\n/g, "\r\n");
    expect(
      await diff(imported, {
        ...PENDING_SUB,
        certificatePem: same,
        certificateChainPem: "-----BEGIN CERTIFICATE-----\nX\n-----END CERTIFICATE-----",
      }),
    ).toMatchObject({ changes: false });
    // Another certificate: an update, which explains that CCM cannot re-import (see below).
    const other = "-----BEGIN CERTIFICATE-----\nMIIBother\n-----END CERTIFICATE-----\n";
    expect(await diff(imported, { ...PENDING_SUB, certificatePem: other, certificateChainPem: other })).toMatchObject({
      changes: true,
      replaces: [],
    });
  });

  it("a certificate unknown at preview plans an update; unknown issuance fields plan a replacement", async () => {
    expect(
      await diff(pending, { ...PENDING_SUB, certificatePem: UNKNOWN, certificateChainPem: UNKNOWN }),
    ).toMatchObject({
      changes: true,
      replaces: [],
    });
    expect(await diff(root, { ...ROOT, tags: { team: "pki" }, validity: UNKNOWN })).toMatchObject({
      replaces: ["validity"],
    });
  });

  it("a CA scheduled for deletion outside Pulumi is replaced", async () => {
    expect(await diff({ ...root, status: "DELETED" }, { ...ROOT, tags: { team: "pki" } })).toMatchObject({
      changes: true,
      replaces: ["status"],
    });
    expect(await diff({ ...root, status: "DISABLED" }, { ...ROOT, tags: { team: "pki" } })).toMatchObject({
      changes: false,
    });
  });
});

describe("IntermediateCaCertificate check and diff (no API call)", () => {
  it("says where a CSR comes from when there is none", async () => {
    const result = await intermediate.check(
      {},
      { issuerId: "4c0e772e-a30c-4029-b929-b7acb04143f7", validity: { type: "YEAR", value: 21 } },
    );
    const failures = Object.fromEntries((result.failures ?? []).map((f) => [f.property, f.reason]));
    expect(failures.csrPem).toMatch(/is required.*csrPem while it is a PENDING SUBORDINATE/);
    expect(failures["validity.value"]).toBe("at most 20 years (20 YEAR)");
    const notCsr = await intermediate.check(
      {},
      { issuerId: "x", csrPem: "hello", validity: { type: "YEAR", value: 1 } },
    );
    // csrPem is a secret: named in the reason, where the engine prints no value.
    expect(notCsr.failures?.map((f) => byProperty(f)[0]).sort()).toEqual(["issuerId", "secret:csrPem"]);
    expect(notCsr.failures?.find((f) => f.property === "")?.reason).toMatch(/^csrPem must be exactly one PEM/);
  });

  it("every input is an issuance field", async () => {
    const olds = {
      issuerId: "4c0e772e-a30c-4029-b929-b7acb04143f7",
      csrPem: "-----BEGIN CERTIFICATE REQUEST-----\nA\n-----END CERTIFICATE REQUEST-----\n",
      validity: { type: "YEAR", value: 1 },
      caId: "5c0e772e-a30c-4029-b929-b7acb04143f7",
      status: "ACTIVED",
    } as IntermediateCaCertificateOutputs;
    expect(await intermediate.diff(olds.caId, olds, { ...olds })).toMatchObject({ changes: false });
    expect(
      await intermediate.diff(olds.caId, olds, { ...olds, validity: { type: "YEAR" as const, value: 2 } }),
    ).toMatchObject({ changes: true, replaces: ["validity"] });
    expect(await intermediate.diff(olds.caId, olds, { ...olds, csrPem: UNKNOWN })).toMatchObject({
      replaces: ["csrPem"],
    });
  });
});
