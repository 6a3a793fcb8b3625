// issueCertificate of emulator/pki in detail, checked with OpenSSL: dates, serials and subjects as
// given, issuing under a CA OpenSSL made, IPv6 SANs, reusing a known issuer, and the requests it
// refuses with PkiInputError.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  generateKeyPair,
  type IssueRequest,
  issueCertificate,
  type KeyPair,
  PkiInputError,
  parseCertificate,
  randomSerialHex,
  type SignatureAlgorithm,
  verifyIssuedBy,
} from "../../../emulator/pki/index.js";
import { openssl, opensslVerify, useWorkdir } from "./tools.js";

const workdir = useWorkdir();

describe("issueCertificate details", () => {
  let root: { keys: KeyPair; pem: string };
  let leafKeys: KeyPair;
  const notBefore = new Date("2025-01-01T00:00:00.000Z");
  const notAfter = new Date("2055-06-30T12:34:56.789Z"); // after 2049: GeneralizedTime

  beforeAll(async () => {
    const keys = await generateKeyPair("EC256");
    leafKeys = await generateKeyPair("EC256");
    const pem = await issueCertificate({
      subject: { commonName: "Only CN" },
      publicKeyPem: keys.publicKeyPem,
      issuer: "self",
      selfPrivateKeyPem: keys.privateKeyPem,
      signatureAlgorithm: "SHA256",
      serialNumberHex: "00FF01",
      notBefore,
      notAfter,
      ca: { pathLength: 2 },
    });
    root = { keys, pem };
    await workdir.write("details-root.pem", pem);
  });

  it("keeps dates (to the second), a minimal serial and a CN-only subject", async () => {
    const parsed = parseCertificate(root.pem);
    expect(parsed.notBefore.toISOString()).toBe("2025-01-01T00:00:00.000Z");
    expect(parsed.notAfter.toISOString()).toBe("2055-06-30T12:34:56.000Z");
    expect(parsed.serialNumberHex).toBe("ff01");
    expect(parsed.subject).toEqual({ commonName: "Only CN" });
    expect(parsed).toMatchObject({ isCa: true, pathLength: 2 });
    const text = (await openssl(workdir.dir, "x509", "-in", "details-root.pem", "-noout", "-text")).stdout;
    expect(text).toContain("Not After : Jun 30 12:34:56 2055 GMT");
    expect(text).toContain("Subject: CN = Only CN\n");
    expect(text).toMatch(/Serial Number:\s+(65281 \(0xff01\)|00:ff:01)/);
    expect(text).toMatch(/CA:TRUE, pathlen:2\n/);
  });

  it("issues under a CA certificate made by OpenSSL (names chain, openssl verify passes)", async () => {
    // The command as typed, split on spaces (the subject has spaces of its own).
    const made = await openssl(
      workdir.dir,
      ..."req -x509 -newkey rsa:2048 -nodes -keyout external-ca.key -out external-ca.pem -days 30".split(" "),
      ..."-addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign".split(" "),
      "-subj",
      "/C=DE/O=External Org/OU=PKI/CN=External Root",
    );
    expect(made.code).toBe(0);
    const [caPem, caKey] = await Promise.all(
      ["external-ca.pem", "external-ca.key"].map((name) => readFile(join(workdir.dir, name), "utf8")),
    );
    const now = Date.now();
    const pem = await issueCertificate({
      subject: { commonName: "under-external.example", country: "DE" },
      publicKeyPem: leafKeys.publicKeyPem,
      issuer: { certificatePem: caPem!, privateKeyPem: caKey! },
      signatureAlgorithm: "SHA384",
      serialNumberHex: randomSerialHex(),
      notBefore: new Date(now),
      notAfter: new Date(now + 86_400_000),
    });
    await workdir.write("under-external.pem", pem);
    const verified = await opensslVerify(workdir.dir, "external-ca.pem", "under-external.pem");
    expect(verified.stdout.trim()).toBe("under-external.pem: OK");
    expect(parseCertificate(pem).issuer).toEqual({
      commonName: "External Root",
      country: "DE",
      organization: "External Org",
      organizationalUnit: "PKI",
    });
    expect(verifyIssuedBy(pem, caPem!)).toBe(true);
  });

  it("encodes IPv4-mapped and full-form IPv6 SANs", async () => {
    const pem = await issueCertificate({
      subject: { commonName: "ip.example" },
      publicKeyPem: leafKeys.publicKeyPem,
      issuer: { certificatePem: root.pem, privateKeyPem: root.keys.privateKeyPem },
      signatureAlgorithm: "SHA256",
      serialNumberHex: randomSerialHex(),
      notBefore,
      notAfter: new Date("2030-01-01T00:00:00Z"),
      subjectAltNames: [
        { type: "IP", value: "::ffff:10.1.2.3" },
        { type: "IP", value: "FE80:0000:0000:0000:0202:B3FF:FE1E:8329" },
        { type: "IP", value: "::1" },
      ],
    });
    await workdir.write("details-ip.pem", pem);
    const text = (await openssl(workdir.dir, "x509", "-in", "details-ip.pem", "-noout", "-ext", "subjectAltName"))
      .stdout;
    expect(text).toContain(
      "IP Address:0:0:0:0:0:FFFF:A01:203, IP Address:FE80:0:0:0:202:B3FF:FE1E:8329, IP Address:0:0:0:0:0:0:0:1",
    );
  });

  // The issuer's parsed certificate and imported key are reused across issuances: the reuse must
  // follow the request's hash and never let a key that does not match the certificate through.
  it("signs again from a known issuer with the hash each request names, and keeps refusing a wrong key", async () => {
    const fromRoot = (signatureAlgorithm: SignatureAlgorithm, privateKeyPem = root.keys.privateKeyPem) =>
      issueCertificate({
        subject: { commonName: "again.example" },
        publicKeyPem: leafKeys.publicKeyPem,
        issuer: { certificatePem: root.pem, privateKeyPem },
        signatureAlgorithm,
        serialNumberHex: randomSerialHex(),
        notBefore,
        notAfter,
      });
    const signatures: string[] = [];
    for (const hash of ["SHA256", "SHA512", "SHA256"] as const) {
      const pem = await fromRoot(hash);
      await workdir.write("again.pem", pem);
      const text = (await openssl(workdir.dir, "x509", "-in", "again.pem", "-noout", "-text")).stdout;
      signatures.push(/Signature Algorithm: (\S+)/.exec(text)?.[1] ?? "none");
      expect(verifyIssuedBy(pem, root.pem)).toBe(true);
    }
    expect(signatures).toEqual(["ecdsa-with-SHA256", "ecdsa-with-SHA512", "ecdsa-with-SHA256"]);
    for (let attempt = 0; attempt < 2; attempt++) {
      await expect(fromRoot("SHA256", leafKeys.privateKeyPem)).rejects.toThrow(/issuer private key does not belong/);
    }
  });

  const base = (): IssueRequest => ({
    subject: { commonName: "bad.example" },
    publicKeyPem: leafKeys.publicKeyPem,
    issuer: { certificatePem: root.pem, privateKeyPem: root.keys.privateKeyPem },
    signatureAlgorithm: "SHA256",
    serialNumberHex: "01",
    notBefore,
    notAfter,
  });

  const BAD_REQUESTS: [string, () => Partial<IssueRequest>, RegExp][] = [
    [
      "a garbage issuer certificate",
      () => ({ issuer: { certificatePem: "x", privateKeyPem: "x" } }),
      /issuer certificate/,
    ],
    [
      "an issuer key that is not the issuer's",
      () => ({ issuer: { certificatePem: root.pem, privateKeyPem: leafKeys.privateKeyPem } }),
      /issuer private key does not belong/,
    ],
    [
      "a self-signed key that is not the subject's",
      () => ({ issuer: "self", selfPrivateKeyPem: root.keys.privateKeyPem }),
      /selfPrivateKeyPem does not belong/,
    ],
    ["a self-signed request without its key", () => ({ issuer: "self" }), /selfPrivateKeyPem/],
    ["a zero serial", () => ({ serialNumberHex: "0000" }), /serial number must be positive/],
    ["a non-hex serial", () => ({ serialNumberHex: "xyz" }), /serial number must be a hex string/],
    ["a 21-octet serial", () => ({ serialNumberHex: `80${"00".repeat(19)}` }), /20 octets/],
    ["notAfter before notBefore", () => ({ notAfter: new Date("2024-01-01T00:00:00Z") }), /notAfter must be later/],
    ["an invalid IP SAN", () => ({ subjectAltNames: [{ type: "IP", value: "300.1.1.1" }] }), /IPv4 or IPv6/],
    [
      "an unknown SAN type",
      () => ({ subjectAltNames: [{ type: "X400" as "DNS", value: "a" }] }),
      /alternative name type/,
    ],
    ["a non-ASCII DNS SAN", () => ({ subjectAltNames: [{ type: "DNS", value: "bücher.example" }] }), /ASCII/],
    ["an invalid custom OID", () => ({ customExtension: { oid: "1.2.x", value: "v" } }), /dotted OID/],
    [
      "a custom OID that is a standard extension",
      () => ({ customExtension: { oid: "2.5.29.19", value: "v" } }),
      /collides/,
    ],
    ["a relative CRL distribution point", () => ({ crlDistributionPoint: "crl/root.crl" }), /CRL distribution point/],
    ["an OCSP URL with a space", () => ({ ocspUrl: "http://ocsp.example/a b" }), /OCSP URL/],
    [
      "a custom OID that is the CRL distribution points",
      () => ({ crlDistributionPoint: "http://crl.example/r.crl", customExtension: { oid: "2.5.29.31", value: "v" } }),
      /collides/,
    ],
    ["an unknown key usage", () => ({ keyUsages: ["everything" as "cRLSign"] }), /key usage/],
    [
      "an unknown signature algorithm",
      () => ({ signatureAlgorithm: "MD5" as SignatureAlgorithm }),
      /signature algorithm/,
    ],
    ["a three-letter country", () => ({ subject: { commonName: "c", country: "CHN" } }), /two-letter/],
    ["an empty common name", () => ({ subject: { commonName: "" } }), /commonName/],
    ["a negative path length", () => ({ ca: { pathLength: -1 } }), /pathLength/],
    ["a public key that is not PEM", () => ({ publicKeyPem: "ssh-rsa AAAA" }), /subject public key/],
  ];

  it.each(BAD_REQUESTS)("refuses %s with PkiInputError", async (_name, override, message) => {
    const error = await issueCertificate({ ...base(), ...override() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PkiInputError);
    expect(error).toMatchObject({ code: "PKI_INPUT", message: expect.stringMatching(message) });
    expect((error as Error).message).not.toContain("BEGIN");
  });

  it("refuses to issue from a certificate that is not a CA", async () => {
    const leaf = await issueCertificate({ ...base(), serialNumberHex: randomSerialHex() });
    const error = await issueCertificate({
      ...base(),
      issuer: { certificatePem: leaf, privateKeyPem: leafKeys.privateKeyPem },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "PKI_INPUT", message: "issuer certificate is not a CA certificate" });
  });

  it("throws PkiInputError from parseCertificate and verifyIssuedBy on garbage", () => {
    expect(() => parseCertificate("garbage")).toThrow(PkiInputError);
    const broken = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
    expect(() => parseCertificate(broken)).toThrow(/not a readable X.509 certificate/);
    expect(() => verifyIssuedBy(broken, root.pem)).toThrow(PkiInputError);
  });
});
