// Certificate export (CCM "Exporting a Certificate", docs/api-facts.md §2.6): JSON and zip forms, documented file names,
// passwords, CSR-issued certificates, and the request variants the live service accepts.

import { createPrivateKey, X509Certificate } from "node:crypto";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, test } from "vitest";
import { useEmulator } from "./helpers/client.js";
import { applyCertificate, createCa, createRoot, expectError, subordinateBody } from "./helpers/fixtures.js";

const CERTS = "/v1/private-certificates";
const CAS = "/v1/private-certificate-authorities";

const api = useEmulator({ resetEachTest: false });
// Made once for the file: a subordinate CA under a root, a certificate from it, and both CA PEMs.
let sub: string;
let certificate: string;
let rootPem: string;
let subPem: string;

beforeAll(async () => {
  const root = await createRoot(api);
  sub = await createCa(api, subordinateBody(root));
  certificate = await applyCertificate(api, sub, {
    key_algorithm: "RSA2048",
    distinguished_name: { common_name: "shop.example.com" },
  });
  rootPem = (await api.post(`${CAS}/${root}/export`)).json.certificate;
  subPem = (await api.post(`${CAS}/${sub}/export`)).json.certificate;
});

function exportIt(id: string, body: unknown) {
  return api.post(`${CERTS}/${id}/export`, body);
}

function unzip(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

const crlf = (pem: string) => pem.replace(/\r?\n/g, "\r\n").trim();

describe("JSON (is_compressed false)", () => {
  test.each(["APACHE", "NGINX", "OTHER"])(
    "%s: certificate, chain up to the root, traditional private key",
    async (type) => {
      const response = await exportIt(certificate, { type, is_compressed: "false" });
      expect(response.status).toBe(200);
      expect(Object.keys(response.json).sort()).toEqual(["certificate", "certificate_chain", "private_key"]);
      const { certificate: pem, certificate_chain: chain, private_key: key } = response.json;
      expect(pem).toMatch(/^-----BEGIN CERTIFICATE-----\r\n[A-Za-z0-9+/=\r\n]+\r\n-----END CERTIFICATE-----$/);
      expect(chain).toBe(`${crlf(subPem)}\r\n${crlf(rootPem)}`);
      expect(key).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\r\n[\s\S]+\r\n-----END RSA PRIVATE KEY-----\r\n$/);
      expect(`${pem}${chain}${key}`).not.toMatch(/[^\r]\n/);
      const x509 = new X509Certificate(pem);
      expect(x509.checkPrivateKey(createPrivateKey(key))).toBe(true);
      expect(x509.verify(new X509Certificate(subPem).publicKey)).toBe(true);
    },
  );

  test("EC keys come out as EC PRIVATE KEY", async () => {
    const id = await applyCertificate(api, sub, { key_algorithm: "EC384" });
    const key = (await exportIt(id, { type: "OTHER", is_compressed: false })).json.private_key;
    expect(key).toMatch(/^-----BEGIN EC PRIVATE KEY-----\r\n/);
  });

  test("a password encrypts the private key", async () => {
    const key = (await exportIt(certificate, { type: "OTHER", is_compressed: false, password: "Pass,word.+-_#1" })).json
      .private_key;
    expect(key).toContain("ENCRYPTED");
    expect(() => createPrivateKey(key)).toThrow();
    expect(createPrivateKey({ key, passphrase: "Pass,word.+-_#1" }).asymmetricKeyType).toBe("rsa");
  });

  test("is_compressed as JSON boolean and lower-case type are accepted (the docs' own example)", async () => {
    const response = await exportIt(certificate, { type: "other", is_compressed: false });
    expect(response.status).toBe(200);
    expect(response.json.private_key).toBeDefined();
  });

  test("IIS and TOMCAT are not defined without compression", async () => {
    expectError(await exportIt(certificate, { type: "IIS", is_compressed: "false" }), 400, "PCA.00020001");
    expectError(await exportIt(certificate, { type: "TOMCAT", is_compressed: false }), 400, "PCA.00020001");
  });
});

describe("zip (is_compressed true)", () => {
  async function zipOf(type: string, extra: Record<string, unknown> = {}) {
    const response = await exportIt(certificate, { type, is_compressed: "true", ...extra });
    expect(response.status, JSON.stringify(response.json)).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/octet-stream");
    expect(response.headers.get("content-disposition")).toContain(
      `filename="shop.example.com_${type.toLowerCase()}.zip"`,
    );
    return unzip(response.bytes);
  }

  test("APACHE: server.key, chain.crt, server.crt", async () => {
    const files = await zipOf("APACHE");
    expect(Object.keys(files).sort()).toEqual(["chain.crt", "server.crt", "server.key"]);
    expect(new X509Certificate(strFromU8(files["server.crt"]!)).subject).toContain("CN=shop.example.com");
    expect(strFromU8(files["chain.crt"]!)).toContain("BEGIN CERTIFICATE");
    expect(strFromU8(files["server.key"]!)).toContain("BEGIN RSA PRIVATE KEY");
  });

  test("NGINX: server.key and server.crt holding certificate + chain", async () => {
    const files = await zipOf("NGINX");
    expect(Object.keys(files).sort()).toEqual(["server.crt", "server.key"]);
    expect(strFromU8(files["server.crt"]!).match(/BEGIN CERTIFICATE/g)).toHaveLength(3);
  });

  test("OTHER: server.key, chain.pem, server.pem", async () => {
    expect(Object.keys(await zipOf("OTHER")).sort()).toEqual(["chain.pem", "server.key", "server.pem"]);
  });

  test("IIS: keystorePass.txt + server.pfx; TOMCAT: keystorePass.txt + server.jks", async () => {
    const iis = await zipOf("IIS");
    expect(Object.keys(iis).sort()).toEqual(["keystorePass.txt", "server.pfx"]);
    expect(strFromU8(iis["keystorePass.txt"]!)).toMatch(/^[A-Za-z0-9]{8,32}$/);
    const tomcat = await zipOf("TOMCAT");
    expect(Object.keys(tomcat).sort()).toEqual(["keystorePass.txt", "server.jks"]);
    expect(Buffer.from(tomcat["server.jks"]!.subarray(0, 4)).toString("hex")).toBe("feedfeed");
  });

  test("with a password there is no keystorePass.txt", async () => {
    expect(Object.keys(await zipOf("IIS", { password: "s3cret" }))).toEqual(["server.pfx"]);
    expect(Object.keys(await zipOf("TOMCAT", { password: "s3cret" }))).toEqual(["server.jks"]);
  });
});

describe("CSR-issued certificates have no key to export", () => {
  let csrCertificate: string;
  beforeAll(async () => {
    // A CSR made by the emulator itself for a PENDING CA serves as "some CSR from outside".
    const pending = await createCa(
      api,
      subordinateBody(undefined, {
        distinguished_name: {
          common_name: "csr.example.com",
          country: "CN",
          state: "S",
          locality: "L",
          organization: "O",
          organizational_unit: "U",
        },
      }),
    );
    const csr = (await api.get(`${CAS}/${pending}/csr`)).json.csr;
    const response = await api.post(`${CERTS}/csr`, { issuer_id: sub, csr, validity: { type: "DAY", value: 5 } });
    expect(response.status).toBe(200);
    csrCertificate = response.json.certificate_id;
  });

  test("JSON: certificate and chain only, for every type", async () => {
    for (const type of ["APACHE", "NGINX", "OTHER", "IIS", "TOMCAT"]) {
      const response = await exportIt(csrCertificate, { type, is_compressed: "false" });
      expect(Object.keys(response.json).sort()).toEqual(["certificate", "certificate_chain"]);
    }
  });

  test("zip: the documented CSR file sets", async () => {
    const expected: Record<string, string[]> = {
      APACHE: ["chain.crt", "server.crt"],
      IIS: ["chain.crt", "server.crt"],
      TOMCAT: ["chain.crt", "server.crt"],
      NGINX: ["server.crt"],
      OTHER: ["cert.pem", "chain.pem"],
    };
    for (const [type, names] of Object.entries(expected)) {
      const response = await exportIt(csrCertificate, { type, is_compressed: true });
      expect(Object.keys(unzip(response.bytes)).sort()).toEqual(names);
    }
  });
});

describe("export refuses", () => {
  test.each([
    ["no body", undefined],
    ["type missing", { is_compressed: "false" }],
    ["type unknown", { type: "PEM", is_compressed: "false" }],
    ["is_compressed missing", { type: "OTHER" }],
    ["is_compressed not a boolean", { type: "OTHER", is_compressed: "yes" }],
    ["password too long", { type: "OTHER", is_compressed: "false", password: "p".repeat(33) }],
    ["password with a forbidden character", { type: "OTHER", is_compressed: "false", password: "pass word" }],
    ["password not a string", { type: "OTHER", is_compressed: "false", password: 1234 }],
    ["is_sm_standard for a non-SM2 certificate", { type: "OTHER", is_compressed: "false", is_sm_standard: "true" }],
  ])("%s", async (_name, body) => {
    expectError(await exportIt(certificate, body), 400, "PCA.00020001");
  });

  test("a 32-byte password is fine", async () => {
    expect(
      (await exportIt(certificate, { type: "OTHER", is_compressed: "false", password: "p".repeat(32) })).status,
    ).toBe(200);
  });

  test("unknown certificate", async () => {
    expectError(
      await exportIt("00000000-0000-4000-8000-000000000000", { type: "OTHER", is_compressed: "false" }),
      400,
      "PCA.10010002",
    );
  });
});
