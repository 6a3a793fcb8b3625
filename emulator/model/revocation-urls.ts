// Where a CA publishes revocation information, as the URLs its details report and the certificates it
// issues carry: the CRL in the CA's OBS bucket (CRL Distribution Points) and its OCSP responder
// (Authority Information Access). The docs name neither URL, so both are the emulator's choice
// (docs/emulator.md, "Choices where the docs are silent"); nothing answers at them.

import type { CaRecord } from "./records.js";

/** The region the emulator stands in for (the international site's CCM, docs/api-facts.md §1.1). */
export const EMULATED_REGION = "ap-southeast-3";

// OBS bucket naming: 3–63 lower-case letters, digits, "-" and ".", starting and ending with a letter or
// digit. The bucket must exist live, so no other name could work; it also keeps the CRL URL's host valid.
const OBS_BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** Checked wherever a CRL is enabled (model/ca-create.ts parseCrlSettings). */
export function isObsBucketName(name: string): boolean {
  return OBS_BUCKET_NAME.test(name);
}

/** The CRL's file name: `crl_name`, or by default the CA's own id (the docs: "the parent CA ID"). */
export function effectiveCrlName(ca: CaRecord): string | null {
  return ca.crlConfiguration.enabled ? (ca.crlConfiguration.crlName ?? ca.id) : null;
}

/**
 * `https://<bucket>.obs.<region>.myhuaweicloud.com/<crl name>.crl` while the CRL is enabled, else null
 * (also for a bucket name no URL host can hold, which only a document stored by an emulator that did
 * not check bucket names yet can have).
 */
export function crlDistributionPoint(ca: CaRecord): string | null {
  const name = effectiveCrlName(ca);
  const bucket = ca.crlConfiguration.obsBucketName;
  if (name === null || bucket === null || !isObsBucketName(bucket)) return null;
  return `https://${bucket}.obs.${EMULATED_REGION}.myhuaweicloud.com/${encodeURIComponent(name)}.crl`;
}

/** `http://ocsp.<region>.myhuaweicloud.com/<ca id>` while OCSP is on (plain HTTP, as OCSP usually is). */
export function ocspUrl(ca: CaRecord): string | null {
  return ca.ocspEnabled === true ? `http://ocsp.${EMULATED_REGION}.myhuaweicloud.com/${ca.id}` : null;
}

/** What a certificate issued by `issuer` carries, in the PKI layer's IssueRequest fields. */
export function revocationPointersOf(issuer: CaRecord): { crlDistributionPoint?: string; ocspUrl?: string } {
  const crl = crlDistributionPoint(issuer);
  const ocsp = ocspUrl(issuer);
  return { ...(crl === null ? {} : { crlDistributionPoint: crl }), ...(ocsp === null ? {} : { ocspUrl: ocsp }) };
}
