// Issuing, reading and checking X.509 certificates.
import { X509Certificate as NodeX509Certificate } from "node:crypto";
import { PkiInputError } from "./errors.js";
import {
  authorityInfoAccess,
  basicConstraints,
  crlDistributionPoints,
  customExtension,
  extendedKeyUsage,
  keyUsage,
  subjectAltName,
} from "./extensions.js";
import {
  hashOf,
  importForSigning,
  keysMatch,
  loadPrivateKey,
  loadPublicKey,
  publicKeyFromSpki,
  type WebCryptoKeys,
} from "./keys.js";
import { fromX509Name, toX509Name } from "./names.js";
import { decodeFirstPem, encodePem } from "./pem.js";
import type { IssueRequest, ParsedCertificate } from "./types.js";
import { crypto, x509 } from "./x509-lib.js";

const SKI_OID = "2.5.29.14";
const BASIC_CONSTRAINTS_OID = "2.5.29.19";

/**
 * Canonical serial: lower-case hex of the integer's magnitude, even length, no leading zero
 * bytes. Serials are positive and at most 20 octets once DER-encoded (RFC 5280 §4.1.2.2).
 */
export function normalizeSerialHex(serialNumberHex: unknown): string {
  if (typeof serialNumberHex !== "string" || !/^[0-9a-fA-F]+$/.test(serialNumberHex)) {
    throw new PkiInputError("serial number must be a hex string");
  }
  let hex = serialNumberHex.toLowerCase();
  if (hex.length % 2 === 1) hex = `0${hex}`;
  hex = hex.replace(/^(00)+/, "");
  if (hex === "") throw new PkiInputError("serial number must be positive");
  const encodedOctets = hex.length / 2 + (Number.parseInt(hex.slice(0, 2), 16) >= 0x80 ? 1 : 0);
  if (encodedOctets > 20) throw new PkiInputError("serial number must fit in 20 octets");
  return hex;
}

function checkDate(date: unknown, what: string): Date {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new PkiInputError(`${what} must be a valid Date`);
  return date;
}

function readCertificate(pem: unknown, what: string): x509.X509Certificate {
  const der = decodeFirstPem(pem, ["CERTIFICATE"], what);
  try {
    return new x509.X509Certificate(der);
  } catch (cause) {
    throw new PkiInputError(`${what} is not a readable X.509 certificate`, { cause });
  }
}

function readNodeCertificate(pem: unknown, what: string): NodeX509Certificate {
  const der = decodeFirstPem(pem, ["CERTIFICATE"], what);
  try {
    return new NodeX509Certificate(der);
  } catch (cause) {
    throw new PkiInputError(`${what} is not a readable X.509 certificate`, { cause });
  }
}

function isCaCertificate(certificate: x509.X509Certificate): boolean {
  const constraints = certificate.getExtension(BASIC_CONSTRAINTS_OID);
  return constraints instanceof x509.BasicConstraintsExtension && constraints.ca;
}

/** What signing with an issuer needs: its name as parsed, its key identifier and its imported key. */
interface IssuerMaterial {
  name: x509.Name;
  authorityKeyId: string;
  keys: WebCryptoKeys;
}

// Reading the issuer — parsing its certificate and extensions, loading, matching and importing its
// key — was a third of an issuance's CPU, and it is the same few CAs every time. The material is a
// pure function of the two PEMs and the hash, so it is kept for the last ISSUER_CACHE_SIZE triples
// (oldest out first); a refused issuer is never kept, so it is refused again on every call.
const ISSUER_CACHE_SIZE = 16;
const issuerCache = new Map<string, IssuerMaterial>();

async function issuerMaterial(certificatePem: unknown, privateKeyPem: unknown, hash: string): Promise<IssuerMaterial> {
  // Anything that is not a PEM string is refused below, before it could be kept under this key.
  const cacheKey = `${hash}\0${String(certificatePem)}\0${String(privateKeyPem)}`;
  const cached = issuerCache.get(cacheKey);
  if (cached) return cached;
  const issuer = readCertificate(certificatePem, "issuer certificate");
  const signingKey = loadPrivateKey(privateKeyPem, "issuer private key");
  if (!keysMatch(publicKeyFromSpki(new Uint8Array(issuer.publicKey.rawData), "issuer public key"), signingKey)) {
    throw new PkiInputError("issuer private key does not belong to the issuer certificate");
  }
  if (!isCaCertificate(issuer)) throw new PkiInputError("issuer certificate is not a CA certificate");
  const issuerSki = issuer.getExtension(SKI_OID);
  const material: IssuerMaterial = {
    name: new x509.Name(issuer.subjectName.toArrayBuffer()),
    authorityKeyId:
      issuerSki instanceof x509.SubjectKeyIdentifierExtension
        ? issuerSki.keyId
        : Buffer.from(await issuer.publicKey.getKeyIdentifier(crypto)).toString("hex"),
    keys: await importForSigning(signingKey, hash),
  };
  const oldest = issuerCache.size >= ISSUER_CACHE_SIZE ? issuerCache.keys().next().value : undefined;
  if (oldest !== undefined) issuerCache.delete(oldest);
  issuerCache.set(cacheKey, material);
  return material;
}

/**
 * Issues a certificate and returns its PEM ("\n" line endings). Besides what the request asks for,
 * it always carries BasicConstraints (critical; cA=false for end entities), SubjectKeyIdentifier
 * (SHA-1 of the public key, RFC 5280 §4.2.1.2 method 1) and AuthorityKeyIdentifier (the issuer's
 * SKI, or the certificate's own for a self-signed root) and, when asked for, CRL Distribution
 * Points and Authority Information Access (OCSP). The issuer name is the issuer certificate's
 * subject as parsed (same attributes, order and string types), never rebuilt from SubjectFields,
 * so name chaining holds even for CA certificates this module did not make.
 *
 * Policy is the caller's: which key usages a CA gets, path-length limits across the chain,
 * validity nested in the issuer's. What is refused here: keys that do not belong together, an
 * issuer certificate that is not a CA, malformed fields.
 */
export async function issueCertificate(req: IssueRequest): Promise<string> {
  const hash = hashOf(req.signatureAlgorithm);
  const serialNumber = normalizeSerialHex(req.serialNumberHex);
  const notBefore = checkDate(req.notBefore, "notBefore");
  const notAfter = checkDate(req.notAfter, "notAfter");
  if (notAfter.getTime() <= notBefore.getTime()) throw new PkiInputError("notAfter must be later than notBefore");
  const subjectName = toX509Name(req.subject);
  const subjectKey = loadPublicKey(req.publicKeyPem, "subject public key");
  const subjectSpki = subjectKey.export({ type: "spki", format: "der" });
  const ski = await x509.SubjectKeyIdentifierExtension.create(new x509.PublicKey(subjectSpki), false, crypto);

  let issuer: IssuerMaterial;
  if (req.issuer === "self") {
    const signingKey = loadPrivateKey(req.selfPrivateKeyPem, "self-signing private key (selfPrivateKeyPem)");
    if (!keysMatch(subjectKey, signingKey)) {
      throw new PkiInputError("selfPrivateKeyPem does not belong to the subject public key");
    }
    issuer = { name: subjectName, authorityKeyId: ski.keyId, keys: await importForSigning(signingKey, hash) };
  } else {
    issuer = await issuerMaterial(req.issuer?.certificatePem, req.issuer?.privateKeyPem, hash);
  }

  const extensions: x509.Extension[] = [
    basicConstraints(req.ca),
    keyUsage(req.keyUsages),
    extendedKeyUsage(req.extendedKeyUsages),
    subjectAltName(req.subjectAltNames),
    ski,
    new x509.AuthorityKeyIdentifierExtension(issuer.authorityKeyId, false),
    crlDistributionPoints(req.crlDistributionPoint),
    authorityInfoAccess(req.ocspUrl),
  ].filter((extension) => extension !== undefined);
  const custom = customExtension(req.customExtension);
  if (custom) {
    if (extensions.some((extension) => extension.type === custom.type)) {
      throw new PkiInputError("custom extension OID collides with a standard extension of the certificate");
    }
    extensions.push(custom);
  }

  const certificate = await x509.X509CertificateGenerator.create(
    {
      serialNumber,
      subject: subjectName,
      issuer: issuer.name,
      notBefore,
      notAfter,
      publicKey: subjectSpki,
      signingKey: issuer.keys.privateKey,
      signingAlgorithm: issuer.keys.signingAlgorithm,
      extensions,
    },
    crypto,
  );
  return encodePem("CERTIFICATE", new Uint8Array(certificate.rawData));
}

/**
 * Reads the first certificate of a PEM (a bundle is fine). Dates have the certificate's one-second
 * resolution; the serial comes back in normalizeSerialHex's canonical form.
 */
export function parseCertificate(pem: string): ParsedCertificate {
  const certificate = readCertificate(pem, "certificate");
  const constraints = certificate.getExtension(BASIC_CONSTRAINTS_OID);
  const parsed: ParsedCertificate = {
    subject: fromX509Name(certificate.subjectName),
    issuer: fromX509Name(certificate.issuerName),
    serialNumberHex: certificate.serialNumber.toLowerCase().replace(/^(00)+(?=.)/, ""),
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
    publicKeyPem: encodePem("PUBLIC KEY", new Uint8Array(certificate.publicKey.rawData)),
    isCa: constraints instanceof x509.BasicConstraintsExtension && constraints.ca,
  };
  if (constraints instanceof x509.BasicConstraintsExtension && constraints.pathLength !== undefined) {
    parsed.pathLength = constraints.pathLength;
  }
  return parsed;
}

/**
 * True when `issuerCertificatePem` issued `certificatePem`: the issuer name and key identifiers
 * line up (OpenSSL's X509_check_issued, which also wants keyCertSign when the issuer has a
 * KeyUsage) and the signature verifies with the issuer's public key.
 */
export function verifyIssuedBy(certificatePem: string, issuerCertificatePem: string): boolean {
  const certificate = readNodeCertificate(certificatePem, "certificate");
  const issuer = readNodeCertificate(issuerCertificatePem, "issuer certificate");
  return certificate.checkIssued(issuer) && certificate.verify(issuer.publicKey);
}
