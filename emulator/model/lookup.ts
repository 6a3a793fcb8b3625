// Finding records, and the one rule every issuance shares: only an ACTIVED CA that holds its own
// private key can sign.

import type { ModelContext } from "./context.js";
import { invalidState, notFound } from "./errors.js";
import type { CaRecord, CertificateRecord } from "./records.js";
import { caStatus, isPurged } from "./status.js";

export function findCa(ctx: ModelContext, id: string): CaRecord | undefined {
  const ca = ctx.store.get("authorities", id);
  return ca && !isPurged(ca, ctx.clock.now()) ? ca : undefined;
}

export function getCa(ctx: ModelContext, id: string): CaRecord {
  const ca = findCa(ctx, id);
  if (!ca) throw notFound("CA", id);
  return ca;
}

export function getCertificate(ctx: ModelContext, id: string): CertificateRecord {
  const certificate = ctx.store.get("certificates", id);
  if (!certificate) throw notFound("certificate", id);
  return certificate;
}

/** A CA issued from an external CSR (INTERMEDIATE_CA) supports only "get" and "export" (docs/api-facts.md §2.7). */
export function requireManagedCa(ca: CaRecord): CaRecord {
  if (ca.genMode === "CSR") {
    throw invalidState(`The CA ${ca.id} was issued from a CSR; only querying and exporting it are supported.`);
  }
  return ca;
}

export interface IssuingCa extends CaRecord {
  privateKeyPem: string;
  certificatePem: string;
  notAfter: number;
}

/** The CA named by `issuer_id`, if it may issue right now. */
export function requireIssuer(ctx: ModelContext, issuerId: string): IssuingCa {
  const ca = getCa(ctx, issuerId);
  const status = caStatus(ca, ctx.clock.now());
  if (status !== "ACTIVED") {
    throw invalidState(`The issuing CA ${issuerId} is ${status}; only an ACTIVED CA can issue certificates.`);
  }
  if (ca.revocation) throw invalidState(`The issuing CA ${issuerId} has been revoked.`);
  const { privateKeyPem, certificatePem, notAfter } = ca;
  if (privateKeyPem === null || certificatePem === null || notAfter === null) {
    throw invalidState(`The issuing CA ${issuerId} holds no private key here (it was issued from a CSR).`);
  }
  return { ...ca, privateKeyPem, certificatePem, notAfter };
}

/** The chain a certificate issued by `issuer` carries: the issuer first, up to the root. */
export function chainBelow(issuer: IssuingCa): string[] {
  return [issuer.certificatePem, ...issuer.chainPems];
}
