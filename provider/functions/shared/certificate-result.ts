// A private certificate as the lookups return it: the fields of its detail (docs/api-facts.md §2.2).
import { z } from "zod";
import type { CertificateInfo } from "../../schemas/certificate.js";
import { described } from "./declaration.js";
import { ISSUED_FIELDS, issuedFields } from "./issued-fields.js";

export const CERTIFICATE_FIELDS = {
  certificateId: described(z.string(), "The certificate's id."),
  ...ISSUED_FIELDS,
};

/** One certificate in a list result (getPrivateCertificates). */
export const CERTIFICATE_SUMMARY = z
  .object(CERTIFICATE_FIELDS)
  .meta({ title: "PrivateCertificateSummary", description: "A private certificate." });

export function certificateFields(certificate: CertificateInfo): z.input<typeof CERTIFICATE_SUMMARY> {
  return { certificateId: certificate.certificateId, ...issuedFields(certificate) };
}
