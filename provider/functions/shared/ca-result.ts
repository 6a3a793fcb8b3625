// A CA as the lookups return it: the fields of a CA's detail (docs/api-facts.md §3.2), described once.
import { z } from "zod";
import type { CaInfo } from "../../schemas/ca.js";
import { described } from "./declaration.js";
import { defined, ISSUED_FIELDS, issuedFields } from "./issued-fields.js";

export const CA_FIELDS = {
  caId: described(z.string(), "The CA's id."),
  type: described(z.string(), "ROOT or SUBORDINATE."),
  ...ISSUED_FIELDS,
  pathLength: described(z.number().int().optional(), "How many CAs may sit below it (RFC 5280 pathLenConstraint)."),
  crlEnabled: described(z.boolean(), "Whether the CA publishes a certificate revocation list."),
  crlDistributionPoint: described(z.string().optional(), "Where its CRL is published, when it is."),
  ocspEnabled: described(z.boolean().optional(), "Whether its OCSP switch is on (when CCM reports it)."),
};

/** One CA in a list result (getPrivateCas). */
export const CA_SUMMARY = z.object(CA_FIELDS).meta({ title: "PrivateCaSummary", description: "A private CA." });

export function caFields(ca: CaInfo): z.input<typeof CA_SUMMARY> {
  return {
    caId: ca.caId,
    type: ca.type,
    ...issuedFields(ca),
    ...defined({
      pathLength: ca.pathLength,
      crlDistributionPoint: ca.crlConfiguration?.crlDistributionPoint,
      ocspEnabled: ca.ocspEnabled,
    }),
    crlEnabled: ca.crlConfiguration?.enabled === true,
  };
}
