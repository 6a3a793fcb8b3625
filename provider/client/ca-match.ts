// Whether a CA found by the lookup after a lost create is the one *this* request made: the
// request reduced to what a listed CA shows (type, subject, algorithms, issuer, issuance mode,
// path length, CRL settings, validity) and compared field by field, a field the service leaves
// out counting as no difference. Requested key usages show only on the CA's certificate, so
// cas.ts checks those on an export, once the CA has one.
import type { z } from "zod";
import type { CaInfo, createCaArgs } from "../schemas/ca.js";
import type { DistinguishedName } from "../schemas/distinguished-name.js";
import type { KeyUsage, ValidityType } from "../schemas/enums.js";
import { validityMismatch } from "./certificate-match.js";

/** The request, reduced to what a listed CA can be compared with. */
export interface CaCriteria {
  readonly type: string;
  readonly distinguishedName: DistinguishedName;
  readonly keyAlgorithm?: string;
  readonly signatureAlgorithm?: string;
  readonly issuerId?: string;
  readonly genMode?: string;
  readonly validity?: { readonly type: ValidityType; readonly value: number; readonly startFrom?: number };
  readonly pathLength?: number;
  /** SUBORDINATE only (a root's are fixed); checked on the CA's certificate once it has one. */
  readonly keyUsages?: readonly KeyUsage[];
  readonly crlConfiguration?: { readonly enabled: boolean; readonly obsBucketName?: string };
  readonly enterpriseProjectId?: string;
}

/** The criteria of a CA create request. */
export function caCriteria(parsed: z.output<typeof createCaArgs>): CaCriteria {
  return {
    type: parsed.type,
    distinguishedName: parsed.distinguishedName,
    keyAlgorithm: parsed.keyAlgorithm,
    signatureAlgorithm: parsed.signatureAlgorithm,
    issuerId: parsed.issuerId,
    validity: parsed.validity,
    pathLength: parsed.type === "SUBORDINATE" ? parsed.pathLength : undefined,
    keyUsages: parsed.type === "SUBORDINATE" ? parsed.keyUsages : undefined,
    crlConfiguration: parsed.crlConfiguration,
    enterpriseProjectId: parsed.enterpriseProjectId,
  };
}

/** Whether a listed CA, created at or after `threshold` (the service's clock), fits the criteria. */
export function caMatches(ca: CaInfo, criteria: CaCriteria, threshold: number): boolean {
  if (ca.type !== criteria.type) return false;
  const want = criteria.distinguishedName;
  const have = ca.distinguishedName;
  for (const field of ["commonName", "country", "state", "locality", "organization", "organizationalUnit"] as const) {
    if (!sameOrUnknown(have[field], want[field])) return false;
  }
  if (!sameOrUnknown(ca.keyAlgorithm, criteria.keyAlgorithm)) return false;
  if (!sameOrUnknown(ca.signatureAlgorithm, criteria.signatureAlgorithm)) return false;
  if (!sameOrUnknown(ca.issuerId, criteria.issuerId)) return false;
  if (!sameOrUnknown(ca.genMode, criteria.genMode)) return false;
  if (!sameOrUnknown(ca.enterpriseProjectId, criteria.enterpriseProjectId)) return false;
  if (criteria.pathLength !== undefined && ca.pathLength !== undefined && ca.pathLength !== criteria.pathLength)
    return false;
  const crl = criteria.crlConfiguration;
  if (crl && ca.crlConfiguration) {
    if (ca.crlConfiguration.enabled !== undefined && ca.crlConfiguration.enabled !== crl.enabled) return false;
    if (!sameOrUnknown(ca.crlConfiguration.obsBucketName, crl.obsBucketName)) return false;
  }
  if (ca.createTime !== undefined && Date.parse(ca.createTime) < threshold) return false;
  // A PENDING CA has no validity yet: its window is set when it is activated.
  if (criteria.validity && ca.notBefore !== undefined && ca.notAfter !== undefined) {
    return (
      validityMismatch(criteria.validity, Date.parse(ca.notBefore), Date.parse(ca.notAfter), threshold) === undefined
    );
  }
  return true;
}

/** The certificate's key usages are exactly the wanted ones (no more, no fewer). */
export function sameKeyUsages(actual: readonly KeyUsage[] | undefined, wanted: readonly KeyUsage[]): boolean {
  const usages = new Set(actual ?? []);
  return usages.size === wanted.length && wanted.every((u) => usages.has(u));
}

function sameOrUnknown(actual: string | undefined, expected: string | undefined): boolean {
  return actual === undefined || expected === undefined || actual === expected;
}
