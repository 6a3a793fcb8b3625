// The private CA state machine (docs/api-facts.md §3): activate, disable, enable, delete, restore,
// expiry and revocation; export, CSR and import; tags on CAs.

import { describe, expect, test } from "vitest";
import { DAY, useCaEmulator } from "./helpers/cas.js";
import { withEmulator } from "./helpers/client.js";
import {
  CA_DN,
  CAS,
  certificateBody,
  createCa,
  createRoot,
  expectError,
  intermediateByCsrBody,
  subordinateBody,
} from "./helpers/fixtures.js";

const { api, status, pendingSubordinate } = useCaEmulator();

describe("lifecycle", () => {
  test("activate: only PENDING; body values complete what creation left out", async () => {
    const root = await createRoot(api);
    const pending = await pendingSubordinate(root);
    expectError(await api.post(`${CAS}/${pending}/activate`, {}), 400, "PCA.00020001");
    const response = await api.post(`${CAS}/${pending}/activate`, { signature_algorithm: "SHA384" });
    expect(response.status).toBe(204);
    expect(response.bytes.length).toBe(0);
    const ca = (await api.get(`${CAS}/${pending}`)).json;
    expect(ca).toMatchObject({ status: "ACTIVED", issuer_id: root, signature_algorithm: "SHA384" });
    expectError(await api.post(`${CAS}/${pending}/activate`, {}), 403, "PCA.00030203");
  });

  test("disable only ACTIVED/EXPIRED; enable only DISABLED", async () => {
    const root = await createRoot(api);
    expectError(await api.post(`${CAS}/${root}/enable`), 403, "PCA.00030203");
    expect((await api.post(`${CAS}/${root}/disable`)).status).toBe(204);
    expect(await status(root)).toBe("DISABLED");
    expectError(await api.post(`${CAS}/${root}/disable`), 403, "PCA.00030203");
    expect((await api.post(`${CAS}/${root}/enable`)).status).toBe(204);
    expect(await status(root)).toBe("ACTIVED");
    const pending = await pendingSubordinate();
    expectError(await api.post(`${CAS}/${pending}/disable`), 403, "PCA.00030203");
  });

  test("delete: PENDING disappears; DISABLED is scheduled (DELETED) and restorable; others refused", async () => {
    const pending = await pendingSubordinate();
    expect((await api.delete(`${CAS}/${pending}`, { query: { pending_days: "7" } })).status).toBe(204);
    expectError(await api.get(`${CAS}/${pending}`), 400, "PCA.10010002");

    const root = await createRoot(api);
    expectError(await api.delete(`${CAS}/${root}`, { query: { pending_days: "7" } }), 403, "PCA.00030203");
    await api.post(`${CAS}/${root}/disable`);
    expect((await api.delete(`${CAS}/${root}`, { query: { pending_days: "10" } })).status).toBe(204);
    const deleted = (await api.get(`${CAS}/${root}`)).json;
    expect(deleted.status).toBe("DELETED");
    expect(deleted.delete_time - Date.now()).toBeGreaterThan(9.9 * DAY);
    expectError(await api.post(`${CAS}/${root}/enable`), 403, "PCA.00030203");
    expect((await api.post(`${CAS}/${root}/restore`)).status).toBe(204);
    expect(await status(root)).toBe("DISABLED");
    expectError(await api.post(`${CAS}/${root}/restore`), 403, "PCA.00030203");
  });

  test("pending_days must be 7–30; left out, the default applies", async () => {
    const root = await createRoot(api);
    await api.post(`${CAS}/${root}/disable`);
    for (const days of ["6", "31", "seven"]) {
      expectError(await api.delete(`${CAS}/${root}`, { query: { pending_days: days } }), 400, "PCA.00020001");
    }
    expect((await api.delete(`${CAS}/${root}`)).status).toBe(204);
  });

  test("a scheduled deletion becomes final when its days have passed (emulator clock)", async () => {
    const root = await createRoot(api);
    await api.post(`${CAS}/${root}/disable`);
    await api.delete(`${CAS}/${root}`, { query: { pending_days: "7" } });
    await api.post("/_emulator/clock", { advance_ms: 8 * DAY }, { auth: "none" });
    expectError(await api.get(`${CAS}/${root}`), 400, "PCA.10010002");
    expectError(await api.post(`${CAS}/${root}/restore`), 400, "PCA.10010002");
    expect((await api.get(CAS)).json.total).toBe(0);
  });

  test("a CA becomes EXPIRED after not_after, can be disabled, and cannot issue", async () => {
    const root = await createRoot(api, { validity: { type: "DAY", value: 2 } });
    await api.post("/_emulator/clock", { offset_ms: 3 * DAY }, { auth: "none" });
    expect(await status(root)).toBe("EXPIRED");
    expect((await api.get(CAS, { query: { status: "EXPIRED" } })).json.total).toBe(1);
    expect((await api.post(`${CAS}/${root}/export`)).status).toBe(200);
    expectError(await api.get(`${CAS}/${root}/csr`), 403, "PCA.00030203");
    expectError(
      await api.post(
        "/v1/private-certificates",
        certificateBody(root, { distinguished_name: { common_name: "leaf" }, validity: { type: "HOUR", value: 1 } }),
      ),
      403,
      "PCA.00030203",
    );
    expect((await api.post(`${CAS}/${root}/disable`)).status).toBe(204);
  });

  test("revoke: subordinates only, with a reason or {}, once", async () => {
    const root = await createRoot(api);
    const sub = await createCa(api, subordinateBody(root));
    expectError(await api.post(`${CAS}/${root}/revoke`, {}), 400, "PCA.00020202");
    expectError(await api.post(`${CAS}/${sub}/revoke`, { reason: "BORED" }), 400, "PCA.00020001");
    expectError(await api.post(`${CAS}/${sub}/revoke`), 400, "PCA.00020001");
    expect((await api.post(`${CAS}/${sub}/revoke`, { reason: "KEY_COMPROMISE" })).status).toBe(204);
    expectError(await api.post(`${CAS}/${sub}/revoke`, {}), 403, "PCA.00030203");
    const inventory = (await api.get("/_emulator/inventory", { auth: "none" })).json;
    const revoked = inventory.certificate_authorities.find((ca: { id: string }) => ca.id === sub);
    expect(revoked.revocation_reason).toBe("KEY_COMPROMISE");
    const pending = await pendingSubordinate();
    expectError(await api.post(`${CAS}/${pending}/revoke`, {}), 403, "PCA.00030203");
  });
});

describe("export, CSR and import", () => {
  test("export: only ACTIVED or EXPIRED; PEMs with \\r\\n; a root's chain is itself", async () => {
    const root = await createRoot(api);
    const exported = (await api.post(`${CAS}/${root}/export`)).json;
    expect(Object.keys(exported).sort()).toEqual(["certificate", "certificate_chain"]);
    expect(exported.certificate).toMatch(/^-----BEGIN CERTIFICATE-----\r\n[\s\S]+\r\n-----END CERTIFICATE-----$/);
    expect(exported.certificate).not.toMatch(/[^\r]\n/);
    expect(exported.certificate_chain).toBe(exported.certificate);
    await api.post(`${CAS}/${root}/disable`);
    expectError(await api.post(`${CAS}/${root}/export`), 403, "PCA.00030203");
    expectError(await api.post(`${CAS}/${await pendingSubordinate()}/export`), 403, "PCA.00030203");
  });

  test("CSR: only PENDING, \\r\\n line breaks, the CA's own key and subject", async () => {
    const pending = await pendingSubordinate();
    const response = await api.get(`${CAS}/${pending}/csr`);
    expect(response.status).toBe(200);
    expect(Object.keys(response.json)).toEqual(["csr"]);
    expect(response.json.csr).toMatch(
      /^-----BEGIN CERTIFICATE REQUEST-----\r\n[\s\S]+-----END CERTIFICATE REQUEST-----$/,
    );
    expect(response.json.csr).not.toMatch(/[^\r]\n/);
    expectError(await api.get(`${CAS}/${await createRoot(api)}/csr`), 403, "PCA.00030203");
  });

  test("import: a certificate signed elsewhere for the CSR activates the subordinate", async () => {
    // "Elsewhere" = a second emulator standing in for an external CA, signing by CSR (INTERMEDIATE_CA).
    await withEmulator({}, async (outside) => {
      const externalRoot = await createRoot(outside, { distinguished_name: { ...CA_DN, common_name: "Outside Root" } });
      const pending = await pendingSubordinate();
      const csr = (await api.get(`${CAS}/${pending}/csr`)).json.csr;
      const signed = await outside.post("/v1/private-certificates/csr", intermediateByCsrBody(externalRoot, csr, 0));
      expect(signed.status).toBe(200);
      const issued = (await outside.post(`${CAS}/${signed.json.certificate_id}/export`)).json;
      const rootPem = (await outside.post(`${CAS}/${externalRoot}/export`)).json.certificate;
      expect(issued.certificate_chain).toBe(rootPem);

      // A certificate for some other key is refused with PCA.00030301.
      const other = await pendingSubordinate();
      expectError(
        await api.post(`${CAS}/${other}/import`, { certificate: issued.certificate, certificate_chain: rootPem }),
        403,
        "PCA.00030301",
      );
      // A chain that did not issue the certificate is refused.
      const unrelated = (await api.post(`${CAS}/${await createRoot(api)}/export`)).json.certificate;
      expectError(
        await api.post(`${CAS}/${pending}/import`, { certificate: issued.certificate, certificate_chain: unrelated }),
        400,
        "PCA.00020001",
      );
      expectError(
        await api.post(`${CAS}/${pending}/import`, { certificate: "garbage", certificate_chain: rootPem }),
        400,
        "PCA.00020001",
      );

      const response = await api.post(`${CAS}/${pending}/import`, {
        certificate: issued.certificate,
        certificate_chain: rootPem,
      });
      expect(response.status).toBe(204);
      const ca = (await api.get(`${CAS}/${pending}`)).json;
      expect(ca).toMatchObject({ status: "ACTIVED", gen_mode: "IMPORT", issuer_name: "Outside Root" });
      expect((await api.post(`${CAS}/${pending}/export`)).json.certificate_chain).toBe(rootPem);
      // It can issue now, and the chain runs up to the outside root.
      const leaf = await api.post("/v1/private-certificates", {
        issuer_id: pending,
        key_algorithm: "EC256",
        signature_algorithm: "SHA256",
        distinguished_name: { common_name: "through.import" },
        validity: { type: "DAY", value: 1 },
      });
      expect(leaf.status).toBe(200);
      expectError(
        await api.post(`${CAS}/${pending}/import`, { certificate: issued.certificate, certificate_chain: rootPem }),
        403,
        "PCA.00030203",
      );
    });
  });
});

describe("tags on CAs", () => {
  test("create, list, delete", async () => {
    const root = await createRoot(api);
    expect((await api.post(`${CAS}/${root}/tags/create`, { tags: [{ key: "env", value: "test" }] })).status).toBe(204);
    expect((await api.get(`${CAS}/${root}/tags`)).json).toEqual({ tags: [{ key: "env", value: "test" }] });
    expect((await api.get(`${CAS}/tags`)).json).toEqual({ tags: [{ key: "env", values: ["test"] }] });
    const deleted = await api.call("DELETE", `${CAS}/${root}/tags/delete`, { body: { tags: [{ key: "env" }] } });
    expect(deleted.status).toBe(204);
    expect((await api.get(`${CAS}/${root}/tags`)).json).toEqual({ tags: [] });
  });
});
