// What the store keeps: plain JSON documents (no Dates, no classes) so the memory and file stores
// hold exactly the same thing. Times are epoch milliseconds, like the API's own timestamps.

import type { SubjectFields } from "../pki/index.js";
import type { CaType, KeyAlgorithmName, KeyUsageName, RevokeReason, SignatureAlgorithmName } from "./limits.js";

/** A stored subject is the PKI layer's own (plain strings already), so records and certificates agree. */
export type DistinguishedName = SubjectFields;

export interface Tag {
  key: string;
  value: string;
}

export interface Revocation {
  reason: RevokeReason;
  time: number;
}

export interface ValidityInput {
  type: "YEAR" | "MONTH" | "DAY" | "HOUR";
  value: number;
  startFrom?: number;
}

export interface CrlConfiguration {
  enabled: boolean;
  crlName: string | null;
  obsBucketName: string | null;
  validDays: number | null;
}

/** Stored CA statuses; EXPIRED is derived from the clock (model/status.ts), never stored. */
export type StoredCaStatus = "PENDING" | "ACTIVED" | "DISABLED" | "DELETED";

export interface CaRecord {
  id: string;
  type: CaType;
  status: StoredCaStatus;
  /** GENERATE: key and certificate made here; IMPORT: certificate imported; CSR: issued from an external CSR. */
  genMode: "GENERATE" | "IMPORT" | "CSR";
  distinguishedName: DistinguishedName;
  keyAlgorithm: KeyAlgorithmName;
  signatureAlgorithm: SignatureAlgorithmName | null;
  pathLength: number;
  keyUsages: KeyUsageName[];
  issuerId: string | null;
  issuerName: string | null;
  /** PKCS#8; null when the key never left its owner (a CA issued from a CSR). */
  privateKeyPem: string | null;
  publicKeyPem: string;
  certificatePem: string | null;
  /** The issuer's certificate and its own chain, up to the root (empty for a root). */
  chainPems: string[];
  serialNumber: string | null;
  notBefore: number | null;
  notAfter: number | null;
  createTime: number;
  /** When a scheduled deletion (DELETED) becomes final. */
  deleteTime: number | null;
  /** Values given at creation of a PENDING CA, used when it is activated later. */
  pending: { issuerId: string | null; validity: ValidityInput | null } | null;
  revocation: Revocation | null;
  crlConfiguration: CrlConfiguration;
  /** POST …/ocsp/switch. Optional: documents stored before the switch existed lack it, and mean off. */
  ocspEnabled?: boolean;
  enterpriseProjectId: string;
  tags: Tag[];
  /** CAs issued from a CSR (INTERMEDIATE_CA) are not listed and take no quota (docs/api-facts.md §2.7). */
  listed: boolean;
}

export interface CertificateRecord {
  id: string;
  /** Stored statuses; EXPIRED is derived from the clock. */
  status: "ISSUED" | "REVOKED";
  genMode: "GENERATE" | "CSR";
  issuerId: string;
  issuerName: string;
  keyAlgorithm: KeyAlgorithmName;
  signatureAlgorithm: SignatureAlgorithmName;
  distinguishedName: DistinguishedName;
  serialNumber: string;
  notBefore: number;
  notAfter: number;
  createTime: number;
  certificatePem: string;
  chainPems: string[];
  /** PKCS#8; null for certificates issued from a CSR. */
  privateKeyPem: string | null;
  revocation: Revocation | null;
  enterpriseProjectId: string;
  tags: Tag[];
}

export interface ScmCertificateRecord {
  id: string;
  certificatePem: string;
  chainPems: string[];
  privateKeyPem: string;
  createTime: number;
}

export interface SmsKeyMaterial {
  ca: string | null;
  cert: string;
  privateKey: string;
  targetMgmtCert: string;
  targetMgmtPrivateKey: string;
  targetDataCert: string;
  targetDataPrivateKey: string;
}

export interface SmsTaskRecord {
  id: string;
  /** Made once per task and mode (with or without a CA), then answered identically. */
  withCa: SmsKeyMaterial | null;
  withoutCa: SmsKeyMaterial | null;
  createTime: number;
}

/**
 * The store's collections and the document each one holds. The names are directory names under a
 * `--data-dir` (emulator/store/files.ts), so CAs keep the collection name "authorities" that every
 * earlier version wrote: renaming it would lose the CAs of a persisted emulator.
 */
export type Collections = {
  authorities: CaRecord;
  certificates: CertificateRecord;
  scm_certificates: ScmCertificateRecord;
  sms_tasks: SmsTaskRecord;
};
