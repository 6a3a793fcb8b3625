// PrivateCertificate's inputs and the rules across them: what check accepts (a CCM-generated key
// and subject, or your CSR), what a create stores, and the inputs read back for a certificate taken
// over by id.

import { z } from "zod";
import type { CheckFailure } from "../../kernel/handlers.js";
import { applyCertificateArgs, type CertificateInfo, ccmId, revocationReasonArg } from "../../schemas/certificate.js";
import { VALIDITY_MAX_YEARS } from "../../schemas/enums.js";
import { certificateRequestPemArg } from "../../schemas/pem-args.js";
import { resourceTagsArgs } from "../../schemas/tags.js";
import { nominalValidityMs, validityArgs } from "../../schemas/validity.js";
import { definedEntries, subjectOf } from "../shared/common.js";
import { startFromFailures, validityLimitFailures } from "../shared/start-from.js";
import { statedValidity } from "../shared/stated-validity.js";
import { DURATION_FORMATS, parseDuration, renewBeforeMs } from "./duration.js";

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

// Fields only the generated-key mode takes; with csrPem the CSR carries key and subject.
const GENERATED_ONLY = [
  "keyAlgorithm",
  "signatureAlgorithm",
  "distinguishedName",
  "keyUsages",
  "subjectAlternativeNames",
  "extendedKeyUsage",
  "customizedExtension",
] as const;

const GENERATED_REQUIRED = ["keyAlgorithm", "signatureAlgorithm", "distinguishedName"] as const;

/** Rules across properties, judged on the raw inputs so they are reported with all the others. */
export function crossPropertyFailures(
  news: Record<string, unknown>,
  olds: Record<string, unknown>,
  now: number,
): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const given = (key: string) => news[key] !== undefined && news[key] !== null;
  if (given("csrPem")) {
    for (const key of GENERATED_ONLY) {
      if (given(key))
        failures.push({ property: key, reason: "not used with csrPem: the CSR carries the key and subject" });
    }
  } else {
    for (const key of GENERATED_REQUIRED) {
      if (!given(key)) failures.push({ property: key, reason: "is required (unless csrPem is given)" });
    }
  }
  const validity = news.validity as { type?: unknown; value?: unknown; startFrom?: unknown } | undefined;
  const renewBefore = renewBeforeMs(news.renewBefore);
  const lifetime = validity ? nominalValidityMs(validity.type, validity.value) : undefined;
  if (renewBefore !== undefined && lifetime !== undefined && renewBefore >= lifetime) {
    failures.push({
      property: "renewBefore",
      reason: "must be shorter than the validity, or every `pulumi up` would replace the certificate",
    });
  }
  failures.push(...validityLimitFailures(news, VALIDITY_MAX_YEARS.CERTIFICATE));
  failures.push(...startFromFailures(news, olds, now, true));
  return failures;
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
