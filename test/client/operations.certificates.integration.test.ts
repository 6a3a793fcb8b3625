// Client certificate operations against ccm-emulator: apply, CSR, export in every format, tags,
// revoke, delete and the errors. The certificates are real, so the tests check them with node:crypto.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isNotFoundError } from "../../provider/errors.js";
import { cert, client, harness, rootCa, useOperationsEmulator } from "./operations-emulator.js";

useOperationsEmulator();

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
