// Whether an issued certificate is the one a request made: the facts read from real certificates
// and CSRs (made with the emulator's PKI), and every field of the request that tells two
// same-name certificates apart.
import { beforeAll, describe, expect, it } from "vitest";
import {
  createCsr,
  type ExtendedKeyUsage,
  generateKeyPair,
  type IssueRequest,
  issueCertificate,
  type KeyPair,
} from "../../emulator/pki/index.js";
import {
  type CertificateRequestFacts,
  certificateMismatch,
  detailMismatch,
  expectedLifetimes,
  VALIDITY_TOLERANCE_MS,
} from "../../provider/client/certificate-match.js";
import { csrPublicKey, issuedFacts } from "../../provider/client/issued-facts.js";
import type { CertificateInfo } from "../../provider/schemas/certificate.js";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 30, 12, 0, 0);
const SINCE = NOW - 2_000;
const ISSUER = "2cb2878b-6cd1-460d-bd25-afe655159bdc";

let keys: KeyPair;
let otherKeys: KeyPair;

beforeAll(async () => {
  [keys, otherKeys] = await Promise.all([generateKeyPair("EC256"), generateKeyPair("EC256")]);
});

function certificate(extra: Partial<IssueRequest> = {}, pair: KeyPair = keys): Promise<string> {
  return issueCertificate({
    subject: { commonName: "api.internal.example" },
    publicKeyPem: pair.publicKeyPem,
    issuer: "self",
    selfPrivateKeyPem: pair.privateKeyPem,
    signatureAlgorithm: "SHA256",
    serialNumberHex: "0a",
    notBefore: new Date(NOW),
    notAfter: new Date(NOW + 30 * DAY),
    ...extra,
  });
}

const SERVER: CertificateRequestFacts = {
  issuerId: ISSUER,
  genMode: "GENERATE",
  commonName: "api.internal.example",
  subject: { commonName: "api.internal.example", organization: "Example Corp" },
  keyAlgorithm: "EC256",
  signatureAlgorithm: "SHA256",
  validity: { type: "DAY", value: 30 },
  keyUsages: ["digitalSignature", "keyEncipherment"],
  subjectAlternativeNames: [
    { type: "DNS", value: "api.internal.example" },
    { type: "IP", value: "2001:db8:0:0::1" },
  ],
  extendedKeyUsageOids: ["1.3.6.1.5.5.7.3.1"],
  customizedExtension: { objectIdentifier: "1.3.6.1.4.1.2011.4.99", value: "tier=gold" },
};

const SERVER_CERT: Partial<IssueRequest> = {
  keyUsages: ["digitalSignature", "keyEncipherment"],
  subjectAltNames: [
    { type: "DNS", value: "API.internal.example" },
    { type: "IP", value: "2001:db8::1" },
  ],
  extendedKeyUsages: ["serverAuth"] satisfies ExtendedKeyUsage[],
  customExtension: { oid: "1.3.6.1.4.1.2011.4.99", value: "tier=gold" },
};

function info(extra: Partial<CertificateInfo> = {}): CertificateInfo {
  return {
    certificateId: "00000000-0000-4000-8000-000000000001",
    status: "ISSUED",
    issuerId: ISSUER,
    issuerName: "Root",
    keyAlgorithm: "EC256",
    signatureAlgorithm: "SHA256",
    freezeFlag: 0,
    genMode: "GENERATE",
    serialNumber: "0A",
    createTime: new Date(NOW).toISOString(),
    deleteTime: undefined,
    notBefore: new Date(NOW).toISOString(),
    notAfter: new Date(NOW + 30 * DAY).toISOString(),
    distinguishedName: { commonName: "api.internal.example", organization: "Example Corp", country: "CN" },
    enterpriseProjectId: undefined,
    ...extra,
  };
}

describe("issuedFacts", () => {
  it("reads SANs, key usage bits, EKU, extensions and the public key", async () => {
    const facts = issuedFacts(await certificate(SERVER_CERT));
    expect(facts.subjectAlternativeNames).toEqual([
      { type: "DNS", value: "API.internal.example" },
      { type: "IP", value: "2001:db8::1" },
    ]);
    expect(facts.keyUsages).toEqual(["digitalSignature", "keyEncipherment"]);
    expect(facts.extendedKeyUsageOids).toEqual(["1.3.6.1.5.5.7.3.1"]);
    expect(facts.extensions.get("1.3.6.1.4.1.2011.4.99")?.toString("utf8")).toContain("tier=gold");
    expect(facts.notAfterMs - facts.notBeforeMs).toBe(30 * DAY);
  });

  it("reads the last key usage bit (decipherOnly, in the second byte)", async () => {
    const facts = issuedFacts(await certificate({ keyUsages: ["keyAgreement", "decipherOnly"] }));
    expect(facts.keyUsages).toEqual(["keyAgreement", "decipherOnly"]);
  });

  it("finds a CSR's public key in its certificate, and not in another key's", async () => {
    const csr = await createCsr({ commonName: "api.internal.example" }, keys, "SHA256");
    const spki = csrPublicKey(csr);
    expect(spki.equals(issuedFacts(await certificate()).publicKey)).toBe(true);
    expect(spki.equals(issuedFacts(await certificate({}, otherKeys)).publicKey)).toBe(false);
  });
});

describe("detailMismatch", () => {
  it("passes the request's own certificate, whatever the inherited subject fields", () => {
    expect(detailMismatch(SERVER, info(), SINCE)).toBeUndefined();
  });

  it.each([
    ["another issuer", { issuerId: "3cb2878b-6cd1-460d-bd25-afe655159bdc" }],
    ["issued by CSR", { genMode: "CSR" }],
    ["another subject organization", { distinguishedName: { commonName: "api.internal.example", organization: "X" } }],
    ["another key algorithm", { keyAlgorithm: "RSA2048" }],
    ["another signature algorithm", { signatureAlgorithm: "SHA384" }],
    ["created before the request", { createTime: new Date(NOW - 60_000).toISOString() }],
    ["another validity period", { notAfter: new Date(NOW + 31 * DAY).toISOString() }],
  ] as const)("refuses %s", (reason, extra) => {
    expect(detailMismatch(SERVER, info(extra as Partial<CertificateInfo>), SINCE)).toBe(reason);
  });

  it("holds a requested start within the tolerance", () => {
    const start = NOW + DAY;
    const request = { ...SERVER, validity: { type: "DAY", value: 30, startFrom: start } } as const;
    const window = {
      notBefore: new Date(start + 1000).toISOString(),
      notAfter: new Date(start + 30 * DAY).toISOString(),
    };
    expect(detailMismatch(request, info(window), SINCE)).toBeUndefined();
    const early = { notBefore: new Date(NOW).toISOString(), notAfter: new Date(NOW + 30 * DAY).toISOString() };
    expect(detailMismatch(request, info(early), SINCE)).toBe("another start of validity");
  });
});

describe("certificateMismatch", () => {
  it("passes the certificate made for the request (DNS case and IPv6 spelling aside)", async () => {
    expect(certificateMismatch(SERVER, issuedFacts(await certificate(SERVER_CERT)), SINCE)).toBeUndefined();
  });

  it.each([
    ["other subject alternative names", { subjectAltNames: [{ type: "EMAIL", value: "svc@internal.example" }] }],
    ["other extended key usages", { extendedKeyUsages: ["clientAuth"] }],
    ["other key usages", { keyUsages: ["digitalSignature"] }],
    ["another customized extension", { customExtension: { oid: "1.3.6.1.4.1.2011.4.99", value: "tier=silver" } }],
    ["another validity period", { notAfter: new Date(NOW + 29 * DAY) }],
  ] as const)("refuses a same-name sibling with %s", async (reason, change) => {
    const facts = issuedFacts(await certificate({ ...SERVER_CERT, ...(change as Partial<IssueRequest>) }));
    expect(certificateMismatch(SERVER, facts, SINCE)).toBe(reason);
  });

  it("without SANs or EKU in the request, refuses a certificate that has them", async () => {
    const bare: CertificateRequestFacts = { ...SERVER, subjectAlternativeNames: [], extendedKeyUsageOids: [] };
    const facts = issuedFacts(
      await certificate({ keyUsages: SERVER_CERT.keyUsages, customExtension: SERVER_CERT.customExtension }),
    );
    expect(certificateMismatch(bare, facts, SINCE)).toBeUndefined();
    expect(certificateMismatch(bare, issuedFacts(await certificate(SERVER_CERT)), SINCE)).toBe(
      "other subject alternative names",
    );
  });

  it("for CSR issuance, refuses a certificate for another key", async () => {
    const csr = await createCsr({ commonName: "api.internal.example" }, keys, "SHA256");
    const request: CertificateRequestFacts = {
      issuerId: ISSUER,
      genMode: "CSR",
      commonName: "api.internal.example",
      subject: {},
      validity: { type: "DAY", value: 30 },
      publicKey: csrPublicKey(csr),
    };
    expect(certificateMismatch(request, issuedFacts(await certificate()), SINCE)).toBeUndefined();
    expect(certificateMismatch(request, issuedFacts(await certificate({}, otherKeys)), SINCE)).toBe(
      "another public key",
    );
  });
});

describe("expectedLifetimes", () => {
  it("allows the readings of YEAR the docs leave open, and nothing in between", () => {
    const start = Date.UTC(2026, 5, 1);
    const [calendar, days365, months] = expectedLifetimes("YEAR", 1, start);
    expect(calendar).toBe(365 * DAY);
    expect(days365).toBe(365 * DAY);
    expect(months).toBe(372 * DAY);
    expect(expectedLifetimes("YEAR", 1, Date.UTC(2027, 11, 1))[0]).toBe(366 * DAY); // across Feb 29, 2028
    expect(expectedLifetimes("MONTH", 2, start)).toEqual([62 * DAY]);
    expect(VALIDITY_TOLERANCE_MS).toBeLessThan(DAY);
  });
});
