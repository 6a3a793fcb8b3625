// Private CA shapes (docs/api-facts.md §3): create, activate, import, detail / list, CA cert export, CSR.
import { z } from "zod";
import { normalizePem } from "../pem.js";
import { caValidityFailures, rootCaFailures } from "./ca-rules.js";
import { ccmId, enterpriseProjectIdArg } from "./certificate.js";
import { wireBool, wireInt, wirePem, wirePemRequired, wireText } from "./common.js";
import { caDistinguishedNameArgs, type DistinguishedNameBody, toDistinguishedNameBody } from "./distinguished-name.js";
import {
  CA_KEY_ALGORITHMS,
  CA_SIGNATURE_ALGORITHMS,
  type CA_SORT_KEYS,
  CA_TYPES,
  type CaStatus,
  type CaType,
  CRL_VALID_DAYS,
  KEY_USAGES,
  type KeyUsage,
  PATH_LENGTH,
  VALIDITY_MAX_YEARS,
} from "./enums.js";
import { type IssuedObjectInfo, issuedObjectFromWire, issuedObjectWireFields } from "./issued-object.js";
import { type ListQuery, toListQuery } from "./list-query.js";
import { checkValidityLimit, toValidityBody, type ValidityBody, validityArgs } from "./validity.js";

const crlConfigurationArgs = z
  .strictObject({
    enabled: z.boolean(),
    crlName: z.string().min(1).optional(),
    obsBucketName: z.string().min(1).optional(),
    validDays: z.number().int().min(CRL_VALID_DAYS.min).max(CRL_VALID_DAYS.max).optional(),
  })
  .superRefine((crl, ctx) => {
    if (crl.enabled && !crl.obsBucketName) {
      ctx.addIssue({ code: "custom", path: ["obsBucketName"], message: "required when the CRL is enabled" });
    }
  });

export interface CrlConfigurationBody {
  enabled: boolean;
  crl_name?: string;
  obs_bucket_name?: string;
  valid_days?: number;
}

function toCrlConfigurationBody(crl: z.output<typeof crlConfigurationArgs>): CrlConfigurationBody {
  const body: CrlConfigurationBody = { enabled: crl.enabled };
  if (crl.crlName !== undefined) body.crl_name = crl.crlName;
  if (crl.obsBucketName !== undefined) body.obs_bucket_name = crl.obsBucketName;
  if (crl.validDays !== undefined) body.valid_days = crl.validDays;
  return body;
}

// ---------------------------------------------------------------------------------------------
// Create — POST /v1/private-certificate-authorities (pay-per-use)

export const createCaArgs = z
  .strictObject({
    type: z.enum(CA_TYPES),
    distinguishedName: caDistinguishedNameArgs,
    keyAlgorithm: z.enum(CA_KEY_ALGORITHMS),
    signatureAlgorithm: z.enum(CA_SIGNATURE_ALGORITHMS).optional(),
    validity: validityArgs.optional(),
    /** Parent CA, SUBORDINATE only. */
    issuerId: ccmId.optional(),
    pathLength: z.number().int().min(PATH_LENGTH.min).max(PATH_LENGTH.max).optional(),
    keyUsages: z.array(z.enum(KEY_USAGES)).optional(),
    crlConfiguration: crlConfigurationArgs.optional(),
    enterpriseProjectId: enterpriseProjectIdArg.optional(),
  })
  // A ROOT needs the signing fields; what the service would ignore for one is refused rather than
  // let a user believe it took effect (the same rules PrivateCa's check reports).
  .superRefine((args, ctx) => {
    for (const { property, reason } of [...rootCaFailures(args), ...caValidityFailures(args)]) {
      ctx.addIssue({ code: "custom", path: property.split("."), message: reason });
    }
  });
/** What a caller passes to create a CA. A SUBORDINATE without all of issuerId, signatureAlgorithm
 * and validity is created PENDING (activate it later, or export its CSR for an external parent). */
export type CreateCaArgs = z.input<typeof createCaArgs>;

export interface CreateCaBody {
  type: CaType;
  distinguished_name: DistinguishedNameBody;
  key_algorithm: string;
  signature_algorithm?: string;
  validity?: ValidityBody;
  issuer_id?: string;
  path_length?: number;
  key_usages?: KeyUsage[];
  crl_configuration?: CrlConfigurationBody;
  enterprise_project_id?: string;
}

export function toCreateCaBody(args: z.output<typeof createCaArgs>): CreateCaBody {
  const body: CreateCaBody = {
    type: args.type,
    distinguished_name: toDistinguishedNameBody(args.distinguishedName),
    key_algorithm: args.keyAlgorithm,
  };
  if (args.signatureAlgorithm !== undefined) body.signature_algorithm = args.signatureAlgorithm;
  if (args.validity !== undefined) body.validity = toValidityBody(args.validity);
  if (args.issuerId !== undefined) body.issuer_id = args.issuerId;
  if (args.pathLength !== undefined) body.path_length = args.pathLength;
  if (args.keyUsages !== undefined) body.key_usages = [...args.keyUsages];
  if (args.crlConfiguration !== undefined) body.crl_configuration = toCrlConfigurationBody(args.crlConfiguration);
  if (args.enterpriseProjectId !== undefined) body.enterprise_project_id = args.enterpriseProjectId;
  return body;
}

export const caIdWire = z.looseObject({ ca_id: z.string().min(1) });

// ---------------------------------------------------------------------------------------------
// Activate — POST .../{ca_id}/activate (a PENDING CA, issued by a CA of this account)

export const activateCaArgs = z
  .strictObject({
    issuerId: ccmId.optional(),
    signatureAlgorithm: z.enum(CA_SIGNATURE_ALGORITHMS).optional(),
    validity: validityArgs.optional(),
    pathLength: z.number().int().min(PATH_LENGTH.min).max(PATH_LENGTH.max).optional(),
    keyUsages: z.array(z.enum(KEY_USAGES)).optional(),
    crlConfiguration: crlConfigurationArgs.optional(),
  })
  .superRefine((args, ctx) => checkValidityLimit(args.validity, VALIDITY_MAX_YEARS.SUBORDINATE_CA, ctx));
export type ActivateCaArgs = z.input<typeof activateCaArgs>;

export interface ActivateCaBody {
  issuer_id?: string;
  signature_algorithm?: string;
  validity?: ValidityBody;
  path_length?: number;
  key_usages?: KeyUsage[];
  crl_configuration?: CrlConfigurationBody;
}

export function toActivateCaBody(args: z.output<typeof activateCaArgs>): ActivateCaBody {
  const body: ActivateCaBody = {};
  if (args.issuerId !== undefined) body.issuer_id = args.issuerId;
  if (args.signatureAlgorithm !== undefined) body.signature_algorithm = args.signatureAlgorithm;
  if (args.validity !== undefined) body.validity = toValidityBody(args.validity);
  if (args.pathLength !== undefined) body.path_length = args.pathLength;
  if (args.keyUsages !== undefined) body.key_usages = [...args.keyUsages];
  if (args.crlConfiguration !== undefined) body.crl_configuration = toCrlConfigurationBody(args.crlConfiguration);
  return body;
}

// ---------------------------------------------------------------------------------------------
// Import — POST .../{ca_id}/import (a PENDING subordinate's certificate signed externally)

export const importCaCertificateArgs = z.strictObject({
  certificate: z.string().includes("-----BEGIN CERTIFICATE-----", { message: "must be a PEM certificate" }),
  certificateChain: z.string().includes("-----BEGIN CERTIFICATE-----", { message: "must be PEM certificates" }),
});
export type ImportCaCertificateArgs = z.input<typeof importCaCertificateArgs>;

export function toImportCaCertificateBody(args: z.output<typeof importCaCertificateArgs>): {
  certificate: string;
  certificate_chain: string;
} {
  return { certificate: normalizePem(args.certificate), certificate_chain: normalizePem(args.certificateChain) };
}

// ---------------------------------------------------------------------------------------------
// Detail / list

const crlConfigurationWire = z.looseObject({
  enabled: wireBool,
  crl_name: wireText,
  obs_bucket_name: wireText,
  valid_days: wireInt,
  crl_dis_point: wireText,
});

export const caWire = z.looseObject({
  ca_id: z.string().min(1),
  type: z.string().min(1),
  path_length: wireInt,
  ...issuedObjectWireFields,
  crl_configuration: crlConfigurationWire.nullish(),
  ocsp_switch: wireBool,
  free_quota: wireInt,
  charging_mode: wireInt,
});

export interface CrlConfiguration {
  enabled: boolean | undefined;
  crlName: string | undefined;
  obsBucketName: string | undefined;
  validDays: number | undefined;
  crlDistributionPoint: string | undefined;
}

/** A private CA as the client returns it. Timestamps are ISO 8601 strings (UTC). */
export interface CaInfo extends IssuedObjectInfo {
  caId: string;
  type: CaType | (string & {});
  status: CaStatus | (string & {});
  pathLength: number | undefined;
  crlConfiguration: CrlConfiguration | undefined;
  /** The OCSP switch (POST …/ocsp/switch); undefined when the detail does not report it. */
  ocspEnabled: boolean | undefined;
  freeQuota: number | undefined;
  /** 0 = yearly/monthly, 1 = pay-per-use. */
  chargingMode: number | undefined;
}

export function caFromWire(wire: z.output<typeof caWire>): CaInfo {
  const crl = wire.crl_configuration;
  return {
    caId: wire.ca_id,
    type: wire.type,
    pathLength: wire.path_length,
    ...issuedObjectFromWire(wire),
    crlConfiguration: crl
      ? {
          enabled: crl.enabled,
          crlName: crl.crl_name,
          obsBucketName: crl.obs_bucket_name,
          validDays: crl.valid_days,
          crlDistributionPoint: crl.crl_dis_point,
        }
      : undefined,
    ocspEnabled: wire.ocsp_switch,
    freeQuota: wire.free_quota,
    chargingMode: wire.charging_mode,
  };
}

export const caListWire = z.looseObject({
  total: wireInt,
  certificate_authorities: z
    .array(caWire)
    .nullish()
    .transform((v) => v ?? []),
});

export interface ListCasQuery extends ListQuery<(typeof CA_SORT_KEYS)[number], CaStatus> {
  type?: CaType;
}

export const toListCasQuery: (query: ListCasQuery) => Record<string, string> = toListQuery;

// ---------------------------------------------------------------------------------------------
// CA certificate export (POST .../export) and CSR export (GET .../csr)

export const caCertificateWire = z.looseObject({ certificate: wirePemRequired, certificate_chain: wirePem });

export interface CaCertificate {
  certificate: string;
  /** Absent (or empty) for a root CA. */
  certificateChain: string | undefined;
}

export function caCertificateFromWire(wire: z.output<typeof caCertificateWire>): CaCertificate {
  return { certificate: wire.certificate, certificateChain: wire.certificate_chain };
}

/** The CSR arrives with "\r\n" line breaks (CCM "ExportCertificateAuthorityCsr"); normalised here. */
export const caCsrWire = z.looseObject({ csr: wirePemRequired });
