// Subjects: a distinguished name as args (a certificate's and a CA's rules), as a body and on the
// wire (issued-object.ts reads it from the record every CCM-issued object shares).
import { z } from "zod";
import { wireText } from "./common.js";
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
