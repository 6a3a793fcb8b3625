// Shapes shared by several operations: primitive coercions for responses, distinguished name,
// validity, subject alternative names, tags. Request shapes are camelCase zod schemas (the args
// resources take) with one explicit mapper to the API's snake_case body; response shapes are
// snake_case zod schemas with one explicit mapper to a camelCase result.
//
// Responses: where the docs and the live service differ (facts §12) both forms are accepted —
// numbers may arrive as numeric strings, booleans as "true"/"false", PEMs with "\r\n".
import { z } from "zod";
import { normalizePem } from "../pem.js";
import {
  DISTINGUISHED_NAME_LIMITS,
  SAN_MAX_COUNT,
  SAN_TYPES,
  SAN_VALUE_MAX_LENGTH,
  TAG_LIMITS,
  VALIDITY_TYPES,
  VALIDITY_UNITS_PER_YEAR,
  type ValidityType,
} from "./enums.js";

// ---------------------------------------------------------------------------------------------
// Response primitives

/** A millisecond timestamp (number, numeric string or ISO text) → ISO 8601; 0 / null → undefined. */
export const wireTimestamp = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((value, ctx): string | undefined => {
    if (value === null || value === undefined || value === "" || value === 0 || value === "0") return undefined;
    const ms = typeof value === "number" || /^\d+$/.test(value) ? Number(value) : Date.parse(value);
    if (!Number.isFinite(ms)) {
      ctx.addIssue({ code: "custom", message: `not a timestamp: ${String(value).slice(0, 40)}` });
      return z.NEVER;
    }
    return new Date(ms).toISOString();
  });

/** An integer that may arrive as a numeric string. */
export const wireInt = z
  .union([z.number().int(), z.string().regex(/^-?\d+$/)])
  .nullish()
  .transform((value) => (value === null || value === undefined ? undefined : Number(value)));

/** A boolean that may arrive as "true"/"false". */
export const wireBool = z
  .union([z.boolean(), z.enum(["true", "false", "TRUE", "FALSE", "True", "False"])])
  .nullish()
  .transform((value) => (value === null || value === undefined ? undefined : String(value).toLowerCase() === "true"));

/** Optional text; null and "" become undefined. */
export const wireText = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value) => (value === null || value === undefined || value === "" ? undefined : String(value)));

/** Optional PEM text, normalised ("\n", final newline). */
export const wirePem = z
  .string()
  .nullish()
  .transform((value) => {
    if (value === null || value === undefined) return undefined;
    const pem = normalizePem(value);
    return pem === "" ? undefined : pem;
  });

/** Required PEM text, normalised. */
export const wirePemRequired = z
  .string()
  .min(1)
  .transform((value) => normalizePem(value));

/** Flattens zod issues into short "path: message" strings (no values, so no secrets). */
export function issuesOf(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}

// ---------------------------------------------------------------------------------------------
// Distinguished name

const dn = DISTINGUISHED_NAME_LIMITS;
const country = z.string().regex(dn.country.pattern, "must be two letters (ISO 3166 alpha-2)");

/** A certificate's subject: only the common name is required; omitted fields inherit the CA's. */
export const certificateDistinguishedNameArgs = z.strictObject({
  commonName: z.string().min(dn.commonName.min).max(dn.commonName.max),
  country: country.optional(),
  state: z.string().min(dn.state.min).max(dn.state.max).optional(),
  locality: z.string().min(dn.locality.min).max(dn.locality.max).optional(),
  organization: z.string().min(dn.organization.min).max(dn.organization.max).optional(),
  organizationalUnit: z.string().min(dn.organizationalUnit.min).max(dn.organizationalUnit.max).optional(),
});

/** A CA's subject: every field is required (Go SDK model, TF schema). */
export const caDistinguishedNameArgs = z.strictObject({
  commonName: z.string().min(dn.commonName.min).max(dn.commonName.max),
  country,
  state: z.string().min(dn.state.min).max(dn.state.max),
  locality: z.string().min(dn.locality.min).max(dn.locality.max),
  organization: z.string().min(dn.organization.min).max(dn.organization.max),
  organizationalUnit: z.string().min(dn.organizationalUnit.min).max(dn.organizationalUnit.max),
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

/** Fields a CA detail and a certificate detail share (facts §2.2, §3.2), in their wire form. */
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

// ---------------------------------------------------------------------------------------------
// Validity

/** start_from: milliseconds since the epoch, or ISO 8601 text. */
const startFrom = z.union([
  z.number().int().positive(),
  z
    .string()
    .refine((s) => Number.isFinite(Date.parse(s)), "must be an ISO 8601 date or a millisecond timestamp")
    .transform((s) => Date.parse(s)),
]);

export const validityArgs = z.strictObject({
  type: z.enum(VALIDITY_TYPES),
  value: z.number().int().positive(),
  startFrom: startFrom.optional(),
});
export type ValidityArgs = z.input<typeof validityArgs>;

export interface ValidityBody {
  type: ValidityType;
  value: number;
  start_from?: number;
}

export function toValidityBody(validity: z.output<typeof validityArgs>): ValidityBody {
  const body: ValidityBody = { type: validity.type, value: validity.value };
  if (validity.startFrom !== undefined) body.start_from = validity.startFrom;
  return body;
}

/** Adds an issue when a validity exceeds `maxYears` (client-side guard; see VALIDITY_UNITS_PER_YEAR). */
export function checkValidityLimit(
  validity: { type: ValidityType; value: number } | undefined,
  maxYears: number,
  ctx: z.RefinementCtx,
  path: (string | number)[] = ["validity", "value"],
): void {
  if (!validity) return;
  const max = maxYears * VALIDITY_UNITS_PER_YEAR[validity.type];
  if (validity.value > max) {
    ctx.addIssue({ code: "custom", path, message: `at most ${maxYears} years (${max} ${validity.type})` });
  }
}

// ---------------------------------------------------------------------------------------------
// Subject alternative names

export const subjectAlternativeNameArgs = z
  .strictObject({ type: z.enum(SAN_TYPES), value: z.string().min(1) })
  .superRefine((san, ctx) => {
    const max = SAN_VALUE_MAX_LENGTH[san.type];
    if (san.value.length > max)
      ctx.addIssue({ code: "custom", path: ["value"], message: `${san.type} at most ${max} characters` });
  });
export const subjectAlternativeNamesArgs = z.array(subjectAlternativeNameArgs).max(SAN_MAX_COUNT);

// ---------------------------------------------------------------------------------------------
// Tags: a map in args (as users write them), a list of {key, value} on the wire.

export const tagsArgs = z.record(
  z
    .string()
    .min(TAG_LIMITS.key.min)
    .max(TAG_LIMITS.key.max)
    .regex(TAG_LIMITS.key.pattern, "letters, digits, spaces and _ . : = + - @ only"),
  z.string().max(TAG_LIMITS.value.max),
);
export type Tags = Record<string, string>;

export interface TagBody {
  key: string;
  value: string;
}

export function toTagListBody(tags: Tags): { tags: TagBody[] } {
  return { tags: Object.entries(tags).map(([key, value]) => ({ key, value })) };
}

export const tagListWire = z.looseObject({
  tags: z
    .array(z.looseObject({ key: z.string(), value: wireText }))
    .nullish()
    .transform((v) => v ?? []),
});

export function tagsFromWire(wire: z.output<typeof tagListWire>): Tags {
  const tags: Tags = {};
  for (const tag of wire.tags) tags[tag.key] = tag.value ?? "";
  return tags;
}
