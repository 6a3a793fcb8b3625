// Client CA operations against ccm-emulator: create, read, list and export; activate, import,
// disable, enable, delete, restore, revoke and tags. The certificates are real, so the tests check
// them with node:crypto.
import { describe, expect, it } from "vitest";
import { cert, client, harness, pendingSubordinate, rootCa, useOperationsEmulator } from "./operations-emulator.js";

useOperationsEmulator();

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
