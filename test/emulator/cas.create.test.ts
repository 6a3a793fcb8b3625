// Private CA endpoints (docs/api-facts.md §3): creating a CA, and getting and listing them.

import { execFileSync } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { describe, expect, test } from "vitest";
import { DAY, useCaEmulator } from "./helpers/cas.js";
import { CA_DN, CAS, createCa, createRoot, expectError, rootBody, subordinateBody } from "./helpers/fixtures.js";

const { api, pendingSubordinate } = useCaEmulator();

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
