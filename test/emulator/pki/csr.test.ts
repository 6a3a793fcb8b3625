// CSRs: ours pass `openssl req -verify`; OpenSSL's (and tampered or exotic ones) parse the way the
// emulator's CSR endpoints need; a certificate issued from a CSR carries the CSR's key.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createCsr,
  generateKeyPair,
  issueCertificate,
  type KeyAlgorithm,
  type KeyPair,
  PkiInputError,
  parseCsr,
  randomSerialHex,
  type SignatureAlgorithm,
} from "../../../emulator/pki/index.js";
import { buildChain, type Chain, ROOT_SUBJECT } from "./fixtures.js";
import { makeWorkdir, openssl, opensslPublicKey, opensslVerify, type Workdir } from "./tools.js";

let workdir: Workdir;
beforeAll(async () => {
  workdir = await makeWorkdir();
});
afterAll(() => workdir.remove());

const OURS: {
  algorithm: KeyAlgorithm;
  hash: SignatureAlgorithm;
  sig: string;
  keyType: string;
  keyBits: number;
  javaName: string;
}[] = [
  {
    algorithm: "RSA2048",
    hash: "SHA384",
    sig: "sha384WithRSAEncryption",
    keyType: "RSA",
    keyBits: 2048,
    javaName: "SHA384withRSA",
  },
  {
    algorithm: "RSA4096",
    hash: "SHA256",
    sig: "sha256WithRSAEncryption",
    keyType: "RSA",
    keyBits: 4096,
    javaName: "SHA256withRSA",
  },
  {
    algorithm: "EC256",
    hash: "SHA512",
    sig: "ecdsa-with-SHA512",
    keyType: "EC",
    keyBits: 256,
    javaName: "SHA512withECDSA",
  },
  {
    algorithm: "EC384",
    hash: "SHA384",
    sig: "ecdsa-with-SHA384",
    keyType: "EC",
    keyBits: 384,
    javaName: "SHA384withECDSA",
  },
];

describe.each(OURS)("createCsr with $algorithm / $hash", ({ algorithm, hash, sig, keyType, keyBits, javaName }) => {
  let keys: KeyPair;
  let csr: string;
  const file = `${algorithm}.csr`;

  beforeAll(async () => {
    keys = await generateKeyPair(algorithm);
    csr = await createCsr({ ...ROOT_SUBJECT, commonName: `Pending ${algorithm} CA` }, keys, hash);
    await workdir.write(file, csr);
  });

  it("passes openssl req -verify with the subject in C, ST, L, O, OU, CN order", async () => {
    expect(csr).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----\n[\s\S]+\n-----END CERTIFICATE REQUEST-----\n$/);
    const verified = await openssl(workdir.dir, "req", "-in", file, "-verify", "-noout", "-text");
    expect(verified.code).toBe(0);
    expect(verified.stderr + verified.stdout).toMatch(/self-signature verify OK/);
    expect(verified.stdout).toContain(
      `Subject: C = CN, ST = Sichuan, L = Chengdu, O = Huawei, OU = CloudBU, CN = Pending ${algorithm} CA\n`,
    );
    expect(verified.stdout).toContain(`Signature Algorithm: ${sig}`);
    expect(await opensslPublicKey(workdir, file, "csr")).toBe(keys.publicKeyPem);
  });

  it("parses back with parseCsr", async () => {
    expect(await parseCsr(csr)).toEqual({
      subject: { ...ROOT_SUBJECT, commonName: `Pending ${algorithm} CA` },
      publicKeyPem: keys.publicKeyPem,
      keyAlgorithm: algorithm,
      keyType,
      keyBits,
      signatureAlgorithmName: javaName,
      signatureValid: true,
      subjectAltNames: [],
      keyUsages: undefined,
    });
  });
});

describe("parseCsr on CSRs made by OpenSSL", () => {
  let chain: Chain;

  beforeAll(async () => {
    chain = await buildChain({ keyAlgorithms: ["EC256", "EC256", "EC256"], signatureAlgorithm: "SHA256" });
    await workdir.write("user-root.pem", chain.root.certificatePem);
    await workdir.write("user-intermediate.pem", chain.intermediate.certificatePem);
    const made = await openssl(
      workdir.dir,
      "req",
      "-new",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:P-384",
      "-nodes",
      "-keyout",
      "user.key",
      "-out",
      "user.csr",
      "-subj",
      "/C=DE/O=Example GmbH/CN=user.example",
      "-addext",
      "subjectAltName=DNS:user.example,IP:10.0.0.7,IP:2001:db8::7,email:me@user.example,URI:https://user.example/,otherName:1.2.3.4;UTF8:skipped",
    );
    expect(made.code).toBe(0);
  });

  it("reads subject, key algorithm, SANs (unknown name forms skipped) and a valid signature", async () => {
    const csr = await parseCsr(await readText("user.csr"));
    expect(csr.subject).toEqual({ commonName: "user.example", country: "DE", organization: "Example GmbH" });
    expect(csr.keyAlgorithm).toBe("EC384");
    expect(csr.signatureValid).toBe(true);
    expect(csr.subjectAltNames).toEqual([
      { type: "DNS", value: "user.example" },
      { type: "IP", value: "10.0.0.7" },
      { type: "IP", value: "2001:db8::7" },
      { type: "EMAIL", value: "me@user.example" },
      { type: "URI", value: "https://user.example/" },
    ]);
    expect(csr.publicKeyPem).toBe(await opensslPublicKey(workdir, "user.key", "key"));
  });

  it("issues a certificate for the CSR's key that openssl verifies and that matches the user's key", async () => {
    const csr = await parseCsr(await readText("user.csr"));
    const now = Date.now();
    const pem = await issueCertificate({
      subject: csr.subject,
      publicKeyPem: csr.publicKeyPem,
      issuer: {
        certificatePem: chain.intermediate.certificatePem,
        privateKeyPem: chain.intermediate.keys.privateKeyPem,
      },
      signatureAlgorithm: "SHA384",
      serialNumberHex: randomSerialHex(),
      notBefore: new Date(now),
      notAfter: new Date(now + 86_400_000),
      keyUsages: ["digitalSignature", "keyAgreement"],
      subjectAltNames: csr.subjectAltNames,
    });
    await workdir.write("user.pem", pem);
    const verified = await opensslVerify(workdir.dir, "user-root.pem", "user.pem", "user-intermediate.pem");
    expect(verified.stdout.trim()).toBe("user.pem: OK");
    expect(await opensslPublicKey(workdir, "user.pem", "cert")).toBe(
      await opensslPublicKey(workdir, "user.key", "key"),
    );
  });

  it("reports a tampered signature as invalid", async () => {
    const text = await readText("user.csr");
    const body = Buffer.from(text.replace(/-----[A-Z ]+-----|\s/g, ""), "base64");
    body[body.length - 5] = body[body.length - 5]! ^ 0x01; // a bit inside the signature value
    const tampered = `-----BEGIN CERTIFICATE REQUEST-----\n${body.toString("base64")}\n-----END CERTIFICATE REQUEST-----\n`;
    expect((await parseCsr(tampered)).signatureValid).toBe(false);
    await workdir.write("tampered.csr", tampered);
    // GOTCHA: OpenSSL 3.0's `req -verify` exits 0 even when the signature is bad; read its verdict.
    const verdict = await openssl(workdir.dir, "req", "-in", "tampered.csr", "-verify", "-noout");
    expect(verdict.stdout + verdict.stderr).toMatch(/verify failure/);
  });

  it.each([
    ["RSA 3072", ["-newkey", "rsa:3072"]],
    ["P-521", ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-521"]],
    ["Ed25519", ["-newkey", "ed25519"]],
  ])("says UNSUPPORTED for a %s key", async (name, keyArgs) => {
    const file = `${name.replace(/\W/g, "")}.csr`;
    const made = await openssl(
      workdir.dir,
      "req",
      "-new",
      ...keyArgs,
      "-nodes",
      "-keyout",
      `${file}.key`,
      "-out",
      file,
      "-subj",
      "/CN=x",
    );
    expect(made.code).toBe(0);
    const csr = await parseCsr(await readText(file));
    expect(csr.keyAlgorithm).toBe("UNSUPPORTED");
    expect(csr.subject).toEqual({ commonName: "x" });
  });

  it("throws PkiInputError on garbage", async () => {
    await expect(parseCsr("hello")).rejects.toThrow(PkiInputError);
    await expect(
      parseCsr("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n"),
    ).rejects.toThrow(/not a readable PKCS#10 request/);
    await expect(parseCsr(chain.root.certificatePem)).rejects.toThrow(/CERTIFICATE REQUEST/);
  });
});

function readText(name: string): Promise<string> {
  return readFile(join(workdir.dir, name), "utf8");
}
