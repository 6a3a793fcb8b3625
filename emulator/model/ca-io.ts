// What goes in and out of a CA as PEM: its certificate (export), its CSR while PENDING, and a
// certificate signed elsewhere for that CSR (import).

import {
  createCsr,
  PkiInputError,
  parseCertificate,
  publicKeyMatchesPrivateKey,
  verifyIssuedBy,
} from "../pki/index.js";
import type { ModelContext } from "./context.js";
import { ApiError, invalidState } from "./errors.js";
import { requireObject, requireString } from "./fields.js";
import { getCa, requireManagedCa } from "./lookup.js";
import { splitPemBlocks, unescapePem } from "./pem.js";
import type { CaRecord } from "./records.js";
import { caStatus } from "./status.js";

export interface CaCertificateExport {
  certificatePem: string;
  chainPems: string[];
}

/**
 * Only ACTIVED or EXPIRED CAs (docs/api-facts.md §3). The chain is the issuer's chain up to the root; a root's
 * chain is the root itself (the docs do not say; an empty string would not be a usable bundle).
 */
export function exportCaCertificate(ctx: ModelContext, id: string): CaCertificateExport {
  const ca = getCa(ctx, id);
  const status = caStatus(ca, ctx.clock.now());
  if ((status !== "ACTIVED" && status !== "EXPIRED") || ca.certificatePem === null) {
    throw invalidState(`The CA ${id} is ${status}; only an ACTIVED or EXPIRED CA can be exported.`);
  }
  const chainPems = ca.chainPems.length > 0 ? ca.chainPems : [ca.certificatePem];
  return { certificatePem: ca.certificatePem, chainPems };
}

/** "Only when the CA is pending activation can its CSR be exported" (CCM "ExportCertificateAuthorityCsr"). */
export async function exportCaCsr(ctx: ModelContext, id: string): Promise<string> {
  const ca = requireManagedCa(getCa(ctx, id));
  const status = caStatus(ca, ctx.clock.now());
  if (status !== "PENDING" || ca.privateKeyPem === null) {
    throw invalidState(`The CA ${id} is ${status}; only a PENDING CA has a CSR to export.`);
  }
  return createCsr(
    ca.distinguishedName,
    { algorithm: ca.keyAlgorithm, privateKeyPem: ca.privateKeyPem, publicKeyPem: ca.publicKeyPem },
    ca.signatureAlgorithm ?? "SHA256",
  );
}

/**
 * Imports the certificate an outside CA signed for this PENDING subordinate's CSR. Its public key
 * must be this CA's (else PCA.00030301, docs/api-facts.md §4.1); the first certificate of the chain must have
 * issued it.
 */
export async function importCaCertificate(ctx: ModelContext, id: string, body: unknown): Promise<void> {
  const obj = requireObject(body, "body");
  const certificatePem = unescapePem(requireString(obj, "certificate"));
  const chainText = unescapePem(requireString(obj, "certificate_chain"));
  const ca = requireManagedCa(getCa(ctx, id));
  const status = caStatus(ca, ctx.clock.now());
  if (ca.type !== "SUBORDINATE" || status !== "PENDING" || ca.privateKeyPem === null) {
    throw invalidState(
      `The CA ${id} is ${ca.type} and ${status}; only a PENDING subordinate CA can import a certificate.`,
    );
  }
  const certificateBlock = splitPemBlocks(certificatePem)[0];
  const chainPems = splitPemBlocks(chainText);
  if (!certificateBlock) throw new ApiError("incorrectParameter", "Parameter certificate holds no PEM certificate.");
  if (chainPems.length === 0) {
    throw new ApiError("incorrectParameter", "Parameter certificate_chain holds no PEM certificate.");
  }
  const parsed = readCertificate(certificateBlock, "certificate");
  for (const [index, pem] of chainPems.entries()) readCertificate(pem, `certificate_chain[${index}]`);
  if (!publicKeyMatchesPrivateKey(parsed.publicKeyPem, ca.privateKeyPem)) {
    throw new ApiError("keyMismatch", "The certificate was not issued for this CA's CSR.");
  }
  if (!parsed.isCa) throw new ApiError("incorrectParameter", "Parameter certificate is not a CA certificate.");
  if (!verifyIssuedBy(certificateBlock, chainPems[0]!)) {
    throw new ApiError("incorrectParameter", "The first certificate of certificate_chain did not issue certificate.");
  }
  if (parsed.notAfter.getTime() <= ctx.clock.now()) {
    throw new ApiError("incorrectParameter", "Parameter certificate has already expired.");
  }
  ctx.serials.note(parsed.serialNumberHex);
  const knownIssuer = ctx.store
    .list("authorities")
    .find((candidate) => candidate.certificatePem !== null && sameCertificate(candidate.certificatePem, chainPems[0]!));
  const imported: CaRecord = {
    ...ca,
    status: "ACTIVED",
    genMode: "IMPORT",
    distinguishedName: parsed.subject,
    pathLength: parsed.pathLength ?? ca.pathLength,
    issuerId: knownIssuer?.id ?? null,
    issuerName: parsed.issuer.commonName,
    certificatePem: certificateBlock,
    chainPems,
    serialNumber: parsed.serialNumberHex,
    notBefore: parsed.notBefore.getTime(),
    notAfter: parsed.notAfter.getTime(),
    pending: null,
  };
  await ctx.store.put("authorities", id, imported);
}

function readCertificate(pem: string, field: string) {
  try {
    return parseCertificate(pem);
  } catch (error) {
    if (error instanceof PkiInputError) {
      throw new ApiError("incorrectParameter", `Parameter ${field} is not a readable X.509 certificate.`);
    }
    throw error;
  }
}

function sameCertificate(a: string, b: string): boolean {
  const body = (pem: string) => pem.replace(/-----[A-Z ]+-----|\s/g, "");
  return body(a) === body(b);
}
