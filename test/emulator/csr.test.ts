// Apply by CSR (docs/api-facts.md §2.7): ENTITY_CERT and INTERMEDIATE_CA, and what the CSR must be.

import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { x509 } from "../../emulator/pki/x509-lib.js";
import { useEmulator } from "./helpers/client.js";
import { csrWithBmpCommonName, ODD_BMP } from "./helpers/crafted-csr.js";
import { createCa, createRoot, expectError, subordinateBody } from "./helpers/fixtures.js";

const CERTS = "/v1/private-certificates";
const CAS = "/v1/private-certificate-authorities";

const api = useEmulator({ resetEachTest: false });
let root: string;
let csr: string;

function opensslCsr(subject: string, ...extra: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "ccm-emulator-csr-"));
  try {
    const key = join(dir, "key.pem");
    execFileSync("openssl", ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384", "-out", key]);
    return execFileSync("openssl", ["req", "-new", "-key", key, "-subj", subject, ...extra], { encoding: "utf8" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  root = await createRoot(api);
  csr = opensslCsr("/CN=csr-client.example.com/O=Client");
});

function byCsr(body: Record<string, unknown>) {
  return api.post(`${CERTS}/csr`, { issuer_id: root, csr, validity: { type: "DAY", value: 3 }, ...body });
}

describe("ENTITY_CERT (the default)", () => {
  test("issues a certificate listed with the others, gen_mode CSR, subject from the CSR", async () => {
    const response = await byCsr({});
    expect(response.status).toBe(200);
    expect(Object.keys(response.json)).toEqual(["certificate_id"]);
    const details = (await api.get(`${CERTS}/${response.json.certificate_id}`)).json;
    expect(details).toMatchObject({
      gen_mode: "CSR",
      key_algorithm: "EC384",
      signature_algorithm: "SHA384",
      distinguished_name: { common_name: "csr-client.example.com", organization: "Client" },
      status: "ISSUED",
    });
    // Nothing is inherited from the CA when the subject comes from a CSR.
    expect(details.distinguished_name.country).toBeUndefined();
    const listed = (await api.get(CERTS)).json.certificates.map((c: { certificate_id: string }) => c.certificate_id);
    expect(listed).toContain(response.json.certificate_id);
  });

  test("key usages: the CSR's own take priority over the defaults (digitalSignature, keyAgreement)", async () => {
    const usagesOf = async (certificateId: string) => {
      const exported = await api.post(`${CERTS}/${certificateId}/export`, { type: "OTHER", is_compressed: false });
      const extension = new x509.X509Certificate(exported.json.certificate).getExtension(x509.KeyUsagesExtension);
      return extension?.usages;
    };
    const F = x509.KeyUsageFlags;
    const own = opensslCsr(
      "/CN=own-usages.example.com",
      "-addext",
      "keyUsage=critical,digitalSignature,keyEncipherment",
    );
    const withOwn = await byCsr({ csr: own });
    expect(withOwn.status).toBe(200);
    expect(await usagesOf(withOwn.json.certificate_id)).toBe(F.digitalSignature | F.keyEncipherment);
    const withDefaults = await byCsr({});
    expect(await usagesOf(withDefaults.json.certificate_id)).toBe(F.digitalSignature | F.keyAgreement);
    // An intermediate CA keeps the CA usages whatever its CSR asks for, or it could not issue.
    const sub = await byCsr({ csr: own, type: "INTERMEDIATE_CA" });
    const caPem = (await api.post(`${CAS}/${sub.json.certificate_id}/export`)).json.certificate;
    expect(new x509.X509Certificate(caPem).getExtension(x509.KeyUsagesExtension)?.usages).toBe(
      F.digitalSignature | F.keyCertSign | F.cRLSign,
    );
  });

  test('newlines written as "\\n" escapes inside the JSON string are accepted', async () => {
    const escaped = csr.trim().replace(/\n/g, "\\n");
    expect((await byCsr({ csr: escaped })).status).toBe(200);
  });
});

describe("INTERMEDIATE_CA", () => {
  test("creates a CA (certificate_id = its ca_id) that is not listed and only supports get/export", async () => {
    const response = await byCsr({ type: "INTERMEDIATE_CA", path_length: 2, validity: { type: "YEAR", value: 1 } });
    expect(response.status).toBe(200);
    const id = response.json.certificate_id;
    const ca = (await api.get(`${CAS}/${id}`)).json;
    expect(ca).toMatchObject({
      ca_id: id,
      type: "SUBORDINATE",
      status: "ACTIVED",
      gen_mode: "CSR",
      path_length: 2,
      issuer_id: root,
    });
    expect((await api.post(`${CAS}/${id}/export`)).status).toBe(200);
    expectError(await api.get(`${CERTS}/${id}`), 400, "PCA.10010002");
    const listed = (await api.get(CAS)).json.certificate_authorities.map((c: { ca_id: string }) => c.ca_id);
    expect(listed).not.toContain(id);
    expectError(await api.post(`${CAS}/${id}/disable`), 403, "PCA.00030203");
    expectError(await api.delete(`${CAS}/${id}`), 403, "PCA.00030203");
    // Its key never reached PCA, so PCA cannot sign with it.
    expectError(
      await api.post(CERTS, {
        issuer_id: id,
        key_algorithm: "EC256",
        signature_algorithm: "SHA256",
        distinguished_name: { common_name: "x" },
        validity: { type: "DAY", value: 1 },
      }),
      403,
      "PCA.00030203",
    );
  });

  test("path_length must fit under the issuer", async () => {
    const sub = await createCa(api, subordinateBody(root, { path_length: 0 }));
    expectError(await byCsr({ issuer_id: sub, type: "INTERMEDIATE_CA" }), 400, "PCA.00020203");
    expectError(await byCsr({ type: "INTERMEDIATE_CA", path_length: 9 }), 400, "PCA.00020203");
  });
});

describe("refusals", () => {
  test.each([
    ["csr missing", { csr: undefined }, 400, "PCA.00020001"],
    [
      "csr not a CSR",
      { csr: "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----" },
      400,
      "PCA.00020001",
    ],
    ["type unknown", { type: "LEAF" }, 400, "PCA.00020001"],
    ["issuer_id malformed", { issuer_id: "x" }, 400, "PCA.00020201"],
    ["issuer unknown", { issuer_id: "00000000-0000-4000-8000-000000000000" }, 400, "PCA.10010002"],
    ["validity missing", { validity: undefined }, 400, "PCA.00020109"],
    ["validity over 20 years", { validity: { type: "YEAR", value: 21 } }, 400, "PCA.00020109"],
  ])("%s", async (_name, change, status, code) => {
    const body: Record<string, unknown> = { ...change };
    const response = await api.post(`${CERTS}/csr`, {
      issuer_id: root,
      csr,
      validity: { type: "DAY", value: 3 },
      ...Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)),
      ...Object.fromEntries(
        Object.entries(body)
          .filter(([, value]) => value === undefined)
          .map(([key]) => [key, null]),
      ),
    });
    expectError(response, status, code);
  });

  test("a CSR whose signature does not verify", async () => {
    // Flip the last byte of the DER: the end of the signature value, so the CSR still parses.
    const der = Buffer.from(csr.replace(/-----[A-Z ]+-----|\s/g, ""), "base64");
    der.writeUInt8(der.readUInt8(der.length - 1) ^ 0x01, der.length - 1);
    const tampered = `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString("base64")}\n-----END CERTIFICATE REQUEST-----`;
    const response = await byCsr({ csr: tampered });
    expectError(response, 400, "PCA.00020001");
    expect(response.json.error_msg).toContain("signature");
  });

  test("a disabled issuer", async () => {
    const sub = await createCa(api, subordinateBody(root));
    await api.post(`${CAS}/${sub}/disable`);
    expectError(await byCsr({ issuer_id: sub }), 403, "PCA.00030203");
  });

  test.each([
    ["an odd-length BMPString", ODD_BMP],
    ["a one-byte BMPString", Uint8Array.of(0x41)],
    ["a BMPString holding a lone surrogate", Uint8Array.of(0xd8, 0x00)],
  ])("a correctly signed CSR whose common name is %s is a 400, and the emulator carries on", async (_name, bytes) => {
    for (const type of ["ENTITY_CERT", "INTERMEDIATE_CA"]) {
      const response = await byCsr({ csr: csrWithBmpCommonName(bytes), type });
      expectError(response, 400, "PCA.00020001");
      expect(response.json.error_msg).toContain("CSR");
    }
    // The same bytes, well formed, are accepted: the crafted CSR itself is sound.
    expect((await byCsr({ csr: csrWithBmpCommonName(Uint8Array.of(0x00, 0x41, 0x00, 0x42)) })).status).toBe(200);
    expect((await api.get("/_emulator/health", { auth: "none" })).status).toBe(200);
  });
});
