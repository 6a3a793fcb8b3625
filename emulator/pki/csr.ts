// PKCS#10 certificate signing requests: the emulator makes one for a pending subordinate CA
// (GET .../{ca_id}/csr) and reads the ones users send to POST /v1/private-certificates/csr.

import type { KeyObject } from "node:crypto";
import { PkiInputError } from "./errors.js";
import { keyUsagesOf } from "./extensions.js";
import {
  hashOf,
  importForSigning,
  keyAlgorithmOf,
  keysMatch,
  loadPrivateKey,
  loadPublicKey,
  publicKeyFromSpki,
} from "./keys.js";
import { fromX509Name, toX509Name } from "./names.js";
import { decodeFirstPem, encodePem } from "./pem.js";
import type { KeyPair, KeyUsage, ParsedCsr, SignatureAlgorithm, SubjectAltName, SubjectFields } from "./types.js";
import { crypto, x509 } from "./x509-lib.js";

const SAN_TYPES: Readonly<Partial<Record<x509.GeneralNameType, SubjectAltName["type"]>>> = {
  dns: "DNS",
  ip: "IP",
  email: "EMAIL",
  url: "URI",
};

function requestedExtensions(csr: x509.Pkcs10CertificateRequest): x509.Extension[] {
  try {
    return csr.extensions;
  } catch (cause) {
    throw new PkiInputError("CSR extension request is not readable", { cause });
  }
}

/** A KeyUsage extension with no bit set asks for nothing: treated as absent. */
function keyUsagesOfCsr(extensions: x509.Extension[]): KeyUsage[] | undefined {
  const extension = extensions.find((candidate) => candidate instanceof x509.KeyUsagesExtension);
  const usages = extension ? keyUsagesOf(extension) : [];
  return usages.length > 0 ? usages : undefined;
}

const SIGNATURE_FAMILIES: Readonly<Record<string, string>> = {
  "RSASSA-PKCS1-v1_5": "RSA",
  ECDSA: "ECDSA",
  "RSA-PSS": "RSA/PSS",
};

/** "SHA256withRSA"-style, as the CSR parse API names it; the algorithm's own name otherwise. */
function signatureNameOf(csr: x509.Pkcs10CertificateRequest): string {
  let algorithm: unknown;
  try {
    algorithm = csr.signatureAlgorithm;
  } catch {
    return "UNKNOWN";
  }
  // GOTCHA: the library types it with WebCrypto's Algorithm, whose fields this project's lib
  // settings do not declare; read it structurally.
  const name = nameOf(algorithm);
  const hash = isObject(algorithm) ? nameOf(algorithm.hash) : undefined;
  if (name === undefined) return "UNKNOWN";
  const family = SIGNATURE_FAMILIES[name];
  return family && hash ? `${hash.replace("-", "")}with${family}` : name;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function nameOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  return isObject(value) && typeof value.name === "string" ? value.name : undefined;
}

const EC_CURVE_BITS: Readonly<Record<string, number>> = { prime256v1: 256, secp384r1: 384, secp521r1: 521 };

function keySize(key: KeyObject): { keyType: string; keyBits: number | undefined } {
  const type = key.asymmetricKeyType ?? "unknown";
  const details = key.asymmetricKeyDetails ?? {};
  if (type === "rsa" || type === "rsa-pss") return { keyType: "RSA", keyBits: details.modulusLength };
  if (type === "ec") return { keyType: "EC", keyBits: EC_CURVE_BITS[details.namedCurve ?? ""] };
  return { keyType: type.toUpperCase(), keyBits: type === "ed25519" ? 256 : undefined };
}

function subjectAltNamesOf(extensions: x509.Extension[]): SubjectAltName[] {
  const san = extensions.find((extension) => extension instanceof x509.SubjectAlternativeNameExtension);
  if (!san) return [];
  return san.names.items.flatMap(({ type, value }) => {
    const ccmType = SAN_TYPES[type];
    return ccmType ? [{ type: ccmType, value }] : [];
  });
}

export async function createCsr(
  subject: SubjectFields,
  keyPair: KeyPair,
  signatureAlgorithm: SignatureAlgorithm,
): Promise<string> {
  const hash = hashOf(signatureAlgorithm);
  const name = toX509Name(subject);
  const privateKey = loadPrivateKey(keyPair?.privateKeyPem, "private key");
  if (!keysMatch(loadPublicKey(keyPair.publicKeyPem, "public key"), privateKey)) {
    throw new PkiInputError("the key pair's private and public keys do not belong together");
  }
  const keys = await importForSigning(privateKey, hash);
  const csr = await x509.Pkcs10CertificateRequestGenerator.create(
    { name, keys: { privateKey: keys.privateKey, publicKey: keys.publicKey }, signingAlgorithm: keys.signingAlgorithm },
    crypto,
  );
  return encodePem("CERTIFICATE REQUEST", new Uint8Array(csr.rawData));
}

/**
 * Reads a CSR (PEM "CERTIFICATE REQUEST", or the older "NEW CERTIFICATE REQUEST"). A signature
 * the library cannot check (unknown algorithm) counts as invalid. SANs come from the
 * extensionRequest attribute; name forms CCM does not know (otherName, directoryName...) are skipped.
 */
export async function parseCsr(csrPem: string): Promise<ParsedCsr> {
  const der = decodeFirstPem(csrPem, ["CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST"], "CSR");
  let csr: x509.Pkcs10CertificateRequest;
  try {
    csr = new x509.Pkcs10CertificateRequest(der);
  } catch (cause) {
    throw new PkiInputError("CSR is not a readable PKCS#10 request", { cause });
  }
  const spki = new Uint8Array(csr.publicKey.rawData);
  const publicKey = publicKeyFromSpki(spki, "CSR public key");
  let signatureValid: boolean;
  try {
    signatureValid = await csr.verify(crypto);
  } catch {
    // An algorithm WebCrypto cannot verify proves nothing about possession of the key.
    signatureValid = false;
  }
  const subject = readableSubject(csr);
  const extensions = requestedExtensions(csr);
  const subjectAltNames = subjectAltNamesOf(extensions);
  for (const { value } of subjectAltNames) requireWellFormed(value, "a subject alternative name");
  return {
    subject,
    publicKeyPem: encodePem("PUBLIC KEY", spki),
    keyAlgorithm: keyAlgorithmOf(publicKey),
    ...keySize(publicKey),
    signatureAlgorithmName: signatureNameOf(csr),
    signatureValid,
    subjectAltNames,
    keyUsages: keyUsagesOfCsr(extensions),
  };
}

/**
 * A BMPString (UTF-16) may decode to a lone surrogate, which no UTF-8 encoder can write back into
 * the certificate; odd-length ones do not decode at all. Either is the caller's bad CSR.
 */
function requireWellFormed(value: string, what: string): void {
  // UTF-8 cannot carry a lone surrogate: the round trip replaces it with U+FFFD.
  if (Buffer.from(value, "utf8").toString("utf8") !== value)
    throw new PkiInputError(`CSR ${what} is not well-formed Unicode text`);
}

function readableSubject(csr: x509.Pkcs10CertificateRequest): SubjectFields {
  let subject: SubjectFields;
  try {
    subject = fromX509Name(csr.subjectName);
  } catch (cause) {
    throw new PkiInputError("CSR subject is not readable", { cause });
  }
  for (const [field, value] of Object.entries(subject)) {
    if (typeof value === "string") requireWellFormed(value, `subject ${field}`);
  }
  return subject;
}
