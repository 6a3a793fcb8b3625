// Every client operation against ccm-emulator: CA lifecycle, certificates (apply, CSR, export in
// every format, tags, revoke, delete), SCM export and SMS certkey. Certificates are real, so the
// tests check them with node:crypto.
import { execFileSync } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { closeAllPools } from "../../provider/client/http.js";
import type { CcmClient } from "../../provider/client/index.js";
import { isNotFoundError } from "../../provider/errors.js";
import { splitPemBlocks } from "../../provider/pem.js";
import type { CreateCaArgs } from "../../provider/schemas/index.js";
import { TestEmulator } from "../harness/emulator.js";

let harness: TestEmulator;
let client: CcmClient;

beforeAll(async () => {
  harness = await TestEmulator.start({ log: () => {} });
  client = harness.client();
});
afterAll(async () => {
  await closeAllPools();
  await harness.close();
});
beforeEach(async () => {
  await harness.reset();
});

const SUBJECT = {
  country: "CN",
  state: "Sichuan",
  locality: "Chengdu",
  organization: "Example",
  organizationalUnit: "Platform",
};
const ROOT: CreateCaArgs = {
  type: "ROOT",
  keyAlgorithm: "EC384",
  signatureAlgorithm: "SHA384",
  validity: { type: "YEAR", value: 10 },
  distinguishedName: { commonName: "Example Root CA", ...SUBJECT },
};

async function rootCa(): Promise<string> {
  const { caId, resolution } = await client.cas.create(ROOT);
  expect(resolution).toBe("created");
  return caId;
}

function pendingSubordinate(commonName = "Example Issuing CA"): CreateCaArgs {
  return { type: "SUBORDINATE", keyAlgorithm: "EC256", distinguishedName: { commonName, ...SUBJECT }, pathLength: 0 };
}

function cert(pem: string | undefined): X509Certificate {
  if (!pem) throw new Error("no PEM");
  return new X509Certificate(pem);
}

describe("private CAs", () => {
  it("creates, reads, lists and exports a root CA", async () => {
    const caId = await rootCa();
    const ca = await client.cas.get(caId);
    expect(ca).toMatchObject({
      caId,
      type: "ROOT",
      status: "ACTIVED",
      keyAlgorithm: "EC384",
      distinguishedName: { commonName: "Example Root CA", organizationalUnit: "Platform" },
    });
    expect(ca.createTime).toMatch(/^\d{4}-\d\d-\d\dT/);
    const page = await client.cas.list({ name: "Example Root", type: "ROOT" });
    expect(page.cas.map((c) => c.caId)).toEqual([caId]);
    expect(await client.cas.listAll({ status: "ACTIVED" })).toHaveLength(1);
    const exported = await client.cas.exportCertificate(caId);
    expect(exported.certificate.endsWith("-----END CERTIFICATE-----\n")).toBe(true);
    expect(exported.certificate).not.toContain("\r");
    const x509 = cert(exported.certificate);
    expect(x509.ca).toBe(true);
    expect(x509.subject).toContain("CN=Example Root CA");
    expect(x509.verify(x509.publicKey)).toBe(true);
  });

  it("activates a PENDING subordinate from its parent and waits for ACTIVED", async () => {
    const rootId = await rootCa();
    const { caId } = await client.cas.create(pendingSubordinate());
    expect((await client.cas.get(caId)).status).toBe("PENDING");
    const csr = await client.cas.exportCsr(caId);
    expect(csr).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----\n[\s\S]+\n-----END CERTIFICATE REQUEST-----\n$/);
    expect(
      await client.cas.activate(caId, {
        issuerId: rootId,
        signatureAlgorithm: "SHA256",
        validity: { type: "YEAR", value: 5 },
      }),
    ).toEqual({
      changed: true,
    });
    const active = await client.cas.waitForStatus(caId, ["ACTIVED"], { initialIntervalMs: 10 });
    expect(active).toMatchObject({ issuerId: rootId, pathLength: 0 });
    const { certificate, certificateChain } = await client.cas.exportCertificate(caId);
    const root = cert((await client.cas.exportCertificate(rootId)).certificate);
    expect(cert(certificate).verify(root.publicKey)).toBe(true);
    expect(certificateChain).toContain("BEGIN CERTIFICATE");
  });

  it("issues an intermediate from a pending CA's CSR and imports it", async () => {
    const rootId = await rootCa();
    const { caId } = await client.cas.create(pendingSubordinate("Imported Issuing CA"));
    const csr = await client.cas.exportCsr(caId);
    const issued = await client.certificates.applyByCsr({
      issuerId: rootId,
      csr,
      type: "INTERMEDIATE_CA",
      pathLength: 0,
      validity: { type: "YEAR", value: 3 },
    });
    expect(issued.resolution).toBe("created");
    // An INTERMEDIATE_CA result is a CA: its id is a ca_id, read and exported as a CA.
    const intermediate = await client.cas.exportCertificate(issued.certificateId);
    expect(cert(intermediate.certificate).subject).toContain("CN=Imported Issuing CA");
    const imported = await client.cas.importCertificate(caId, {
      certificate: intermediate.certificate,
      certificateChain: intermediate.certificateChain ?? (await client.cas.exportCertificate(rootId)).certificate,
    });
    expect(imported).toEqual({ changed: true });
    expect((await client.cas.get(caId)).status).toBe("ACTIVED");
  });

  it("disables, enables, schedules deletion, restores and deletes; state changes are idempotent", async () => {
    const caId = await rootCa();
    expect(await client.cas.disable(caId)).toEqual({ changed: true });
    expect(await client.cas.disable(caId)).toEqual({ changed: false });
    expect(await client.cas.enable(caId)).toEqual({ changed: true });
    expect(await client.cas.enable(caId)).toEqual({ changed: false });
    await client.cas.disable(caId);
    expect(await client.cas.delete(caId, 7)).toEqual({ existed: true });
    const deleted = await client.cas.get(caId);
    expect(deleted.status).toBe("DELETED");
    expect(deleted.deleteTime).toBeDefined();
    expect(await client.cas.restore(caId)).toEqual({ changed: true });
    expect((await client.cas.get(caId)).status).toBe("DISABLED");
    // A PENDING CA is deleted at once.
    const { caId: pending } = await client.cas.create(pendingSubordinate());
    expect(await client.cas.delete(pending)).toEqual({ existed: true });
    expect(await client.cas.find(pending)).toBeUndefined();
    expect(await client.cas.delete(pending)).toEqual({ existed: false });
    await expect(client.cas.delete(caId, 3)).rejects.toMatchObject({ code: "ERR_CCM_INVALID_ARGUMENT" });
  });

  it("revokes a subordinate CA", async () => {
    const rootId = await rootCa();
    const { caId } = await client.cas.create({
      ...pendingSubordinate(),
      issuerId: rootId,
      signatureAlgorithm: "SHA256",
      validity: { type: "YEAR", value: 2 },
    });
    await client.cas.revoke(caId, "SUPERSEDED");
    const inventory = await harness.inventory();
    expect(inventory.certificate_authorities.find((c) => c.id === caId)?.revocation_reason).toBe("SUPERSEDED");
  });

  it("tags a CA", async () => {
    const caId = await rootCa();
    await client.cas.tags.add(caId, { env: "test", owner: "platform" });
    expect(await client.cas.tags.list(caId)).toEqual({ env: "test", owner: "platform" });
    await client.cas.tags.remove(caId, { owner: "platform" });
    expect(await client.cas.tags.list(caId)).toEqual({ env: "test" });
  });
});

describe("private certificates", () => {
  async function issued(commonName = "app.example.com") {
    const issuerId = await rootCa();
    const result = await client.certificates.apply({
      issuerId,
      keyAlgorithm: "EC256",
      signatureAlgorithm: "SHA256",
      distinguishedName: { commonName },
      validity: { type: "DAY", value: 30 },
      subjectAlternativeNames: [
        { type: "DNS", value: commonName },
        { type: "IP", value: "10.0.0.1" },
      ],
      keyUsages: ["digitalSignature", "keyAgreement"],
      extendedKeyUsage: { serverAuth: true, clientAuth: true },
    });
    return { issuerId, certificateId: result.certificateId, result };
  }

  it("applies, reads, waits for ISSUED and lists", async () => {
    const { issuerId, certificateId, result } = await issued();
    expect(result).toMatchObject({ resolution: "created", suspectedDuplicateIds: [] });
    const info = await client.certificates.waitForStatus(certificateId);
    expect(info).toMatchObject({
      certificateId,
      status: "ISSUED",
      issuerId,
      keyAlgorithm: "EC256",
      genMode: "GENERATE",
      distinguishedName: { commonName: "app.example.com", organization: "Example" },
    });
    expect(Date.parse(info.notAfter ?? "") - Date.parse(info.notBefore ?? "")).toBeGreaterThan(29 * 86_400_000);
    expect((await client.certificates.list({ name: "app.example" })).certificates.map((c) => c.certificateId)).toEqual([
      certificateId,
    ]);
    expect(await client.certificates.listAll({ status: "ISSUED" })).toHaveLength(1);
  });

  it("exports PEM JSON: a leaf issued by the CA, its chain and key", async () => {
    const { issuerId, certificateId } = await issued();
    const pem = await client.certificates.exportPem(certificateId, { type: "OTHER" });
    for (const text of [pem.certificate, pem.certificateChain, pem.privateKey]) {
      expect(text).toBeDefined();
      expect(text).not.toContain("\r");
      expect(text?.endsWith("-----\n")).toBe(true);
    }
    const root = cert((await client.cas.exportCertificate(issuerId)).certificate);
    const leaf = cert(pem.certificate);
    expect(leaf.verify(root.publicKey)).toBe(true);
    expect(leaf.subjectAltName).toContain("DNS:app.example.com");
    expect(leaf.checkPrivateKey((await import("node:crypto")).createPrivateKey(pem.privateKey ?? ""))).toBe(true);
  });

  it("exports every archive type into typed files", async () => {
    const { certificateId } = await issued();
    const apache = await client.certificates.exportArchive(certificateId, { type: "APACHE" });
    expect(apache.fileNames.sort()).toEqual(["chain.crt", "server.crt", "server.key"]);
    expect(apache.privateKey).toMatch(/PRIVATE KEY-----\n$/);
    const nginx = await client.certificates.exportArchive(certificateId, { type: "NGINX" });
    expect(cert(nginx.certificate).serialNumber).toBe(cert(apache.certificate).serialNumber);
    expect(nginx.certificateChain).toBeDefined();
    const other = await client.certificates.exportArchive(certificateId, { type: "OTHER" });
    expect(other.fileNames.sort()).toEqual(["chain.pem", "server.key", "server.pem"]);
    const iis = await client.certificates.exportArchive(certificateId, { type: "IIS" });
    expect(iis.pfx?.length).toBeGreaterThan(100);
    expect(iis.keystorePassword).toMatch(/^\S+$/);
    const tomcat = await client.certificates.exportArchive(certificateId, { type: "TOMCAT", password: "changeit1" });
    expect([...(tomcat.jks ?? new Uint8Array()).subarray(0, 4)]).toEqual([0xfe, 0xed, 0xfe, 0xed]);
    expect(tomcat.keystorePassword).toBeUndefined();
  });

  it("applies by CSR (the key stays with us) and exports without a key", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ccm-csr-"));
    execFileSync(
      "openssl",
      [
        "req",
        "-new",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-subj",
        "/CN=csr.example.com/O=Example",
        "-keyout",
        join(dir, "key.pem"),
        "-out",
        join(dir, "csr.pem"),
      ],
      { stdio: "ignore" },
    );
    const issuerId = await rootCa();
    const result = await client.certificates.applyByCsr({
      issuerId,
      csr: readFileSync(join(dir, "csr.pem"), "utf8"),
      validity: { type: "DAY", value: 7 },
    });
    const info = await client.certificates.get(result.certificateId);
    expect(info).toMatchObject({ genMode: "CSR", distinguishedName: { commonName: "csr.example.com" } });
    const pem = await client.certificates.exportPem(result.certificateId, { type: "OTHER" });
    expect(pem.privateKey).toBeUndefined();
    expect(cert(pem.certificate).subject).toContain("CN=csr.example.com");
  });

  it("tags, revokes (twice), deletes (twice) and reports not-found", async () => {
    const { certificateId } = await issued();
    await client.certificates.tags.add(certificateId, { app: "web", tier: "frontend" });
    expect(await client.certificates.tags.list(certificateId)).toEqual({ app: "web", tier: "frontend" });
    await client.certificates.tags.remove(certificateId, { tier: "frontend" });
    expect(await client.certificates.tags.list(certificateId)).toEqual({ app: "web" });

    expect(await client.certificates.revoke(certificateId, "KEY_COMPROMISE")).toEqual({ alreadyRevoked: false });
    expect(await client.certificates.revoke(certificateId, "KEY_COMPROMISE")).toEqual({ alreadyRevoked: true });
    const inventory = await harness.inventory();
    expect(inventory.certificates[0]).toMatchObject({ status: "REVOKED", revocation_reason: "KEY_COMPROMISE" });

    expect(await client.certificates.delete(certificateId)).toEqual({ existed: true });
    expect(await client.certificates.delete(certificateId)).toEqual({ existed: false });
    expect(await client.certificates.find(certificateId)).toBeUndefined();
    const error = await client.certificates.get(certificateId).catch((e: unknown) => e);
    expect(isNotFoundError(error)).toBe(true);
    expect((error as Error).message).toMatch(
      /HTTP 400 PCA\.10010002 .*\(request id .+\)\. Hint: the CA or certificate does not exist/,
    );
  });

  it("rejects invalid arguments before sending", async () => {
    const before = (await harness.inventory()).requests;
    await expect(
      client.certificates.apply({
        issuerId: "00000000-0000-4000-8000-000000000000",
        keyAlgorithm: "EC256",
        signatureAlgorithm: "SHA256",
        distinguishedName: { commonName: "" },
        validity: { type: "DAY", value: 1 },
      }),
    ).rejects.toMatchObject({ code: "ERR_CCM_INVALID_ARGUMENT" });
    expect((await harness.inventory()).requests).toEqual(before);
  });

  it("surfaces the service's validation errors with their code", async () => {
    const error = await client.certificates
      .apply({
        issuerId: "00000000-0000-4000-8000-000000000000",
        keyAlgorithm: "EC256",
        signatureAlgorithm: "SHA256",
        distinguishedName: { commonName: "x" },
        validity: { type: "DAY", value: 1 },
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "ERR_CCM_API", method: "POST", path: "/v1/private-certificates" });
    expect((error as { errorCode: string }).errorCode).toMatch(/^PCA\./);
  });
});

describe("SCM and SMS", () => {
  it("exports a seeded SCM certificate", async () => {
    const seeded = (await harness.control("POST", "seed", {
      scm_certificates: [{ common_name: "shop.example.com" }],
    })) as {
      scm_certificates: { id: string }[];
    };
    const id = seeded.scm_certificates[0]?.id ?? "";
    const exported = await client.scm.exportCertificate(id);
    expect(cert(exported.certificate).subject).toContain("CN=shop.example.com");
    expect(exported.privateKey).toMatch(/^-----BEGIN [A-Z ]*PRIVATE KEY-----\n/);
    expect(splitPemBlocks(exported.entireCertificate ?? "").length).toBeGreaterThanOrEqual(1);
    const missing = await client.scm.exportCertificate("scs0000000000000").catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: "ERR_CCM_API", service: "scm", isNotFound: true });
  });

  it("reads a seeded SMS task's certificates and keys", async () => {
    const seeded = (await harness.control("POST", "seed", { sms_tasks: [{}] })) as { sms_tasks: { id: string }[] };
    const taskId = seeded.sms_tasks[0]?.id ?? "";
    const withCa = await client.sms.getCertKey(taskId, { enableCaCert: true });
    expect(withCa.cert).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    expect(withCa.privateKey).toMatch(/PRIVATE KEY-----\n$/);
    expect(withCa.ca).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    expect(withCa.targetMgmtCert).toBeDefined();
    expect(withCa.targetDataPrivateKey).toBeDefined();
    // enable_ca_cert defaults to false (current CN/EU pages): no CA certificate then.
    expect((await client.sms.getCertKey(taskId)).ca).toBeUndefined();
    const inventory = await harness.inventory();
    expect(inventory.requests.by_route["GET /v3/tasks/{task_id}/certkey"]).toBe(2);
    const missing = await client.sms.getCertKey("no-such-task").catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: "ERR_CCM_API", service: "sms", isNotFound: true });
  });
});
