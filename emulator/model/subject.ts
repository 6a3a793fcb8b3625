// Distinguished names: the certificate form (only common_name required, the rest inherited from the
// issuing CA) and the CA form (all six fields required, docs/api-facts.md §3.1).

import { ApiError } from "./errors.js";
import { checkLength, type JsonObject, optionalString, requireObject } from "./fields.js";
import { COUNTRY_PATTERN, DN_LIMITS } from "./limits.js";
import type { DistinguishedName } from "./records.js";

const FIELDS = [
  ["common_name", "commonName"],
  ["country", "country"],
  ["state", "state"],
  ["locality", "locality"],
  ["organization", "organization"],
  ["organizational_unit", "organizationalUnit"],
] as const;

type ApiField = (typeof FIELDS)[number][0];

function readField(dn: JsonObject, field: ApiField): string | undefined {
  const path = `distinguished_name.${field}`;
  const value = optionalString(dn, field, "invalidDistinguishedName", path);
  if (value === undefined) return undefined;
  const { min, max } = DN_LIMITS[field];
  checkLength(value, min, max, path, "invalidDistinguishedName");
  if (field === "country" && !COUNTRY_PATTERN.test(value)) {
    throw new ApiError("invalidDistinguishedName", `Parameter ${path} must match [A-Za-z]{2}.`);
  }
  return value;
}

/** A certificate's requested subject: fields left out are filled from the CA by `inheritSubject`. */
export function parseCertificateSubject(value: unknown): Partial<DistinguishedName> & { commonName: string } {
  const dn = requireObject(value, "distinguished_name", "invalidDistinguishedName");
  const out: Partial<DistinguishedName> = {};
  for (const [apiField, field] of FIELDS) {
    const read = readField(dn, apiField);
    if (read !== undefined) out[field] = read;
  }
  if (out.commonName === undefined) {
    throw new ApiError("invalidDistinguishedName", "Parameter distinguished_name.common_name is required.");
  }
  return { ...out, commonName: out.commonName };
}

export function parseCaSubject(value: unknown): DistinguishedName {
  const dn = requireObject(value, "distinguished_name", "invalidDistinguishedName");
  const out: Partial<DistinguishedName> = {};
  for (const [apiField, field] of FIELDS) {
    const read = readField(dn, apiField);
    if (read === undefined) {
      throw new ApiError("invalidDistinguishedName", `Parameter distinguished_name.${apiField} is required for a CA.`);
    }
    out[field] = read;
  }
  return { ...out, commonName: out.commonName ?? "" };
}

/** "If not passed in, the value corresponding to the parent CA is inherited by default." (CCM "Applying for a Certificate") */
export function inheritSubject(
  requested: Partial<DistinguishedName> & { commonName: string },
  issuer: DistinguishedName,
): DistinguishedName {
  const out: DistinguishedName = { commonName: requested.commonName };
  for (const [, field] of FIELDS) {
    if (field === "commonName") continue;
    const value = requested[field] ?? issuer[field];
    if (value !== undefined) out[field] = value;
  }
  return out;
}

/** The API's `distinguished_name` object; fields the subject lacks are left out rather than sent as null. */
export function subjectToApi(dn: DistinguishedName): Partial<Record<ApiField, string>> {
  const out: Partial<Record<ApiField, string>> = {};
  for (const [apiField, field] of FIELDS) {
    const value = dn[field];
    if (value !== undefined) out[apiField] = value;
  }
  return out;
}
