// Private certificate endpoints (docs/api-facts.md §2, CCM "Applying for a Certificate"): apply and get.

import { X509Certificate } from "node:crypto";
import { beforeEach, describe, expect, test } from "vitest";
import { useEmulator } from "./helpers/client.js";
import {
  applyCertificate,
  CA_DN,
  CAS,
  CERTS,
  certificateBody,
  createCa,
  createRoot,
  expectError,
  subordinateBody,
} from "./helpers/fixtures.js";

const DAY = 86_400_000;

const api = useEmulator();
let root: string;
beforeEach(async () => {
  root = await createRoot(api);
});

async function exportPem(id: string): Promise<string> {
  const response = await api.post(`${CERTS}/${id}/export`, { type: "OTHER", is_compressed: "false" });
  expect(response.status).toBe(200);
  return response.json.certificate;
}

describe("apply", () => {
  test("200 {certificate_id}; the certificate carries what was asked for", async () => {
    // Each SAN as requested, and as X509Certificate's subjectAltName prints it.
    const sans = [
      [{ type: "DNS", value: "app.example.com" }, "DNS:app.example.com"],
      [{ type: "IP", value: "10.0.0.1" }, "IP Address:10.0.0.1"],
      [{ type: "EMAIL", value: "ops@example.com" }, "email:ops@example.com"],
      [{ type: "URI", value: "https://app.example.com/id" }, "URI:https://app.example.com/id"],
    ] as const;
    const response = await api.post(
      CERTS,
      certificateBody(root, {
        key_algorithm: "RSA2048",
        signature_algorithm: "SHA384",
        distinguished_name: { common_name: "app.example.com", organization: "Example Org" },
        validity: { type: "MONTH", value: 2 },
        key_usages: ["digitalSignature", "keyEncipherment"],
        subject_alternative_names: sans.map(([requested]) => requested),
        extended_key_usage: { server_auth: true, client_auth: true, code_signing: false },
        customized_extension: { object_identifier: "1.3.6.1.4.1.2011.4.99", value: "emulated" },
      }),
    );
    expect(response.status).toBe(200);
    expect(Object.keys(response.json)).toEqual(["certificate_id"]);
    expect(response.json.certificate_id).toMatch(/^[0-9a-f-]{36}$/);

    const x509 = new X509Certificate(await exportPem(response.json.certificate_id));
    // Missing DN fields are inherited from the issuing CA.
    expect(x509.subject.split("\n").sort()).toEqual(
      [
        `C=${CA_DN.country}`,
        `ST=${CA_DN.state}`,
        `L=${CA_DN.locality}`,
        "O=Example Org",
        `OU=${CA_DN.organizational_unit}`,
        "CN=app.example.com",
      ].sort(),
    );
    for (const [, printed] of sans) expect(x509.subjectAltName).toContain(printed);
    expect(x509.keyUsage?.sort()).toEqual(["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"]);
    expect(x509.ca).toBe(false);
    const validMs = Date.parse(x509.validTo) - Date.parse(x509.validFrom);
    expect(Math.round(validMs / DAY)).toBe(62);
    expect(x509.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
  });

  test("each key algorithm gives the key it names", async () => {
    const expected = { RSA2048: 2048, RSA4096: 4096, EC256: "prime256v1", EC384: "secp384r1" } as const;
    for (const [algorithm, size] of Object.entries(expected)) {
      const id = await applyCertificate(api, root, { key_algorithm: algorithm });
      const details = new X509Certificate(await exportPem(id)).publicKey.asymmetricKeyDetails;
      expect(typeof size === "number" ? details?.modulusLength : details?.namedCurve).toBe(size);
    }
  });

  test("serial numbers are unique, and chains lead to the issuing CA", async () => {
    const sub = await createCa(api, subordinateBody(root));
    const ids = [await applyCertificate(api, sub), await applyCertificate(api, sub), await applyCertificate(api, root)];
    const details = await Promise.all(ids.map(async (id) => (await api.get(`${CERTS}/${id}`)).json));
    expect(new Set(details.map((d) => d.serial_number)).size).toBe(3);
    const x509 = new X509Certificate(await exportPem(ids[0]!));
    expect(x509.serialNumber.toLowerCase()).toBe(details[0].serial_number);
    const subPem = (await api.post(`${CAS}/${sub}/export`)).json.certificate;
    expect(x509.verify(new X509Certificate(subPem).publicKey)).toBe(true);
    expect(details[0].issuer_name).toBe("Emulator Test Sub");
  });

  test("only an ACTIVED CA can issue", async () => {
    await api.post(`${CAS}/${root}/disable`);
    expectError(await api.post(CERTS, certificateBody(root)), 403, "PCA.00030203");
    const pending = await createCa(api, subordinateBody(undefined));
    expectError(await api.post(CERTS, certificateBody(pending)), 403, "PCA.00030203");
    expectError(await api.post(CERTS, certificateBody("00000000-0000-4000-8000-000000000000")), 400, "PCA.10010002");
  });

  test("a revoked subordinate CA cannot issue", async () => {
    const sub = await createCa(api, subordinateBody(root));
    await api.post(`${CAS}/${sub}/revoke`, {});
    expectError(await api.post(CERTS, certificateBody(sub)), 403, "PCA.00030203");
  });
});

describe("get", () => {
  test("the documented fields, ms timestamps", async () => {
    const id = await applyCertificate(api, root);
    const response = await api.get(`${CERTS}/${id}`);
    expect(response.status).toBe(200);
    expect(Object.keys(response.json).sort()).toEqual(
      [
        "certificate_id",
        "create_time",
        "delete_time",
        "distinguished_name",
        "enterprise_project_id",
        "freeze_flag",
        "gen_mode",
        "issuer_id",
        "issuer_name",
        "key_algorithm",
        "not_after",
        "not_before",
        "serial_number",
        "signature_algorithm",
        "status",
      ].sort(),
    );
    expect(response.json).toMatchObject({
      certificate_id: id,
      status: "ISSUED",
      issuer_id: root,
      issuer_name: CA_DN.common_name,
      key_algorithm: "EC256",
      signature_algorithm: "SHA256",
      freeze_flag: 0,
      gen_mode: "GENERATE",
      delete_time: null,
    });
    expect(response.json.not_after - response.json.not_before).toBe(30 * DAY);
  });

  test("not found is HTTP 400 PCA.10010002 (live behaviour); a malformed id PCA.10010105", async () => {
    expectError(await api.get(`${CERTS}/00000000-0000-4000-8000-000000000000`), 400, "PCA.10010002");
    expectError(await api.get(`${CERTS}/{certificate_id}`), 400, "PCA.10010105");
  });

  test("EXPIRED once the emulator clock passes not_after", async () => {
    const id = await applyCertificate(api, root, { validity: { type: "HOUR", value: 1 } });
    await api.post("/_emulator/clock", { advance_ms: 2 * 3_600_000 }, { auth: "none" });
    expect((await api.get(`${CERTS}/${id}`)).json.status).toBe("EXPIRED");
    expectError(await api.post(`${CERTS}/${id}/export`, { type: "OTHER", is_compressed: false }), 403, "PCA.00030203");
    expectError(await api.post(`${CERTS}/${id}/revoke`, {}), 403, "PCA.00030203");
  });
});
