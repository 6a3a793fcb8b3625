// Issuing private certificates: apply (PCA makes the key, CCM "Applying for a Certificate") and apply by CSR (the key
// stays with the requester; INTERMEDIATE_CA makes a subordinate CA record, docs/api-facts.md §2.7).

import { randomUUID } from "node:crypto";
import { generateKeyPair, issueCertificate, type ParsedCsr } from "../pki/index.js";
import { parseKeyAlgorithm, parseSignatureAlgorithm } from "./algorithms.js";
import { CRL_OFF, parseEnterpriseProjectId, parseIssuerId, parsePathLength } from "./ca-create.js";
import type { ModelContext } from "./context.js";
import { readSignedCsr } from "./csr-parse.js";
import { ApiError } from "./errors.js";
import { parseCustomExtension, parseExtendedKeyUsages, parseKeyUsages, parseSubjectAltNames } from "./extensions.js";
import { optionalEnum, requireObject, requireString } from "./fields.js";
import {
  CSR_CERTIFICATE_TYPES,
  DEFAULT_CA_KEY_USAGES,
  DEFAULT_CSR_CERT_KEY_USAGES,
  DEFAULT_CSR_SIGNATURE_ALGORITHM,
  DEFAULT_SUBORDINATE_PATH_LENGTH,
  type KeyAlgorithmName,
  MAX_YEARS_OTHER,
  QUOTA_CERTIFICATES,
} from "./limits.js";
import { chainBelow, type IssuingCa, requireIssuer } from "./lookup.js";
import type { CaRecord, CertificateRecord, DistinguishedName, ValidityInput } from "./records.js";
import { revocationPointersOf } from "./revocation-urls.js";
import { inheritSubject, parseCertificateSubject } from "./subject.js";
import { checkPathLength } from "./subordinate.js";
import { parseValidity, resolveValidity } from "./validity.js";

function requireIssuerId(body: Record<string, unknown>): string {
  const issuerId = parseIssuerId(body);
  if (issuerId === undefined) throw new ApiError("invalidCaId", "Parameter issuer_id is required.");
  return issuerId;
}

function checkCertificateQuota(ctx: ModelContext): void {
  if (ctx.store.count("certificates") >= QUOTA_CERTIFICATES) {
    throw new ApiError("quotaExceeded", `At most ${QUOTA_CERTIFICATES} private certificates are allowed.`);
  }
}

function requireValidity(body: Record<string, unknown>): ValidityInput {
  if (body.validity === undefined || body.validity === null) {
    throw new ApiError("invalidValidity", "Parameter validity is required.");
  }
  return parseValidity(body.validity);
}

function parseApply(body: unknown) {
  const obj = requireObject(body, "body");
  return {
    issuerId: requireIssuerId(obj),
    keyAlgorithm: parseKeyAlgorithm(obj),
    signatureAlgorithm: parseSignatureAlgorithm(obj, true)!,
    subject: parseCertificateSubject(obj.distinguished_name),
    validity: requireValidity(obj),
    keyUsages: parseKeyUsages(obj) ?? [],
    extendedKeyUsages: parseExtendedKeyUsages(obj.extended_key_usage),
    subjectAltNames: parseSubjectAltNames(obj.subject_alternative_names),
    customExtension: parseCustomExtension(obj.customized_extension),
    enterpriseProjectId: parseEnterpriseProjectId(obj),
  };
}

/** `POST /v1/private-certificates`: PCA generates the key pair and signs. */
export async function applyCertificate(ctx: ModelContext, body: unknown): Promise<CertificateRecord> {
  const request = parseApply(body);
  const issuer = requireIssuer(ctx, request.issuerId);
  const now = ctx.clock.now();
  const window = resolveValidity(request.validity, now, MAX_YEARS_OTHER, issuer.notAfter);
  checkCertificateQuota(ctx);
  const subject = inheritSubject(request.subject, issuer.distinguishedName);
  const keys = await generateKeyPair(request.keyAlgorithm);
  const serialNumber = ctx.serials.fresh();
  const certificatePem = await issueCertificate({
    subject,
    publicKeyPem: keys.publicKeyPem,
    issuer: { certificatePem: issuer.certificatePem, privateKeyPem: issuer.privateKeyPem },
    signatureAlgorithm: request.signatureAlgorithm,
    serialNumberHex: serialNumber,
    notBefore: new Date(window.notBefore),
    notAfter: new Date(window.notAfter),
    keyUsages: request.keyUsages,
    extendedKeyUsages: request.extendedKeyUsages,
    subjectAltNames: request.subjectAltNames,
    customExtension: request.customExtension,
    ...revocationPointersOf(issuer),
  });
  return commitCertificate(ctx, {
    genMode: "GENERATE",
    issuerId: request.issuerId,
    keyAlgorithm: request.keyAlgorithm,
    signatureAlgorithm: request.signatureAlgorithm,
    distinguishedName: subject,
    serialNumber,
    window,
    certificatePem,
    privateKeyPem: keys.privateKeyPem,
    enterpriseProjectId: request.enterpriseProjectId,
  });
}

interface Issued {
  genMode: CertificateRecord["genMode"];
  issuerId: string;
  keyAlgorithm: CertificateRecord["keyAlgorithm"];
  signatureAlgorithm: CertificateRecord["signatureAlgorithm"];
  distinguishedName: DistinguishedName;
  serialNumber: string;
  window: { notBefore: number; notAfter: number };
  certificatePem: string;
  privateKeyPem: string | null;
  enterpriseProjectId: string;
}

async function commitCertificate(ctx: ModelContext, issued: Issued): Promise<CertificateRecord> {
  // Re-read the issuer: it may have been disabled or deleted while the key was being made.
  const issuer = requireIssuer(ctx, issued.issuerId);
  checkCertificateQuota(ctx);
  const record: CertificateRecord = {
    id: randomUUID(),
    status: "ISSUED",
    genMode: issued.genMode,
    issuerId: issuer.id,
    issuerName: issuer.distinguishedName.commonName,
    keyAlgorithm: issued.keyAlgorithm,
    signatureAlgorithm: issued.signatureAlgorithm,
    distinguishedName: issued.distinguishedName,
    serialNumber: issued.serialNumber,
    notBefore: issued.window.notBefore,
    notAfter: issued.window.notAfter,
    createTime: ctx.clock.now(),
    certificatePem: issued.certificatePem,
    chainPems: chainBelow(issuer),
    privateKeyPem: issued.privateKeyPem,
    revocation: null,
    enterpriseProjectId: issued.enterpriseProjectId,
    tags: [],
  };
  await ctx.store.put("certificates", record.id, record);
  return record;
}

type UsableCsr = ParsedCsr & { keyAlgorithm: KeyAlgorithmName };

async function readCsr(text: string): Promise<UsableCsr> {
  const parsed = await readSignedCsr(text);
  const keyAlgorithm = parsed.keyAlgorithm;
  if (keyAlgorithm === "UNSUPPORTED") {
    throw new ApiError("invalidKeyAlgorithm", "The CSR's key is not RSA2048, RSA4096, EC256 or EC384.");
  }
  if (!parsed.subject.commonName) {
    throw new ApiError("invalidDistinguishedName", "The CSR's subject has no common name.");
  }
  return { ...parsed, keyAlgorithm };
}

/**
 * `POST /v1/private-certificates/csr`. Subject, key and SANs come from the CSR (the body's
 * subject_alternative_names is "reserved, ignored by backend"); the hash is SHA384. Key usages: an
 * ENTITY_CERT gets the CSR's own when it asks for some ("CSR values take priority", docs/api-facts.md §2.7,
 * ccm_client.go) and the documented defaults otherwise; an INTERMEDIATE_CA always gets the CA
 * defaults, since a CA certificate without keyCertSign could not issue.
 */
export async function applyCertificateByCsr(ctx: ModelContext, body: unknown): Promise<{ id: string }> {
  const obj = requireObject(body, "body");
  const issuerId = requireIssuerId(obj);
  const csrText = requireString(obj, "csr");
  const validity = requireValidity(obj);
  const type = optionalEnum(CSR_CERTIFICATE_TYPES)(obj, "type") ?? "ENTITY_CERT";
  const pathLength = parsePathLength(obj) ?? DEFAULT_SUBORDINATE_PATH_LENGTH;
  const enterpriseProjectId = parseEnterpriseProjectId(obj);
  const csr = await readCsr(csrText);
  const keyAlgorithm = csr.keyAlgorithm;
  const issuer = requireIssuer(ctx, issuerId);
  const window = resolveValidity(validity, ctx.clock.now(), MAX_YEARS_OTHER, issuer.notAfter);
  const intermediate = type === "INTERMEDIATE_CA";
  if (intermediate) checkPathLength(pathLength, issuer);
  else checkCertificateQuota(ctx);
  const serialNumber = ctx.serials.fresh();
  const subject: DistinguishedName = { ...csr.subject, commonName: csr.subject.commonName };
  const certificatePem = await issueCertificate({
    subject,
    publicKeyPem: csr.publicKeyPem,
    issuer: { certificatePem: issuer.certificatePem, privateKeyPem: issuer.privateKeyPem },
    signatureAlgorithm: DEFAULT_CSR_SIGNATURE_ALGORITHM,
    serialNumberHex: serialNumber,
    notBefore: new Date(window.notBefore),
    notAfter: new Date(window.notAfter),
    ...revocationPointersOf(issuer),
    ...(intermediate
      ? { ca: { pathLength }, keyUsages: [...DEFAULT_CA_KEY_USAGES] }
      : { keyUsages: csr.keyUsages ?? [...DEFAULT_CSR_CERT_KEY_USAGES], subjectAltNames: csr.subjectAltNames }),
  });
  if (!intermediate) {
    const record = await commitCertificate(ctx, {
      genMode: "CSR",
      issuerId,
      keyAlgorithm,
      signatureAlgorithm: DEFAULT_CSR_SIGNATURE_ALGORITHM,
      distinguishedName: subject,
      serialNumber,
      window,
      certificatePem,
      privateKeyPem: null,
      enterpriseProjectId,
    });
    return { id: record.id };
  }
  const current = requireIssuer(ctx, issuerId);
  const ca = intermediateRecord(ctx, current, {
    subject,
    keyAlgorithm,
    publicKeyPem: csr.publicKeyPem,
    pathLength,
    serialNumber,
    window,
    certificatePem,
    enterpriseProjectId,
  });
  await ctx.store.put("authorities", ca.id, ca);
  return { id: ca.id };
}

function intermediateRecord(
  ctx: ModelContext,
  issuer: IssuingCa,
  made: {
    subject: DistinguishedName;
    keyAlgorithm: CaRecord["keyAlgorithm"];
    publicKeyPem: string;
    pathLength: number;
    serialNumber: string;
    window: { notBefore: number; notAfter: number };
    certificatePem: string;
    enterpriseProjectId: string;
  },
): CaRecord {
  return {
    id: randomUUID(),
    type: "SUBORDINATE",
    status: "ACTIVED",
    genMode: "CSR",
    distinguishedName: made.subject,
    keyAlgorithm: made.keyAlgorithm,
    signatureAlgorithm: DEFAULT_CSR_SIGNATURE_ALGORITHM,
    pathLength: made.pathLength,
    keyUsages: [...DEFAULT_CA_KEY_USAGES],
    issuerId: issuer.id,
    issuerName: issuer.distinguishedName.commonName,
    privateKeyPem: null,
    publicKeyPem: made.publicKeyPem,
    certificatePem: made.certificatePem,
    chainPems: chainBelow(issuer),
    serialNumber: made.serialNumber,
    notBefore: made.window.notBefore,
    notAfter: made.window.notAfter,
    createTime: ctx.clock.now(),
    deleteTime: null,
    pending: null,
    revocation: null,
    crlConfiguration: CRL_OFF,
    ocspEnabled: false,
    enterpriseProjectId: made.enterpriseProjectId,
    tags: [],
    listed: false,
  };
}
