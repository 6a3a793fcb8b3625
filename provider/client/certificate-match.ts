// Whether a certificate found by the lookup after a lost apply is the one *this* request made.
// Two certificates may share a common name and issuer (a server and a client certificate for one
// host); adopting the other one would leave two resources holding one certificate. So a candidate
// must match the whole request: what the service's details say (subject as issued, issuer,
// algorithms, issuance mode, validity), then what only the certificate itself says (SANs, key
// usages, extended key usages, the custom extension, and for CSR issuance the public key).
// Each check returns the first difference found, in words, or undefined for a match.
import type { CertificateInfo } from "../schemas/certificate.js";
import type { DistinguishedName } from "../schemas/distinguished-name.js";
import type { KeyUsage, ValidityType } from "../schemas/enums.js";
import { validityLengthsMs } from "../schemas/validity.js";
import { canonicalIp, type IssuedFacts, type SanEntry } from "./issued-facts.js";

/** The request, reduced to what an issued certificate can be compared with. */
export interface CertificateRequestFacts {
  readonly issuerId: string;
  readonly genMode: "GENERATE" | "CSR";
  readonly commonName: string;
  /** The subject fields the request gave (omitted ones are inherited from the CA, so not compared). */
  readonly subject: DistinguishedName;
  readonly keyAlgorithm?: string;
  readonly signatureAlgorithm?: string;
  readonly validity: { readonly type: ValidityType; readonly value: number; readonly startFrom?: number };
  /** Compared only when given: the docs do not say what the service puts in their absence. */
  readonly keyUsages?: readonly KeyUsage[];
  /** GENERATE only (the service ignores a CSR's request for SANs): none given means none issued. */
  readonly subjectAlternativeNames?: readonly SanEntry[];
  /** GENERATE only: the docs default every flag to false, so none given means none issued. */
  readonly extendedKeyUsageOids?: readonly string[];
  readonly customizedExtension?: { readonly objectIdentifier: string; readonly value: string };
  /** CSR only: the request's SubjectPublicKeyInfo (DER). */
  readonly publicKey?: Buffer;
}

/**
 * How far an issued validity may stray from the request: the service may round times to the
 * second, stamp not_before when it signs rather than when it received the request, and the docs
 * leave YEAR ambiguous (12 months of 31 days, or calendar years; see expectedLifetimes).
 */
export const VALIDITY_TOLERANCE_MS = 10 * 60 * 1000;

/** Differences visible in the details (no export needed). */
export function detailMismatch(
  request: CertificateRequestFacts,
  info: CertificateInfo,
  createdSinceMs: number,
): string | undefined {
  if (info.issuerId !== undefined && info.issuerId !== request.issuerId) return "another issuer";
  if (info.genMode !== undefined && info.genMode !== request.genMode) return `issued by ${info.genMode}`;
  if (info.distinguishedName.commonName !== undefined && info.distinguishedName.commonName !== request.commonName)
    return "another common name";
  for (const [field, wanted] of Object.entries(request.subject) as [keyof DistinguishedName, string | undefined][]) {
    const actual = info.distinguishedName[field];
    if (wanted !== undefined && actual !== undefined && actual !== wanted) return `another subject ${field}`;
  }
  if (request.keyAlgorithm && info.keyAlgorithm && info.keyAlgorithm !== request.keyAlgorithm)
    return "another key algorithm";
  if (request.signatureAlgorithm && info.signatureAlgorithm && info.signatureAlgorithm !== request.signatureAlgorithm)
    return "another signature algorithm";
  if (info.createTime !== undefined && Date.parse(info.createTime) < createdSinceMs)
    return "created before the request";
  if (info.notBefore !== undefined && info.notAfter !== undefined) {
    return validityMismatch(request.validity, Date.parse(info.notBefore), Date.parse(info.notAfter), createdSinceMs);
  }
  return undefined;
}

/** Differences only the certificate shows. */
export function certificateMismatch(
  request: CertificateRequestFacts,
  issued: IssuedFacts,
  createdSinceMs: number,
): string | undefined {
  const validity = validityMismatch(request.validity, issued.notBeforeMs, issued.notAfterMs, createdSinceMs);
  if (validity) return validity;
  if (request.publicKey && !request.publicKey.equals(issued.publicKey)) return "another public key";
  if (request.keyUsages && !sameSet(request.keyUsages, issued.keyUsages ?? [])) return "other key usages";
  if (request.genMode === "GENERATE") {
    const wantedSans = (request.subjectAlternativeNames ?? []).map(sanKey);
    if (!sameSet(wantedSans, issued.subjectAlternativeNames.map(sanKey))) return "other subject alternative names";
    if (!sameSet(request.extendedKeyUsageOids ?? [], issued.extendedKeyUsageOids)) return "other extended key usages";
  }
  const custom = request.customizedExtension;
  if (custom) {
    const value = issued.extensions.get(custom.objectIdentifier);
    // The docs do not say how the value is encoded; any encoding carries its UTF-8 bytes.
    if (!value?.includes(Buffer.from(custom.value, "utf8"))) return "another customized extension";
  }
  return undefined;
}

/** Whether an issued window [notBefore, notAfter] is the one `validity` asked for (CAs too). */
export function validityMismatch(
  validity: CertificateRequestFacts["validity"],
  notBeforeMs: number,
  notAfterMs: number,
  createdSinceMs: number,
): string | undefined {
  const { startFrom } = validity;
  if (startFrom !== undefined) {
    if (Math.abs(notBeforeMs - startFrom) > VALIDITY_TOLERANCE_MS) return "another start of validity";
  } else if (notBeforeMs < createdSinceMs - VALIDITY_TOLERANCE_MS) {
    return "valid from before the request";
  }
  const lifetime = notAfterMs - notBeforeMs;
  const close = expectedLifetimes(validity.type, validity.value, notBeforeMs).some(
    (expected) => Math.abs(lifetime - expected) <= VALIDITY_TOLERANCE_MS,
  );
  return close ? undefined : "another validity period";
}

/** The lifetimes the docs allow for a validity (schemas/validity.ts: YEAR is read three ways). */
export function expectedLifetimes(type: ValidityType, value: number, notBeforeMs: number): number[] {
  return validityLengthsMs(type, value, notBeforeMs);
}

function sanKey(san: SanEntry): string {
  if (san.type === "IP") return `IP:${canonicalIp(san.value)}`;
  if (san.type === "DNS") return `DNS:${san.value.toLowerCase()}`;
  return `${san.type}:${san.value}`;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((x) => right.has(x));
}
