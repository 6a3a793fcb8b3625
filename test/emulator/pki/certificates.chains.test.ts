// Certificate chains made by emulator/pki, checked with OpenSSL: for each key algorithm a root ->
// intermediate -> leaf chain verifies (x509_strict), and `openssl x509 -text` shows every field the
// CCM API lets a caller ask for.
import { beforeAll, describe, expect, it } from "vitest";
import {
  type KeyAlgorithm,
  parseCertificate,
  type SignatureAlgorithm,
  verifyIssuedBy,
} from "../../../emulator/pki/index.js";
import { buildChain, type Chain, INTERMEDIATE_SUBJECT, LEAF_SUBJECT, ROOT_SUBJECT } from "./fixtures.js";
import { openssl, opensslPublicKey, useWorkdir } from "./tools.js";

const CASES: {
  name: string;
  keys: [KeyAlgorithm, KeyAlgorithm, KeyAlgorithm];
  hash: SignatureAlgorithm;
  sig: string;
}[] = [
  { name: "RSA2048", keys: ["RSA2048", "RSA2048", "RSA2048"], hash: "SHA256", sig: "sha256WithRSAEncryption" },
  { name: "RSA4096", keys: ["RSA4096", "RSA4096", "RSA4096"], hash: "SHA512", sig: "sha512WithRSAEncryption" },
  { name: "EC256", keys: ["EC256", "EC256", "EC256"], hash: "SHA256", sig: "ecdsa-with-SHA256" },
  { name: "EC384", keys: ["EC384", "EC384", "EC384"], hash: "SHA384", sig: "ecdsa-with-SHA384" },
  // The leaf's signature follows its issuer's key: an EC intermediate signs with ECDSA.
  { name: "mixed RSA/EC", keys: ["RSA2048", "EC384", "RSA2048"], hash: "SHA512", sig: "ecdsa-with-SHA512" },
];

const DN = "C = CN, ST = Sichuan, L = Chengdu, O = Huawei, OU = CloudBU";

const workdir = useWorkdir();

describe.each(CASES)("a $name root -> intermediate -> leaf chain", ({ name, keys, hash, sig }) => {
  let chain: Chain;
  const file = (level: string) => `${name.replace(/\W/g, "_")}-${level}.pem`;

  beforeAll(async () => {
    chain = await buildChain({ keyAlgorithms: keys, signatureAlgorithm: hash });
    await workdir.write(file("root"), chain.root.certificatePem);
    await workdir.write(file("intermediate"), chain.intermediate.certificatePem);
    await workdir.write(file("leaf"), chain.leaf.certificatePem);
    await workdir.write(file("leaf-key"), chain.leaf.keys.privateKeyPem);
  });

  it("verifies with openssl verify -x509_strict, also for the TLS server purpose", async () => {
    const args = ["verify", "-x509_strict", "-CAfile", file("root"), "-untrusted", file("intermediate")];
    const verified = await openssl(workdir.dir, ...args, file("leaf"));
    expect(verified.stdout.trim()).toBe(`${file("leaf")}: OK`);
    expect(verified.code).toBe(0);
    const server = await openssl(workdir.dir, ...args, "-purpose", "sslserver", file("leaf"));
    expect(server.code).toBe(0);
  });

  it("fails openssl verify without the intermediate (the chain is really needed)", async () => {
    const result = await openssl(workdir.dir, "verify", "-CAfile", file("root"), file("leaf"));
    expect(result.code).not.toBe(0);
    expect(result.stderr + result.stdout).toContain("unable to get local issuer certificate");
  });

  it("shows the leaf's subject, issuer, serial, signature and extensions in openssl x509 -text", async () => {
    const text = (await openssl(workdir.dir, "x509", "-in", file("leaf"), "-noout", "-text", "-certopt", "ext_parse"))
      .stdout;
    expect(text).toContain(`Subject: ${DN}, CN = www.example.com\n`);
    expect(text).toContain(`Issuer: ${DN}, CN = Emulator Issuing CA\n`);
    expect(text).toContain(`Signature Algorithm: ${sig}\n`);
    expect(text).toMatch(/X509v3 Basic Constraints: critical\n\s+CA:FALSE\n/);
    expect(text).toMatch(/X509v3 Key Usage: critical\n\s+Digital Signature, Key Encipherment\n/);
    expect(text).toMatch(
      /X509v3 Extended Key Usage: ?\n\s+TLS Web Server Authentication, TLS Web Client Authentication\n/,
    );
    expect(text).toMatch(
      /X509v3 Subject Alternative Name: ?\n\s+DNS:www.example.com, IP Address:156.127.116.38, IP Address:2001:DB8:0:0:0:0:0:1, email:ops@example.com, URI:https:\/\/example.com\/ccm\n/,
    );
    expect(text).toMatch(/1\.3\.6\.1\.4\.1\.2011\.4\.99: ?\n.*UTF8STRING\s+:emulator-custom-value\n/);
    expect(text).not.toMatch(/1\.3\.6\.1\.4\.1\.2011\.4\.99: critical/);
    const serial = await openssl(workdir.dir, "x509", "-in", file("leaf"), "-noout", "-serial");
    expect(serial.stdout.trim()).toBe(`serial=${chain.leaf.serialNumberHex.toUpperCase()}`);
  });

  it("links AuthorityKeyIdentifier to the issuer's SubjectKeyIdentifier at every level", async () => {
    const keyIds = async (level: string) => {
      const text = (await openssl(workdir.dir, "x509", "-in", file(level), "-noout", "-text")).stdout;
      const ski = /Subject Key Identifier: ?\n\s+([0-9A-F:]+)\n/.exec(text)?.[1];
      const aki = /Authority Key Identifier: ?\n\s+(?:keyid:)?([0-9A-F:]+)\n/.exec(text)?.[1];
      return { ski, aki };
    };
    const [root, intermediate, leaf] = await Promise.all(["root", "intermediate", "leaf"].map(keyIds));
    expect(root!.ski).toMatch(/^([0-9A-F]{2}:){19}[0-9A-F]{2}$/);
    expect(root!.aki).toBe(root!.ski);
    expect(intermediate!.aki).toBe(root!.ski);
    expect(leaf!.aki).toBe(intermediate!.ski);
    expect(leaf!.ski).not.toBe(intermediate!.ski);
  });

  it("marks the CAs with critical BasicConstraints and the path length", async () => {
    const root = (await openssl(workdir.dir, "x509", "-in", file("root"), "-noout", "-text")).stdout;
    const intermediate = (await openssl(workdir.dir, "x509", "-in", file("intermediate"), "-noout", "-text")).stdout;
    expect(root).toMatch(/X509v3 Basic Constraints: critical\n\s+CA:TRUE\n/);
    expect(root).toContain(`Subject: ${DN}, CN = Emulator Root CA\n`);
    expect(root).toContain(`Issuer: ${DN}, CN = Emulator Root CA\n`);
    expect(intermediate).toMatch(/X509v3 Basic Constraints: critical\n\s+CA:TRUE, pathlen:0\n/);
    expect(intermediate).toMatch(/X509v3 Key Usage: critical\n\s+Digital Signature, Certificate Sign, CRL Sign\n/);
  });

  it("puts the requested public key in the leaf", async () => {
    expect(await opensslPublicKey(workdir, file("leaf"), "cert")).toBe(
      await opensslPublicKey(workdir, file("leaf-key"), "key"),
    );
  });

  it("parses back with parseCertificate", () => {
    const leaf = parseCertificate(chain.leaf.certificatePem);
    expect(leaf.subject).toEqual(LEAF_SUBJECT);
    expect(leaf.issuer).toEqual(INTERMEDIATE_SUBJECT);
    expect(leaf.serialNumberHex).toBe(chain.leaf.serialNumberHex);
    expect(leaf.publicKeyPem).toBe(chain.leaf.keys.publicKeyPem);
    expect(leaf.isCa).toBe(false);
    expect(leaf.pathLength).toBeUndefined();
    expect(leaf.notAfter.getTime()).toBeGreaterThan(leaf.notBefore.getTime());
    const root = parseCertificate(chain.root.certificatePem);
    expect(root.subject).toEqual(ROOT_SUBJECT);
    expect(root.issuer).toEqual(ROOT_SUBJECT);
    expect(root.isCa).toBe(true);
    expect(root.pathLength).toBeUndefined();
    expect(parseCertificate(chain.intermediate.certificatePem)).toMatchObject({ isCa: true, pathLength: 0 });
  });

  it("answers verifyIssuedBy for the right and the wrong issuer", () => {
    expect(verifyIssuedBy(chain.leaf.certificatePem, chain.intermediate.certificatePem)).toBe(true);
    expect(verifyIssuedBy(chain.intermediate.certificatePem, chain.root.certificatePem)).toBe(true);
    expect(verifyIssuedBy(chain.root.certificatePem, chain.root.certificatePem)).toBe(true);
    expect(verifyIssuedBy(chain.leaf.certificatePem, chain.root.certificatePem)).toBe(false);
    expect(verifyIssuedBy(chain.intermediate.certificatePem, chain.leaf.certificatePem)).toBe(false);
  });
});
