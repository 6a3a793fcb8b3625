// Finding private certificates by filters (getPrivateCertificates). The list API has no issuer or
// expiry filter: both are judged on what it lists.
import { z } from "zod";
import type { CcmClient } from "../../client/index.js";
import type { CertificateInfo } from "../../schemas/certificate.js";
import {
  CERTIFICATE_SORT_KEYS,
  CERTIFICATE_STATUSES,
  type CertificateSortKey,
  type CertificateStatus,
  type SortDirection,
} from "../../schemas/enums.js";
import { type CommonFilters, FILTER_INPUTS, keepMatching, nameQuery } from "./filters.js";

const DAY_MS = 24 * 60 * 60 * 1000;

export const CERTIFICATE_FILTER_INPUTS = {
  ...FILTER_INPUTS,
  issuerId: z.string().min(1).max(64).optional(),
  status: z.enum(CERTIFICATE_STATUSES).optional(),
  expiringWithinDays: z.number().int().min(0).max(36_500).optional(),
  sortKey: z.enum(CERTIFICATE_SORT_KEYS).optional(),
};

export interface CertificateFilters extends CommonFilters {
  readonly issuerId?: string | undefined;
  readonly status?: CertificateStatus | undefined;
  readonly expiringWithinDays?: number | undefined;
}

export interface CertificateOrder {
  readonly sortKey?: CertificateSortKey | undefined;
  readonly sortDirection?: SortDirection | undefined;
}

/** Not yet expired at `nowMs`, and ends within `days` of it. */
function expiresWithin(certificate: CertificateInfo, days: number, nowMs: number): boolean {
  const end = certificate.notAfter === undefined ? Number.NaN : Date.parse(certificate.notAfter);
  return end > nowMs && end <= nowMs + days * DAY_MS;
}

export async function findCertificates(
  client: CcmClient,
  filters: CertificateFilters,
  order: CertificateOrder,
  maxResults: number,
  nowMs: number,
): Promise<CertificateInfo[]> {
  const listed = await client.certificates.listAll(
    {
      ...nameQuery(filters),
      ...(filters.status ? { status: filters.status } : {}),
      ...(order.sortKey ? { sortKey: order.sortKey } : {}),
      ...(order.sortDirection ? { sortDir: order.sortDirection } : {}),
    },
    maxResults,
  );
  const kept = listed.filter(
    (certificate) =>
      (filters.issuerId === undefined || certificate.issuerId === filters.issuerId) &&
      (filters.expiringWithinDays === undefined || expiresWithin(certificate, filters.expiringWithinDays, nowMs)),
  );
  return keepMatching(
    kept,
    filters,
    (tags) => client.certificates.tags.idsTagged(tags, maxResults),
    (certificate) => certificate.certificateId,
  );
}
