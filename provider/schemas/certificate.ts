// Private certificate shapes: apply (system-generated key), apply by CSR, the certificate
// detail / list responses and revocation. Export lives in export.ts.
import { z } from "zod";
import { normalizePem } from "../pem.js";
import { wireInt } from "./common.js";
import {
  certificateDistinguishedNameArgs,
  type DistinguishedNameBody,
  toDistinguishedNameBody,
} from "./distinguished-name.js";
import {
  CERTIFICATE_KEY_ALGORITHMS,
  CERTIFICATE_SIGNATURE_ALGORITHMS,
  type CERTIFICATE_SORT_KEYS,
  type CertificateStatus,
  CSR_CERTIFICATE_TYPES,
  type CsrCertificateType,
  CUSTOMIZED_EXTENSION_LIMITS,
  ENTERPRISE_PROJECT_ID,
  EXTENDED_KEY_USAGES,
  type ExtendedKeyUsageName,
  ID_LIMITS,
  KEY_USAGES,
  type KeyUsage,
  PATH_LENGTH,
  REVOCATION_REASON_NAMES,
  type RevocationReason,
  type SanType,
  VALIDITY_MAX_YEARS,
} from "./enums.js";
import { type IssuedObjectInfo, issuedObjectFromWire, issuedObjectWireFields } from "./issued-object.js";
import { type ListQuery, toListQuery } from "./list-query.js";
import { certificateRequestPemArg } from "./pem-args.js";
import { subjectAlternativeNamesArgs } from "./subject-alternative-names.js";
import { checkValidityLimit, toValidityBody, type ValidityBody, validityArgs } from "./validity.js";

/** A CCM id (CA or certificate), exactly as the service writes them (see ID_LIMITS.ccm). */
export const ccmId = z
  .string()
  .regex(ID_LIMITS.ccm.pattern, "must be a 36-character UUID in lower case (hex digits 0-9 a-f, groups 8-4-4-4-12)");

/** enterprise_project_id: "0", "all" or a UUID (ENTERPRISE_PROJECT_ID). */
export const enterpriseProjectIdArg = z
  .string()
  .regex(ENTERPRISE_PROJECT_ID.pattern, `must be ${ENTERPRISE_PROJECT_ID.allowed}`);

// ---------------------------------------------------------------------------------------------
// Apply — POST /v1/private-certificates

const extendedKeyUsageArgs = z.strictObject({
  serverAuth: z.boolean().optional(),
  clientAuth: z.boolean().optional(),
  codeSigning: z.boolean().optional(),
  emailProtection: z.boolean().optional(),
  timeStamping: z.boolean().optional(),
});

const customizedExtensionArgs = z.strictObject({
  objectIdentifier: z
    .string()
    .min(CUSTOMIZED_EXTENSION_LIMITS.objectIdentifier.min)
    .max(CUSTOMIZED_EXTENSION_LIMITS.objectIdentifier.max)
    .regex(CUSTOMIZED_EXTENSION_LIMITS.objectIdentifier.pattern, "must be a dotted OID such as 1.3.6.1.4.1.2011.4.99"),
  value: z.string().min(CUSTOMIZED_EXTENSION_LIMITS.value.min).max(CUSTOMIZED_EXTENSION_LIMITS.value.max),
});

export const applyCertificateArgs = z
  .strictObject({
    issuerId: ccmId,
    keyAlgorithm: z.enum(CERTIFICATE_KEY_ALGORITHMS),
    signatureAlgorithm: z.enum(CERTIFICATE_SIGNATURE_ALGORITHMS),
    distinguishedName: certificateDistinguishedNameArgs,
    validity: validityArgs,
    keyUsages: z.array(z.enum(KEY_USAGES)).optional(),
    subjectAlternativeNames: subjectAlternativeNamesArgs.optional(),
    extendedKeyUsage: extendedKeyUsageArgs.optional(),
    customizedExtension: customizedExtensionArgs.optional(),
    enterpriseProjectId: enterpriseProjectIdArg.optional(),
  })
  .superRefine((args, ctx) => checkValidityLimit(args.validity, VALIDITY_MAX_YEARS.CERTIFICATE, ctx));
/** What a caller passes to apply for a certificate (camelCase). */
export type ApplyCertificateArgs = z.input<typeof applyCertificateArgs>;

export interface ApplyCertificateBody {
  issuer_id: string;
  key_algorithm: string;
  signature_algorithm: string;
  distinguished_name: DistinguishedNameBody;
  validity: ValidityBody;
  key_usages?: KeyUsage[];
  subject_alternative_names?: { type: SanType; value: string }[];
  extended_key_usage?: Partial<Record<(typeof EXTENDED_KEY_USAGES)[ExtendedKeyUsageName]["field"], boolean>>;
  customized_extension?: { object_identifier: string; value: string };
  enterprise_project_id?: string;
}

export function toApplyCertificateBody(args: z.output<typeof applyCertificateArgs>): ApplyCertificateBody {
  const body: ApplyCertificateBody = {
    issuer_id: args.issuerId,
    key_algorithm: args.keyAlgorithm,
    signature_algorithm: args.signatureAlgorithm,
    distinguished_name: toDistinguishedNameBody(args.distinguishedName),
    validity: toValidityBody(args.validity),
  };
  if (args.keyUsages) body.key_usages = [...args.keyUsages];
  if (args.subjectAlternativeNames) {
    body.subject_alternative_names = args.subjectAlternativeNames.map((san) => ({ type: san.type, value: san.value }));
  }
  if (args.extendedKeyUsage) {
    const eku: NonNullable<ApplyCertificateBody["extended_key_usage"]> = {};
    for (const name of Object.keys(EXTENDED_KEY_USAGES) as ExtendedKeyUsageName[]) {
      const flag = args.extendedKeyUsage[name];
      if (flag !== undefined) eku[EXTENDED_KEY_USAGES[name].field] = flag;
    }
    body.extended_key_usage = eku;
  }
  if (args.customizedExtension) {
    body.customized_extension = {
      object_identifier: args.customizedExtension.objectIdentifier,
      value: args.customizedExtension.value,
    };
  }
  if (args.enterpriseProjectId !== undefined) body.enterprise_project_id = args.enterpriseProjectId;
  return body;
}

// ---------------------------------------------------------------------------------------------
// Apply by CSR — POST /v1/private-certificates/csr

export const applyCertificateByCsrArgs = z
  .strictObject({
    issuerId: ccmId,
    csr: certificateRequestPemArg,
    validity: validityArgs,
    type: z.enum(CSR_CERTIFICATE_TYPES).optional(),
    pathLength: z.number().int().min(PATH_LENGTH.min).max(PATH_LENGTH.max).optional(),
    enterpriseProjectId: enterpriseProjectIdArg.optional(),
  })
  .superRefine((args, ctx) => {
    if (args.pathLength !== undefined && args.type !== "INTERMEDIATE_CA") {
      ctx.addIssue({ code: "custom", path: ["pathLength"], message: "only allowed with type INTERMEDIATE_CA" });
    }
    const max = args.type === "INTERMEDIATE_CA" ? VALIDITY_MAX_YEARS.SUBORDINATE_CA : VALIDITY_MAX_YEARS.CERTIFICATE;
    checkValidityLimit(args.validity, max, ctx);
  });
export type ApplyCertificateByCsrArgs = z.input<typeof applyCertificateByCsrArgs>;

export interface ApplyCertificateByCsrBody {
  issuer_id: string;
  csr: string;
  validity: ValidityBody;
  type?: CsrCertificateType;
  path_length?: number;
  enterprise_project_id?: string;
}

export function toApplyCertificateByCsrBody(
  args: z.output<typeof applyCertificateByCsrArgs>,
): ApplyCertificateByCsrBody {
  const body: ApplyCertificateByCsrBody = {
    issuer_id: args.issuerId,
    csr: normalizePem(args.csr),
    validity: toValidityBody(args.validity),
  };
  if (args.type !== undefined) body.type = args.type;
  if (args.pathLength !== undefined) body.path_length = args.pathLength;
  if (args.enterpriseProjectId !== undefined) body.enterprise_project_id = args.enterpriseProjectId;
  return body;
}

/** Response of both applies: {certificate_id}. */
export const certificateIdWire = z.looseObject({ certificate_id: z.string().min(1) });

// ---------------------------------------------------------------------------------------------
// Detail / list — GET /v1/private-certificates[/{id}]

export const certificateWire = z.looseObject({
  certificate_id: z.string().min(1),
  ...issuedObjectWireFields,
});

/** A private certificate as the client returns it. Timestamps are ISO 8601 strings (UTC). */
export interface CertificateInfo extends IssuedObjectInfo {
  certificateId: string;
  status: CertificateStatus | (string & {});
}

export function certificateFromWire(wire: z.output<typeof certificateWire>): CertificateInfo {
  return { certificateId: wire.certificate_id, ...issuedObjectFromWire(wire) };
}

export const certificateListWire = z.looseObject({
  total: wireInt,
  certificates: z
    .array(certificateWire)
    .nullish()
    .transform((v) => v ?? []),
});

export type ListCertificatesQuery = ListQuery<(typeof CERTIFICATE_SORT_KEYS)[number], CertificateStatus>;

export const toListCertificatesQuery: (query: ListCertificatesQuery) => Record<string, string> = toListQuery;

// ---------------------------------------------------------------------------------------------
// Revoke — POST /v1/private-certificates/{id}/revoke (and the CA twin)

export const revocationReasonArg = z.enum(REVOCATION_REASON_NAMES);

/** The docs insist on "{}" rather than an absent body when there is no reason. */
export function toRevokeBody(reason: RevocationReason | undefined): { reason?: RevocationReason } {
  return reason === undefined ? {} : { reason };
}
