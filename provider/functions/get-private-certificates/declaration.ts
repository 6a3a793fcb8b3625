// getPrivateCertificates, declared once: every certificate the filters keep, sorted, up to a bound.
import { z } from "zod";
import type { CertificateSortKey, CertificateStatus, SortDirection } from "../../schemas/enums.js";
import { CERTIFICATE_SUMMARY, certificateFields } from "../shared/certificate-result.js";
import { defineFunction, described } from "../shared/declaration.js";
import { LIST_INPUTS, MAX_RESULTS } from "../shared/filters.js";
import { CERTIFICATE_FILTER_INPUTS, findCertificates } from "../shared/find-certificates.js";

/** Every filter is optional; none lists every certificate (up to `maxResults`). */
export interface GetPrivateCertificatesArgs {
  /** Only certificates signed by this CA (its id). */
  issuerId?: string;
  /** The certificates' exact common name. */
  commonName?: string;
  /** A part of the certificates' common name. */
  nameContains?: string;
  /** Tags each certificate carries, all of them (key → value). */
  tags?: Record<string, string>;
  /** The enterprise project the certificates belong to. */
  enterpriseProjectId?: string;
  /** Only certificates in this status: ISSUED, EXPIRED or REVOKED. */
  status?: CertificateStatus;
  /**
   * Only certificates not yet expired whose validity ends within this many days from now (0–36500):
   * the ones to renew.
   */
  expiringWithinDays?: number;
  /** The order: create_time (the default), common_name, issuer_name or not_after. */
  sortKey?: CertificateSortKey;
  /** DESC (the default) or ASC. */
  sortDirection?: SortDirection;
  /**
   * The most certificates to read (1–10000, default 1000): when more match the list's own filters
   * (name, status), the lookup fails and says so, rather than return a silently cut list.
   */
  maxResults?: number;
}

export const GET_PRIVATE_CERTIFICATES = defineFunction({
  name: "getPrivateCertificates",
  description:
    "Lists private certificates by issuer, common name, status, tags, enterprise project and expiry (expiringWithinDays), sorted, reading every page up to maxResults.",
  inputs: z.strictObject({ ...CERTIFICATE_FILTER_INPUTS, ...LIST_INPUTS }),
  result: z.object({
    certificates: described(z.array(CERTIFICATE_SUMMARY), "The certificates, in the order asked for."),
    ids: described(z.array(z.string()), "Their ids, in the same order."),
  }),
  async run({ client, clock }, { sortKey, sortDirection, maxResults, ...filters }) {
    const found = await findCertificates(
      client,
      filters,
      { sortKey, sortDirection },
      maxResults ?? MAX_RESULTS.default,
      clock.now(),
    );
    return { certificates: found.map(certificateFields), ids: found.map((c) => c.certificateId) };
  },
});
