// What comes out of the emulator, checked with the tools users have: openssl (verify, x509, pkcs12,
// pkey, req) and the JDK's keytool — not only with our own parser.

import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { useEmulator } from "./helpers/client.js";
import {
  applyCertificate,
  CAS,
  CERTS,
  createCa,
  createRoot,
  intermediateByCsrBody,
  subordinateBody,
} from "./helpers/fixtures.js";

const api = useEmulator({ resetEachTest: false });
let dir: string;
let root: string;
let sub: string;
let rootFile: string;
let subFile: string;

function run(command: string, args: string[], input?: string): string {
  return execFileSync(command, args, { encoding: "utf8", input, stdio: ["pipe", "pipe", "pipe"] });
}

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function caPem(id: string): Promise<string> {
  return (await api.post(`${CAS}/${id}/export`)).json.certificate;
}

async function zipOf(id: string, type: string, extra: Record<string, unknown> = {}) {
  const response = await api.post(`${CERTS}/${id}/export`, { type, is_compressed: "true", ...extra });
  expect(response.status).toBe(200);
  return unzipSync(response.bytes);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ccm-emulator-tools-"));
  root = await createRoot(api, { key_algorithm: "RSA2048", signature_algorithm: "SHA512" });
  sub = await createCa(api, subordinateBody(root, { key_algorithm: "EC384", signature_algorithm: "SHA384" }));
  rootFile = file("root.pem", await caPem(root));
  subFile = file("sub.pem", await caPem(sub));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
});

describe("openssl verify", () => {
  test("root → subordinate → leaf chains verify; the subordinate alone does not anchor", async () => {
    expect(run("openssl", ["verify", "-x509_strict", "-CAfile", rootFile, subFile])).toContain(": OK");
    const id = await applyCertificate(api, sub, { extended_key_usage: { server_auth: true } });
    const exported = (await api.post(`${CERTS}/${id}/export`, { type: "OTHER", is_compressed: false })).json;
    const leaf = file(`leaf-${id}.pem`, exported.certificate);
    const chain = file(`chain-${id}.pem`, exported.certificate_chain);
    expect(run("openssl", ["verify", "-x509_strict", "-CAfile", rootFile, "-untrusted", subFile, leaf])).toContain(
      ": OK",
    );
    expect(run("openssl", ["verify", "-CAfile", chain, leaf])).toContain(": OK");
    expect(() => run("openssl", ["verify", "-CAfile", rootFile, leaf])).toThrow();
  });

  test("the certificate carries subject, SANs, key usages, EKUs and the custom extension", async () => {
    const id = await applyCertificate(api, sub, {
      distinguished_name: { common_name: "tools.example.com", organizational_unit: "Tools" },
      subject_alternative_names: [
        { type: "DNS", value: "tools.example.com" },
        { type: "IP", value: "192.0.2.7" },
      ],
      key_usages: ["digitalSignature", "keyAgreement"],
      extended_key_usage: { server_auth: true, time_stamping: true },
      customized_extension: { object_identifier: "1.3.6.1.4.1.2011.4.99", value: "hello-ccm" },
    });
    const pem = (await api.post(`${CERTS}/${id}/export`, { type: "OTHER", is_compressed: false })).json.certificate;
    const text = run("openssl", ["x509", "-noout", "-text", "-nameopt", "sep_multiline"], pem);
    expect(text).toContain("CN=tools.example.com");
    expect(text).toContain("OU=Tools");
    expect(text).toContain("O=Huawei"); // inherited from the CA
    expect(text).toContain("DNS:tools.example.com, IP Address:192.0.2.7");
    expect(text).toContain("Digital Signature, Key Agreement");
    expect(text).toContain("TLS Web Server Authentication, Time Stamping");
    expect(text).toContain("1.3.6.1.4.1.2011.4.99:");
    expect(text).toContain("hello-ccm");
    expect(text).toContain("Signature Algorithm: ecdsa-with-SHA256"); // the request's hash, by the EC384 CA
  });
});

describe("keystores", () => {
  let id: string;
  beforeAll(async () => {
    id = await applyCertificate(api, sub, {
      key_algorithm: "RSA2048",
      distinguished_name: { common_name: "ks.example.com" },
    });
  });

  test("IIS server.pfx opens with the password from keystorePass.txt (openssl pkcs12)", async () => {
    const files = await zipOf(id, "IIS");
    const password = Buffer.from(files["keystorePass.txt"]!).toString("utf8");
    const pfx = file("server.pfx", files["server.pfx"]!);
    const out = run("openssl", ["pkcs12", "-in", pfx, "-passin", `pass:${password}`, "-nodes"]);
    expect(out.match(/BEGIN CERTIFICATE/g)).toHaveLength(3);
    expect(out).toContain("PRIVATE KEY");
    expect(out).toContain("ks.example.com");
    expect(() => run("openssl", ["pkcs12", "-in", pfx, "-passin", "pass:wrong", "-nodes"])).toThrow();
  });

  test("IIS with a caller's password", async () => {
    const pfx = file("own.pfx", (await zipOf(id, "IIS", { password: "Own-Pass_1" }))["server.pfx"]!);
    expect(run("openssl", ["pkcs12", "-in", pfx, "-passin", "pass:Own-Pass_1", "-nokeys"])).toContain(
      "BEGIN CERTIFICATE",
    );
  });

  test("TOMCAT server.jks opens with keytool and holds the key entry with its chain", async () => {
    const files = await zipOf(id, "TOMCAT");
    const password = Buffer.from(files["keystorePass.txt"]!).toString("utf8");
    const jks = file("server.jks", files["server.jks"]!);
    const out = run("keytool", ["-list", "-v", "-keystore", jks, "-storepass", password, "-storetype", "JKS"]);
    expect(out).toContain("PrivateKeyEntry");
    expect(out).toContain("Certificate chain length: 3");
    expect(out).toContain("CN=ks.example.com");
    expect(() =>
      run("keytool", ["-list", "-keystore", jks, "-storepass", "wrong-pass", "-storetype", "JKS"]),
    ).toThrow();
  });

  test("an exported key encrypted with a password opens with openssl pkey -passin", async () => {
    const key = (
      await api.post(`${CERTS}/${id}/export`, { type: "APACHE", is_compressed: false, password: "k3y.pass" })
    ).json.private_key;
    const keyFile = file("encrypted.key", key);
    expect(run("openssl", ["pkey", "-in", keyFile, "-passin", "pass:k3y.pass", "-noout", "-text"])).toContain(
      "Private-Key",
    );
    expect(() => run("openssl", ["pkey", "-in", keyFile, "-passin", "pass:nope", "-noout"])).toThrow();
  });
});

describe("CSRs", () => {
  test("a PENDING CA's CSR verifies with openssl req", async () => {
    const pending = await createCa(api, subordinateBody(undefined, { validity: undefined }));
    const csr = (await api.get(`${CAS}/${pending}/csr`)).json.csr;
    const out = run("openssl", ["req", "-verify", "-noout", "-subject", "-nameopt", "sep_multiline"], csr);
    expect(out).toContain("CN=Emulator Test Sub");
  });

  test("a CSR made by openssl is signed; the certificate chains and keeps the CSR's key and SANs", async () => {
    const keyFile = join(dir, "own.key");
    run("openssl", ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", keyFile]);
    const csr = run("openssl", [
      "req",
      "-new",
      "-key",
      keyFile,
      "-subj",
      "/C=DE/O=Outside/CN=outside.example.com",
      "-addext",
      "subjectAltName=DNS:outside.example.com",
    ]);
    const response = await api.post(`${CERTS}/csr`, { issuer_id: sub, csr, validity: { type: "DAY", value: 10 } });
    expect(response.status).toBe(200);
    const details = (await api.get(`${CERTS}/${response.json.certificate_id}`)).json;
    expect(details).toMatchObject({ gen_mode: "CSR", key_algorithm: "EC256", signature_algorithm: "SHA384" });
    const exported = (
      await api.post(`${CERTS}/${response.json.certificate_id}/export`, { type: "OTHER", is_compressed: false })
    ).json;
    const leaf = file("outside.pem", exported.certificate);
    expect(run("openssl", ["verify", "-CAfile", rootFile, "-untrusted", subFile, leaf])).toContain(": OK");
    const text = run("openssl", ["x509", "-noout", "-text"], exported.certificate);
    expect(text).toContain("DNS:outside.example.com");
    expect(text).toContain("Subject: C = DE, O = Outside, CN = outside.example.com");
    const publicFromKey = run("openssl", ["pkey", "-in", keyFile, "-pubout"]);
    const publicFromCert = run("openssl", ["x509", "-noout", "-pubkey"], exported.certificate);
    expect(publicFromCert).toBe(publicFromKey);
  });

  test("an INTERMEDIATE_CA from an openssl CSR is a CA that chains to its issuer", async () => {
    const keyFile = join(dir, "intermediate.key");
    run("openssl", ["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", keyFile]);
    const csr = run("openssl", ["req", "-new", "-key", keyFile, "-subj", "/CN=Outside Intermediate"]);
    const response = await api.post(`${CERTS}/csr`, intermediateByCsrBody(root, csr, 1));
    expect(response.status).toBe(200);
    const pem = (await api.post(`${CAS}/${response.json.certificate_id}/export`)).json.certificate;
    const text = run("openssl", ["x509", "-noout", "-text"], pem);
    expect(text).toMatch(/CA:TRUE, pathlen:1/);
    expect(run("openssl", ["verify", "-x509_strict", "-CAfile", rootFile, file("intermediate.pem", pem)])).toContain(
      ": OK",
    );
  });
});
