// Subjects and the record every CCM-issued object shares: a distinguished name as args (a
// certificate's and a CA's rules), as a body and on the wire; the fields CA and certificate
// details have in common, and their one mapper.
import { z } from "zod";
import { wireInt, wireText, wireTimestamp } from "./common.js";
import { DISTINGUISHED_NAME_LIMITS } from "./enums.js";

const dn = DISTINGUISHED_NAME_LIMITS;
const country = z.string().regex(dn.country.pattern, "must be two letters (ISO 3166 alpha-2)");

/** Any control character: a line break or tab in a subject would be issued as such. */
const CONTROL_CHARACTER = /\p{Cc}/u;

/** A distinguished-name field: min–max characters of printable text, not only spaces. */
function dnText(limits: { min: number; max: number }) {
  return z
    .string()
    .min(limits.min)
    .max(limits.max)
    .refine(
      (s) => s === "" || s.trim() !== "",
      `must not be blank: give ${limits.min}–${limits.max} characters, not only spaces`,
    )
    .refine(
      (s) => !CONTROL_CHARACTER.test(s),
      "must be printable text: no line breaks, tabs or other control characters",
    );
}

/** A certificate's subject: only the common name is required; omitted fields inherit the CA's. */
export const certificateDistinguishedNameArgs = z.strictObject({
  commonName: dnText(dn.commonName),
  country: country.optional(),
  state: dnText(dn.state).optional(),
  locality: dnText(dn.locality).optional(),
  organization: dnText(dn.organization).optional(),
  organizationalUnit: dnText(dn.organizationalUnit).optional(),
});

/** A CA's subject: every field is required (Go SDK model, TF schema). */
export const caDistinguishedNameArgs = z.strictObject({
  commonName: dnText(dn.commonName),
  country,
  state: dnText(dn.state),
  locality: dnText(dn.locality),
  organization: dnText(dn.organization),
  organizationalUnit: dnText(dn.organizationalUnit),
});

export interface DistinguishedName {
  commonName?: string | undefined;
  country?: string | undefined;
  state?: string | undefined;
  locality?: string | undefined;
  organization?: string | undefined;
  organizationalUnit?: string | undefined;
}

export interface DistinguishedNameBody {
  common_name?: string;
  country?: string;
  state?: string;
  locality?: string;
  organization?: string;
  organizational_unit?: string;
}

export function toDistinguishedNameBody(name: DistinguishedName): DistinguishedNameBody {
  const body: DistinguishedNameBody = {};
  if (name.commonName !== undefined) body.common_name = name.commonName;
  if (name.country !== undefined) body.country = name.country;
  if (name.state !== undefined) body.state = name.state;
  if (name.locality !== undefined) body.locality = name.locality;
  if (name.organization !== undefined) body.organization = name.organization;
  if (name.organizationalUnit !== undefined) body.organizational_unit = name.organizationalUnit;
  return body;
}

export const distinguishedNameWire = z.looseObject({
  common_name: wireText,
  country: wireText,
  state: wireText,
  locality: wireText,
  organization: wireText,
  organizational_unit: wireText,
});

export function distinguishedNameFromWire(
  wire: z.output<typeof distinguishedNameWire> | undefined | null,
): DistinguishedName {
  return {
    commonName: wire?.common_name,
    country: wire?.country,
    state: wire?.state,
    locality: wire?.locality,
    organization: wire?.organization,
    organizationalUnit: wire?.organizational_unit,
  };
}

/** Fields a CA detail and a certificate detail share (docs/api-facts.md §2.2, §3.2), in their wire form. */
export const issuedObjectWireFields = {
  status: z.string().min(1),
  issuer_id: wireText,
  issuer_name: wireText,
  key_algorithm: wireText,
  signature_algorithm: wireText,
  freeze_flag: wireInt,
  gen_mode: wireText,
  serial_number: wireText,
  create_time: wireTimestamp,
  delete_time: wireTimestamp,
  not_before: wireTimestamp,
  not_after: wireTimestamp,
  distinguished_name: distinguishedNameWire.nullish(),
  enterprise_project_id: wireText,
};

/** The fields a CA and a certificate share, as the client returns them. Timestamps are ISO 8601 (UTC). */
export interface IssuedObjectInfo {
  status: string;
  issuerId: string | undefined;
  issuerName: string | undefined;
  keyAlgorithm: string | undefined;
  signatureAlgorithm: string | undefined;
  /** 0 = not frozen. */
  freezeFlag: number | undefined;
  genMode: string | undefined;
  serialNumber: string | undefined;
  createTime: string | undefined;
  deleteTime: string | undefined;
  notBefore: string | undefined;
  notAfter: string | undefined;
  distinguishedName: DistinguishedName;
  enterpriseProjectId: string | undefined;
}

const issuedObjectWire = z.looseObject(issuedObjectWireFields);

/** The one mapper of the shared fields; caFromWire and certificateFromWire add their own. */
export function issuedObjectFromWire(wire: z.output<typeof issuedObjectWire>): IssuedObjectInfo {
  return {
    status: wire.status,
    issuerId: wire.issuer_id,
    issuerName: wire.issuer_name,
    keyAlgorithm: wire.key_algorithm,
    signatureAlgorithm: wire.signature_algorithm,
    freezeFlag: wire.freeze_flag,
    genMode: wire.gen_mode,
    serialNumber: wire.serial_number,
    createTime: wire.create_time,
    deleteTime: wire.delete_time,
    notBefore: wire.not_before,
    notAfter: wire.not_after,
    distinguishedName: distinguishedNameFromWire(wire.distinguished_name),
    enterpriseProjectId: wire.enterprise_project_id,
  };
}
