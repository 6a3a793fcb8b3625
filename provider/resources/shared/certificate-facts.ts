// What the export-style resources (CertificateBundle, ScmCertificateBundle) derive from exported
// PEMs: the leaf and its chain, split the same way whatever shape the service used, and the
// non-secret facts about the leaf, read locally with node:crypto.
import { type CertificateMetadata, certificateMetadata, splitPemBlocks } from "../../pem.js";

const isCertificate = (block: string) => block.startsWith("-----BEGIN CERTIFICATE-----");

/**
 * The leaf (first certificate) and the chain (every other certificate, once, in order), from
 * texts that may repeat each other: NGINX puts the chain after the leaf, SCM's entire_certificate
 * is leaf + chain. Throws when there is no certificate at all.
 */
export function splitLeafAndChain(...texts: Array<string | undefined>): { leaf: string; chain: string } {
  const blocks = texts.flatMap((text) => splitPemBlocks(text ?? "")).filter(isCertificate);
  const [leaf, ...rest] = blocks;
  if (!leaf) throw new Error("the export returned no certificate");
  return { leaf, chain: [...new Set(rest)].filter((block) => block !== leaf).join("") };
}

export interface CertificateFacts {
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  sha256Fingerprint: string;
  subject: string;
  subjectAlternativeNames: string[];
}

/** The subject alternative names as node:crypto lists them ("DNS:a.example", "IP Address:10.0.0.1"). */
export function subjectAlternativeNamesOf(meta: CertificateMetadata): string[] {
  return meta.subjectAltName ? meta.subjectAltName.split(", ") : [];
}

/** Non-secret facts about a certificate, for outputs users can read without unwrapping secrets. */
export function certificateFacts(leafPem: string): CertificateFacts {
  const meta = certificateMetadata(leafPem);
  return {
    serialNumber: meta.serialNumber,
    notBefore: meta.notBefore,
    notAfter: meta.notAfter,
    sha256Fingerprint: meta.fingerprintSha256,
    subject: meta.subject,
    subjectAlternativeNames: subjectAlternativeNamesOf(meta),
  };
}
