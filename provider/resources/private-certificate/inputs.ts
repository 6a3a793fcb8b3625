// PrivateCertificate's inputs and the rules across them: what check accepts (a CCM-generated key
// and subject, or your CSR), what a create stores, and the inputs read back for a certificate taken
// over by id.

import { z } from "zod";
import type { CheckFailure } from "../../kernel/handlers.js";
import { applyCertificateArgs, type CertificateInfo, ccmId, revocationReasonArg } from "../../schemas/certificate.js";
import { certificateRuleFailures } from "../../schemas/certificate-rules.js";
import { DURATION_FORMATS, parseDuration } from "../../schemas/duration.js";
import { certificateRequestPemArg } from "../../schemas/pem-args.js";
import { resourceTagsArgs } from "../../schemas/tags.js";
import { validityArgs } from "../../schemas/validity.js";
import { definedEntries, subjectOf } from "../shared/common.js";
import { startFromFailures } from "../shared/start-from.js";
import { statedValidity } from "../shared/stated-validity.js";

const apply = applyCertificateArgs.shape;

/** What check accepts: the apply API's fields (camelCase), the CSR alternative, and our extras. */
export const privateCertificateInputs = z.strictObject({
  issuerId: ccmId,
  validity: validityArgs,
  keyAlgorithm: apply.keyAlgorithm.optional(),
  signatureAlgorithm: apply.signatureAlgorithm.optional(),
  distinguishedName: apply.distinguishedName.optional(),
  keyUsages: apply.keyUsages,
  subjectAlternativeNames: apply.subjectAlternativeNames,
  extendedKeyUsage: apply.extendedKeyUsage,
  customizedExtension: apply.customizedExtension,
  enterpriseProjectId: apply.enterpriseProjectId,
  csrPem: certificateRequestPemArg.optional(),
  tags: resourceTagsArgs.optional(),
  renewBefore: z
    .string()
    .refine((s) => parseDuration(s) !== undefined, `must be ${DURATION_FORMATS}`)
    .optional(),
  revokeOnDelete: revocationReasonArg.optional(),
});

export type PrivateCertificateInputs = z.output<typeof privateCertificateInputs>;

export interface PrivateCertificateOutputs extends PrivateCertificateInputs {
  certificateId: string;
  status: string;
  serialNumber?: string;
  issuerName?: string;
  genMode?: string;
  notBefore?: string;
  notAfter?: string;
  readyForRenewal: boolean;
  subject?: Record<string, string>;
  /** Look-alikes that appeared while a lost apply was re-sent: possible duplicates to review. */
  suspectedDuplicateIds?: string[];
}

/** Rules across properties (schemas/certificate-rules.ts) and the clock's, on the raw inputs. */
export function crossPropertyFailures(
  news: Record<string, unknown>,
  olds: Record<string, unknown>,
  now: number,
): CheckFailure[] {
  return [...certificateRuleFailures(news), ...startFromFailures(news, olds, now, true)];
}

/** For a certificate taken over by id (`pulumi import`, `get`): the inputs the API can tell us about. */
export function inputsFromApi(info: CertificateInfo): PrivateCertificateInputs {
  return definedEntries({
    issuerId: info.issuerId,
    keyAlgorithm: info.keyAlgorithm,
    signatureAlgorithm: info.signatureAlgorithm,
    distinguishedName: subjectOf(info),
    validity: statedValidity(info.notBefore, info.notAfter),
  }) as PrivateCertificateInputs;
}
