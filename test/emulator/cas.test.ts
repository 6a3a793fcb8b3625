// Private CA endpoints and the CA state machine (docs/api-facts.md §3).

import { execFileSync } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { describe, expect, test } from "vitest";
import { useEmulator, withEmulator } from "./helpers/client.js";
import {
  CA_DN,
  certificateBody,
  createCa,
  createRoot,
  expectError,
  intermediateByCsrBody,
  rootBody,
  subordinateBody,
} from "./helpers/fixtures.js";

const CAS = "/v1/private-certificate-authorities";
const DAY = 86_400_000;

const api = useEmulator();

async function status(id: string): Promise<string> {
  const response = await api.get(`${CAS}/${id}`);
  expect(response.status).toBe(200);
  return response.json.status;
}

async function pendingSubordinate(issuerId?: string): Promise<string> {
  return createCa(api, subordinateBody(issuerId, { signature_algorithm: undefined }));
}

describe("create", () => {
  test("ROOT: 200 {ca_id}, ACTIVED at once, self-signed, path_length 7, no issuer", async () => {
    const response = await api.post(CAS, rootBody());
    expect(response.status).toBe(200);
    expect(Object.keys(response.json)).toEqual(["ca_id"]);
    const ca = (await api.get(`${CAS}/${response.json.ca_id}`)).json;
    expect(ca).toMatchObject({
      ca_id: response.json.ca_id,
      type: "ROOT",
      status: "ACTIVED",
      path_length: 7,
      issuer_id: null,
      issuer_name: null,
      key_algorithm: "EC256",
      signature_algorithm: "SHA256",
      freeze_flag: 0,
      gen_mode: "GENERATE",
      distinguished_name: CA_DN,
      delete_time: null,
      crl_configuration: { enabled: false },
      charging_mode: 1,
    });
    expect(typeof ca.serial_number).toBe("string");
    expect(ca.not_after - ca.not_before).toBeGreaterThan(9 * 365 * DAY);
    expect(Math.abs(ca.create_time - Date.now())).toBeLessThan(60_000);
  });

  test("SUBORDINATE with issuer_id, signature_algorithm and validity: ACTIVED, chained to its issuer", async () => {
    const root = await createRoot(api);
    const sub = await createCa(api, subordinateBody(root, { path_length: 2 }));
    const ca = (await api.get(`${CAS}/${sub}`)).json;
    expect(ca).toMatchObject({
      type: "SUBORDINATE",
      status: "ACTIVED",
      issuer_id: root,
      issuer_name: CA_DN.common_name,
    });
    expect(ca.path_length).toBe(2);
    const exported = (await api.post(`${CAS}/${sub}/export`)).json;
    const rootPem = (await api.post(`${CAS}/${root}/export`)).json.certificate;
    expect(new X509Certificate(exported.certificate).verify(new X509Certificate(rootPem).publicKey)).toBe(true);
    expect(exported.certificate_chain).toBe(rootPem);
  });

  test("SUBORDINATE missing any of issuer_id / signature_algorithm / validity: PENDING", async () => {
    const root = await createRoot(api);
    for (const body of [
      subordinateBody(undefined),
      subordinateBody(root, { signature_algorithm: undefined }),
      subordinateBody(root, { validity: undefined }),
    ]) {
      const id = await createCa(api, body);
      const ca = (await api.get(`${CAS}/${id}`)).json;
      expect(ca).toMatchObject({ status: "PENDING", serial_number: null, not_before: null, not_after: null });
    }
  });

  test("SM2 and SM3 are refused with the documented codes", async () => {
    expectError(await api.post(CAS, rootBody({ key_algorithm: "SM2" })), 400, "PCA.00020102");
    expectError(await api.post(CAS, rootBody({ signature_algorithm: "SM3" })), 400, "PCA.00020103");
  });

  test("a CA needs all six distinguished name fields", async () => {
    const { country: _dropped, ...dn } = CA_DN;
    expectError(await api.post(CAS, rootBody({ distinguished_name: dn })), 400, "PCA.00020101");
  });

  test("type must be ROOT or SUBORDINATE", async () => {
    expectError(await api.post(CAS, rootBody({ type: "INTERMEDIATE" })), 400, "PCA.00020202");
    expectError(await api.post(CAS, rootBody({ type: "root" })), 400, "PCA.00020202");
  });

  test("root validity ≤ 30 years; subordinate ≤ 20 years and within its issuer", async () => {
    expect((await api.post(CAS, rootBody({ validity: { type: "YEAR", value: 30 } }))).status).toBe(200);
    expectError(await api.post(CAS, rootBody({ validity: { type: "YEAR", value: 31 } })), 400, "PCA.00020109");
    const root = await createRoot(api, { validity: { type: "YEAR", value: 30 } });
    expectError(
      await api.post(CAS, subordinateBody(root, { validity: { type: "YEAR", value: 21 } })),
      400,
      "PCA.00020109",
    );
    const shortRoot = await createRoot(api, { validity: { type: "YEAR", value: 2 } });
    expectError(
      await api.post(CAS, subordinateBody(shortRoot, { validity: { type: "YEAR", value: 3 } })),
      400,
      "PCA.00020109",
    );
  });

  test("path_length 0–6 and below the issuer's; a path_length 0 CA cannot sign CAs", async () => {
    const root = await createRoot(api);
    expectError(await api.post(CAS, subordinateBody(root, { path_length: 7 })), 400, "PCA.00020203");
    expectError(await api.post(CAS, subordinateBody(root, { path_length: -1 })), 400, "PCA.00020203");
    const sub = await createCa(api, subordinateBody(root, { path_length: 0 }));
    expectError(await api.post(CAS, subordinateBody(sub, { path_length: 0 })), 400, "PCA.00020203");
    const sub1 = await createCa(api, subordinateBody(root, { path_length: 1 }));
    expectError(await api.post(CAS, subordinateBody(sub1, { path_length: 1 })), 400, "PCA.00020203");
    const grandchild = subordinateBody(sub1, { path_length: 0, validity: { type: "YEAR", value: 1 } });
    expect((await api.post(CAS, grandchild)).status).toBe(200);
  });

  test("issuer_id must be a CA id, of a CA that exists and is ACTIVED", async () => {
    expectError(await api.post(CAS, subordinateBody("not-a-uuid")), 400, "PCA.00020201");
    expectError(await api.post(CAS, subordinateBody("00000000-0000-4000-8000-000000000000")), 400, "PCA.10010002");
    const pending = await pendingSubordinate();
    expectError(await api.post(CAS, subordinateBody(pending)), 403, "PCA.00030203");
  });

  test("key_usages: a subordinate may choose its own, names are checked; a root keeps the defaults", async () => {
    const root = await createRoot(api, { key_usages: ["digitalSignature"] });
    const rootPem = (await api.post(`${CAS}/${root}/export`)).json.certificate;
    const text = (pem: string) =>
      execFileSync("openssl", ["x509", "-noout", "-ext", "keyUsage"], { input: pem, encoding: "utf8" });
    expect(text(rootPem)).toContain("Digital Signature, Certificate Sign, CRL Sign");
    const sub = await createCa(api, subordinateBody(root, { key_usages: ["keyCertSign", "cRLSign"] }));
    expect(text((await api.post(`${CAS}/${sub}/export`)).json.certificate)).toMatch(
      /Key Usage: critical\n\s+Certificate Sign, CRL Sign\n/,
    );
    expectError(await api.post(CAS, subordinateBody(root, { key_usages: ["certSign"] })), 400, "PCA.00020001");
    expectError(await api.post(CAS, rootBody({ enterprise_project_id: "eps" })), 400, "PCA.00020001");
  });

  test("crl_configuration: enabled needs obs_bucket_name", async () => {
    expectError(await api.post(CAS, rootBody({ crl_configuration: { enabled: true } })), 400, "PCA.00020001");
    const id = await createRoot(api, {
      crl_configuration: { enabled: true, obs_bucket_name: "bucket", valid_days: 7 },
    });
    expect((await api.get(`${CAS}/${id}`)).json.crl_configuration).toMatchObject({
      enabled: true,
      obs_bucket_name: "bucket",
      valid_days: 7,
    });
  });
});

describe("get and list", () => {
  test("unknown and malformed ids", async () => {
    expectError(await api.get(`${CAS}/00000000-0000-4000-8000-000000000000`), 400, "PCA.10010002");
    expectError(await api.get(`${CAS}/{ca_id}`), 400, "PCA.10010105");
  });

  test("list: {total, certificate_authorities}, filters, sort and paging", async () => {
    const root = await createRoot(api, { distinguished_name: { ...CA_DN, common_name: "Alpha Root" } });
    await createCa(api, subordinateBody(root, { distinguished_name: { ...CA_DN, common_name: "Beta Sub" } }));
    await pendingSubordinate();
    const all = (await api.get(CAS)).json;
    expect(all.total).toBe(3);
    expect(all.certificate_authorities).toHaveLength(3);
    expect(all.certificate_authorities[0].common_name).toBeUndefined();
    const byType = (await api.get(CAS, { query: { type: "ROOT" } })).json;
    expect(byType.certificate_authorities.map((ca: { ca_id: string }) => ca.ca_id)).toEqual([root]);
    expect((await api.get(CAS, { query: { status: "PENDING" } })).json.total).toBe(1);
    expect((await api.get(CAS, { query: { name: "beta" } })).json.total).toBe(1);
    const sorted = (await api.get(CAS, { query: { sort_key: "common_name", sort_dir: "ASC" } })).json;
    expect(sorted.certificate_authorities[0].distinguished_name.common_name).toBe("Alpha Root");
    const page = (await api.get(CAS, { query: { limit: "1", offset: "1" } })).json;
    expect(page.total).toBe(3);
    expect(page.certificate_authorities).toHaveLength(1);
    const bad: Record<string, string>[] = [
      { limit: "1001" },
      { offset: "-1" },
      { status: "ISSUED" },
      { sort_key: "serial" },
    ];
    for (const query of bad) {
      expectError(await api.get(CAS, { query }), 400, "PCA.00020001");
    }
  });

  test("quotas", async () => {
    await createRoot(api);
    expect((await api.get(`${CAS}/quotas`)).json).toEqual({
      quotas: { resources: [{ type: "CERTIFICATE_AUTHORITY", used: 1, quota: 100 }] },
    });
  });
});

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
