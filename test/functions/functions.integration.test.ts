// The lookups (provider/functions) against ccm-emulator, called the way both front ends call them
// (declaration.invoke): what each returns, how the filters narrow, the errors that name candidates,
// and arguments refused with 0 API calls. The real engine's runs are in functions.e2e.test.ts and
// the languages suites.
import { X509Certificate } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET_PRIVATE_CA } from "../../provider/functions/get-private-ca/declaration.js";
import { GET_PRIVATE_CAS } from "../../provider/functions/get-private-cas/declaration.js";
import { GET_PRIVATE_CERTIFICATE } from "../../provider/functions/get-private-certificate/declaration.js";
import { GET_PRIVATE_CERTIFICATES } from "../../provider/functions/get-private-certificates/declaration.js";
import { GET_QUOTAS } from "../../provider/functions/get-quotas/declaration.js";
import type { FunctionDeclaration } from "../../provider/functions/shared/declaration.js";
import { type HandlerContext, SYSTEM_CLOCK } from "../../provider/kernel/context.js";
import { client, harness, pendingSubordinate, ROOT, useOperationsEmulator } from "../client/operations-emulator.js";
import { minimalCertificateArgs } from "../fixtures/certificate-args.js";

useOperationsEmulator();

const DAY_MS = 24 * 60 * 60 * 1000;

function context(): HandlerContext {
  return { client, clock: SYSTEM_CLOCK, log: { warn: async () => {} } };
}

async function invoke<R>(declaration: FunctionDeclaration<string, R>, args: Record<string, unknown>) {
  return declaration.invoke(context(), args);
}

async function result<R>(declaration: FunctionDeclaration<string, R>, args: Record<string, unknown>) {
  const outcome = await invoke(declaration, args);
  if (outcome.failures) throw new Error(JSON.stringify(outcome.failures));
  return outcome.result;
}

async function root(commonName: string, tags?: Record<string, string>): Promise<string> {
  const { caId } = await client.cas.create({ ...ROOT, distinguishedName: { ...ROOT.distinguishedName, commonName } });
  if (tags) await client.cas.tags.add(caId, tags);
  return caId;
}

async function certificate(issuerId: string, commonName: string, days = 30): Promise<string> {
  const args = minimalCertificateArgs(issuerId, commonName);
  const { certificateId } = await client.certificates.apply({
    ...args,
    validity: { type: "DAY", value: days },
    subjectAlternativeNames: [{ type: "DNS", value: `${commonName}.example.com` }],
  });
  return certificateId;
}

describe("getPrivateCa", () => {
  it("finds a CA by id with its tags and its certificate", async () => {
    const caId = await root("Lookup Root", { team: "platform" });
    const ca = await result(GET_PRIVATE_CA, { caId });
    expect(ca).toMatchObject({ caId, type: "ROOT", status: "ACTIVED", commonName: "Lookup Root", crlEnabled: false });
    expect(ca.tags).toEqual({ team: "platform" });
    expect(new X509Certificate(ca.certificatePem ?? "").subject).toContain("CN=Lookup Root");
    expect(ca.distinguishedName).toMatchObject({ commonName: "Lookup Root", country: "CN" });
  });

  it("finds exactly one CA by filters: the common name is matched whole, tags narrow", async () => {
    const a = await root("Team Root", { env: "prod" });
    await root("Team Root Two", { env: "prod" });
    await root("Team Root", { env: "test" });
    expect((await result(GET_PRIVATE_CA, { commonName: "Team Root", tags: { env: "prod" } })).caId).toBe(a);
  });

  it("names every candidate when several match, and says when none does", async () => {
    const a = await root("Twin Root");
    const b = await root("Twin Root");
    const several = GET_PRIVATE_CA.invoke(context(), { commonName: "Twin Root" });
    await expect(several).rejects.toMatchObject({ code: "ERR_CCM_LOOKUP", candidates: expect.arrayContaining([a, b]) });
    await expect(several).rejects.toThrow(/2 CAs match the filters.*Twin Root/);
    await expect(GET_PRIVATE_CA.invoke(context(), { commonName: "Nobody" })).rejects.toThrow(/no CA matches/);
    await expect(GET_PRIVATE_CA.invoke(context(), { caId: "00000000-0000-4000-8000-000000000000" })).rejects.toThrow(
      /no CA has the id/,
    );
  });

  it("leaves out the certificate of a CA that CCM does not export (PENDING)", async () => {
    const { caId } = await client.cas.create(pendingSubordinate("Pending Sub"));
    const ca = await result(GET_PRIVATE_CA, { caId });
    expect(ca.status).toBe("PENDING");
    expect(ca.certificatePem).toBeUndefined();
  });

  it("refuses bad arguments before any call: id and filters, neither, a status not in the list", async () => {
    const before = await harness.requestCount();
    expect((await invoke(GET_PRIVATE_CA, { caId: "x", commonName: "y" })).failures).toEqual([
      { property: "caId", reason: expect.stringMatching(/not both/) },
    ]);
    expect((await invoke(GET_PRIVATE_CA, {})).failures?.[0]?.reason).toMatch(/at least one filter: commonName/);
    const status = (await invoke(GET_PRIVATE_CA, { status: "ACTIVE" })).failures;
    expect(status?.[0]).toMatchObject({ property: "status", reason: expect.stringContaining("ACTIVED") });
    expect((await invoke(GET_PRIVATE_CA, { commonNam: "typo" })).failures?.[0]?.reason).toMatch(/commonName/);
    expect(await harness.requestCount()).toBe(before);
  });
});

describe("getPrivateCas", () => {
  it("lists by type, status and tags, sorted as asked", async () => {
    const b = await root("B Root", { env: "prod" });
    const a = await root("A Root", { env: "prod" });
    await root("C Root", { env: "test" });
    const { caId: sub } = await client.cas.create(pendingSubordinate("A Sub"));
    await client.cas.tags.add(sub, { env: "prod" });
    const listed = await result(GET_PRIVATE_CAS, {
      type: "ROOT",
      tags: { env: "prod" },
      sortKey: "common_name",
      sortDirection: "ASC",
    });
    expect(listed.ids).toEqual([a, b]);
    expect(listed.cas.map((ca) => ca.commonName)).toEqual(["A Root", "B Root"]);
    expect((await result(GET_PRIVATE_CAS, { status: "PENDING" })).ids).toEqual([sub]);
    expect((await result(GET_PRIVATE_CAS, { nameContains: "Root" })).ids).toHaveLength(3);
    // CAs created without one are in the default project ("0"); another project has none of them.
    expect((await result(GET_PRIVATE_CAS, { enterpriseProjectId: "0" })).ids).toHaveLength(4);
    expect(
      (await result(GET_PRIVATE_CAS, { enterpriseProjectId: "7f3d2a9e-1c4b-4e8a-9b6f-2d5c8e1a0b3c" })).ids,
    ).toEqual([]);
  });

  it("the tag filter keeps to the bound too, failing from its first page", async () => {
    await root("Tagged A", { team: "x" });
    await root("Tagged B", { team: "x" });
    await expect(
      GET_PRIVATE_CAS.invoke(context(), { commonName: "Tagged A", tags: { team: "x" }, maxResults: 1 }),
    ).rejects.toThrow(/2 objects carry these tags, more than the 1 a lookup reads; narrow the tags/);
  });

  it("fails rather than cut the list when more than maxResults match", async () => {
    await root("One");
    await root("Two");
    await expect(GET_PRIVATE_CAS.invoke(context(), { maxResults: 1 })).rejects.toThrow(
      /2 CAs match, more than the 1 this lookup reads; narrow the filters/,
    );
  });
});

describe("getPrivateCertificate", () => {
  it("reads an issued certificate: detail, SANs, fingerprints, the PEM and never the key", async () => {
    const caId = await root("Cert Root");
    const id = await certificate(caId, "svc");
    await client.certificates.tags.add(id, { app: "svc" });
    const found = await result(GET_PRIVATE_CERTIFICATE, { certificateId: id });
    const x509 = new X509Certificate(found.certificatePem ?? "");
    expect(found).toMatchObject({
      certificateId: id,
      status: "ISSUED",
      commonName: "svc",
      issuerId: caId,
      tags: { app: "svc" },
      subjectAlternativeNames: ["DNS:svc.example.com"],
      sha256Fingerprint: x509.fingerprint256,
      sha1Fingerprint: x509.fingerprint,
    });
    expect(found.issuer).toContain("CN=Cert Root");
    expect(JSON.stringify(found)).not.toContain("PRIVATE KEY");
  });

  it("reads a revoked certificate without its PEM (CCM exports only ISSUED ones)", async () => {
    const id = await certificate(await root("Revoking Root"), "gone");
    await client.certificates.revoke(id, "SUPERSEDED");
    const found = await result(GET_PRIVATE_CERTIFICATE, { certificateId: id });
    expect(found).toMatchObject({ status: "REVOKED", subjectAlternativeNames: [] });
    expect(found.certificatePem).toBeUndefined();
  });
});

describe("getPrivateCertificates", () => {
  it("filters by issuer and by expiring within N days", async () => {
    const first = await root("First Root");
    const second = await root("Second Root");
    const soon = await certificate(first, "soon", 5);
    const later = await certificate(first, "later", 60);
    await certificate(second, "other", 5);
    expect(new Set((await result(GET_PRIVATE_CERTIFICATES, { issuerId: first })).ids)).toEqual(new Set([soon, later]));
    const expiring = await result(GET_PRIVATE_CERTIFICATES, { issuerId: first, expiringWithinDays: 10 });
    expect(expiring.ids).toEqual([soon]);
    expect(Date.parse(expiring.certificates[0]?.notAfter ?? "")).toBeLessThan(Date.now() + 10 * DAY_MS);
  });

  it("filters by exact common name, status, tags and enterprise project, each narrowing the same issuer's list", async () => {
    const issuerId = await root("Filter Root");
    const web = await certificate(issuerId, "web");
    const api = await certificate(issuerId, "api");
    const apiV2 = await certificate(issuerId, "api-v2");
    const retired = await certificate(issuerId, "retired");
    await client.certificates.revoke(retired, "SUPERSEDED");
    await client.certificates.tags.add(api, { team: "payments", tier: "gold" });
    await client.certificates.tags.add(apiV2, { team: "payments" });
    const ids = async (filters: Record<string, unknown>) =>
      new Set((await result(GET_PRIVATE_CERTIFICATES, { issuerId, ...filters })).ids);
    // Exact: "api" leaves out "api-v2", which nameContains keeps.
    expect(await ids({ commonName: "api" })).toEqual(new Set([api]));
    expect(await ids({ nameContains: "api" })).toEqual(new Set([api, apiV2]));
    expect(await ids({ status: "REVOKED" })).toEqual(new Set([retired]));
    expect(await ids({ status: "ISSUED" })).toEqual(new Set([web, api, apiV2]));
    // Every tag given must be carried.
    expect(await ids({ tags: { team: "payments" } })).toEqual(new Set([api, apiV2]));
    expect(await ids({ tags: { team: "payments", tier: "gold" } })).toEqual(new Set([api]));
    expect(await ids({ tags: { team: "search" } })).toEqual(new Set());
    // Certificates applied without one are in the default project ("0").
    expect(await ids({ enterpriseProjectId: "0" })).toEqual(new Set([web, api, apiV2, retired]));
    expect(await ids({ enterpriseProjectId: "7f3d2a9e-1c4b-4e8a-9b6f-2d5c8e1a0b3c" })).toEqual(new Set());
  });
});

describe("getQuotas", () => {
  it("reports both quotas and their use", async () => {
    await certificate(await root("Quota Root"), "q");
    const quotas = await result(GET_QUOTAS, {});
    expect(quotas).toMatchObject({ caUsed: 1, certificateUsed: 1 });
    expect(quotas.caQuota).toBeGreaterThan(1);
    expect(quotas.certificateQuota).toBeGreaterThan(1);
  });
});
