// SCM export (SCM "ExportCertificate") and SMS certkey (SMS "Obtaining an SSL Certificate and Private Key"): objects come from the seed (control endpoint
// or startEmulator's `seed`), the APIs only read them.

import { createPrivateKey, generateKeyPairSync, X509Certificate } from "node:crypto";
import { describe, expect, test } from "vitest";
import { CONTROL, useEmulator, withEmulator } from "./helpers/client.js";
import { applyCertificate, createRoot, expectError } from "./helpers/fixtures.js";

const api = useEmulator();

async function seed(body: unknown) {
  const response = await api.post("/_emulator/seed", body, CONTROL);
  expect(response.status, JSON.stringify(response.json)).toBe(200);
  return response.json;
}

describe("SCM export", () => {
  test("a generated certificate: 16-character id, the four documented fields, a working chain", async () => {
    const seeded = await seed({ scm_certificates: [{ common_name: "shop.example.com" }] });
    const id = seeded.scm_certificates[0].id;
    expect(id).toMatch(/^scs\d{13}$/);
    const response = await api.post(`/v3/scm/certificates/${id}/export`, undefined, { auth: "aksk" });
    expect(response.status).toBe(200);
    expect(Object.keys(response.json).sort()).toEqual([
      "certificate",
      "certificate_chain",
      "entire_certificate",
      "private_key",
    ]);
    const { certificate, certificate_chain: chain, entire_certificate: entire, private_key: key } = response.json;
    expect(entire).toBe(`${certificate}\r\n${chain}`);
    expect(key).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\r\n/);
    const x509 = new X509Certificate(certificate);
    expect(x509.subject).toContain("CN=shop.example.com");
    expect(x509.checkPrivateKey(createPrivateKey(key))).toBe(true);
    expect(x509.verify(new X509Certificate(chain).publicKey)).toBe(true);
  });

  test("a seeded PEM is answered as given", async () => {
    // Any certificate with its key will do: take one the emulator issued through CCM.
    const root = await createRoot(api);
    const issued = await applyCertificate(api, root, { key_algorithm: "RSA2048" });
    const exported = (
      await api.post(`/v1/private-certificates/${issued}/export`, { type: "OTHER", is_compressed: false })
    ).json;
    const seeded = await seed({
      scm_certificates: [
        {
          id: "scs1554192131150",
          certificate: exported.certificate,
          certificate_chain: exported.certificate_chain,
          private_key: exported.private_key,
        },
      ],
    });
    expect(seeded.scm_certificates).toEqual([{ id: "scs1554192131150" }]);
    const response = (await api.post("/v3/scm/certificates/scs1554192131150/export")).json;
    expect(response.certificate).toBe(exported.certificate);
    expect(response.certificate_chain).toBe(exported.certificate_chain);
  });

  test("unknown and malformed ids", async () => {
    expectError(await api.post("/v3/scm/certificates/scs0000000000000/export"), 404, "SCM.0002");
    expectError(await api.post("/v3/scm/certificates/short/export"), 400, "SCM.0001");
  });

  test("the seed refuses a key that does not fit, a bad id and unknown fields", async () => {
    const root = await createRoot(api);
    const exported = (
      await api.post(`/v1/private-certificates/${await applyCertificate(api, root)}/export`, {
        type: "OTHER",
        is_compressed: false,
      })
    ).json;
    const otherKey = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({
      type: "pkcs8",
      format: "pem",
    });
    for (const body of [
      { scm_certificates: [{ certificate: exported.certificate, private_key: String(otherKey) }] },
      { scm_certificates: [{ certificate: exported.certificate }] },
      { scm_certificates: [{ id: "too-short" }] },
      { scm_certificates: [{ colour: "red" }] },
      { widgets: [] },
      { sms_tasks: [{ id: "x".repeat(37) }] },
    ]) {
      const response = await api.post("/_emulator/seed", body, CONTROL);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.json.error_code).toBe("EMULATOR.CONTROL");
    }
  });
});

describe("SMS certkey", () => {
  test("enable_ca_cert=true: CA plus source and target certificates and keys, \\n line breaks", async () => {
    await seed({ sms_tasks: [{ id: "task-0001" }] });
    const response = await api.get("/v3/tasks/task-0001/certkey", { query: { enable_ca_cert: "true" } });
    expect(response.status).toBe(200);
    // The CA, then a certificate and its key for the source and for each target (mgmt, data).
    const prefixes = ["", "target_mgmt_", "target_data_"];
    const fields = ["ca", ...prefixes.flatMap((prefix) => [`${prefix}cert`, `${prefix}private_key`])];
    expect(Object.keys(response.json).sort()).toEqual(fields.sort());
    const body = response.json;
    expect(JSON.stringify(body)).not.toContain("\\r\\n");
    expect(body.private_key).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n/);
    const ca = new X509Certificate(body.ca);
    for (const [cert, key] of [
      [body.cert, body.private_key],
      [body.target_mgmt_cert, body.target_mgmt_private_key],
      [body.target_data_cert, body.target_data_private_key],
    ]) {
      const x509 = new X509Certificate(cert);
      expect(x509.verify(ca.publicKey)).toBe(true);
      expect(x509.checkPrivateKey(createPrivateKey(key))).toBe(true);
    }
    // Answered identically the next time.
    expect((await api.get("/v3/tasks/task-0001/certkey", { query: { enable_ca_cert: "true" } })).json).toEqual(body);
  });

  test("without enable_ca_cert (default false): no ca field, self-signed certificates", async () => {
    const seeded = await seed({ sms_tasks: [{}] });
    const id = seeded.sms_tasks[0].id;
    const body = (await api.get(`/v3/tasks/${id}/certkey`)).json;
    expect(body.ca).toBeUndefined();
    const x509 = new X509Certificate(body.cert);
    expect(x509.verify(x509.publicKey)).toBe(true);
  });

  test("unknown task, bad enable_ca_cert", async () => {
    expectError(await api.get("/v3/tasks/missing/certkey"), 404, "SMS.0002");
    await seed({ sms_tasks: [{ id: "t1" }] });
    expectError(await api.get("/v3/tasks/t1/certkey", { query: { enable_ca_cert: "maybe" } }), 400, "SMS.0001");
    expectError(await api.get(`/v3/tasks/${"t".repeat(37)}/certkey`), 400, "SMS.0001");
  });

  test("needs authentication like every API", async () => {
    await seed({ sms_tasks: [{ id: "t2" }] });
    expectError(await api.get("/v3/tasks/t2/certkey", { auth: "none" }), 401, "APIG.0301");
  });
});

test("a seed given to startEmulator is applied at start and again after reset", async () => {
  await withEmulator(
    {
      seed: { scm_certificates: [{ id: "scs0000000000001" }], sms_tasks: [{ id: "t" }] },
    },
    async (seeded) => {
      expect((await seeded.post("/v3/scm/certificates/scs0000000000001/export")).status).toBe(200);
      await seeded.post("/_emulator/reset", undefined, CONTROL);
      const inventory = (await seeded.get("/_emulator/inventory", CONTROL)).json;
      expect(inventory.scm_certificates).toEqual([{ id: "scs0000000000001" }]);
      expect(inventory.sms_tasks).toEqual([{ id: "t" }]);
    },
  );
});
