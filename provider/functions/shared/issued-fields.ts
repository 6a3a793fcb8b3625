// The result fields a CA and a certificate share (CCM's detail and list items, docs/api-facts.md
// §2.2, §3.2), described once, and their one mapper from the client's records.
import { z } from "zod";
import type { DistinguishedName } from "../../schemas/distinguished-name.js";
import type { IssuedObjectInfo } from "../../schemas/issued-object.js";
import { described } from "./declaration.js";

const optionalText = (description: string) => described(z.string().optional(), description);

export const ISSUED_FIELDS = {
  status: described(z.string(), "The status as CCM reports it."),
  commonName: described(z.string(), "The subject's common name (CN)."),
  distinguishedName: described(
    z.record(z.string(), z.string()),
    "The subject: commonName, country, state, locality, organization, organizationalUnit (those that are set).",
  ),
  issuerId: optionalText("The id of the CA that signed it (absent for a ROOT CA)."),
  issuerName: optionalText("The common name of the CA that signed it."),
  keyAlgorithm: optionalText("The key algorithm (RSA2048, EC256, …)."),
  signatureAlgorithm: optionalText("The signature hash (SHA256, …)."),
  serialNumber: optionalText("The certificate's serial number, as CCM reports it."),
  notBefore: optionalText("Start of validity, ISO 8601 (UTC)."),
  notAfter: optionalText("End of validity, ISO 8601 (UTC)."),
  createTime: optionalText("When it was created, ISO 8601 (UTC)."),
  genMode: optionalText("How its key came to be: GENERATE (by CCM), IMPORT or CSR."),
  enterpriseProjectId: optionalText("The enterprise project it belongs to."),
};

/** The subject as a map of the fields that are set. */
function subjectMap(name: DistinguishedName): Record<string, string> {
  return Object.fromEntries(Object.entries(name).filter((entry): entry is [string, string] => Boolean(entry[1])));
}

/** The entries of `record` that are set. */
export const defined = <T extends Record<string, unknown>>(record: T): Partial<T> =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Partial<T>;

const ISSUED = z.object(ISSUED_FIELDS);

/** The shared fields of one CA or certificate, without the absent ones. */
export function issuedFields(info: IssuedObjectInfo): z.input<typeof ISSUED> {
  return {
    status: info.status,
    commonName: info.distinguishedName.commonName ?? "",
    distinguishedName: subjectMap(info.distinguishedName),
    ...defined({
      issuerId: info.issuerId,
      issuerName: info.issuerName,
      keyAlgorithm: info.keyAlgorithm,
      signatureAlgorithm: info.signatureAlgorithm,
      serialNumber: info.serialNumber,
      notBefore: info.notBefore,
      notAfter: info.notAfter,
      createTime: info.createTime,
      genMode: info.genMode,
      enterpriseProjectId: info.enterpriseProjectId,
    }),
  };
}
