// Shapes shared by several operations: primitive coercions for responses, distinguished name,
// list queries (validity, subject alternative names and tags have files of their own).
// Request shapes are camelCase zod schemas (the args resources take) with one explicit mapper to
// the API's snake_case body; response shapes are snake_case zod schemas with one explicit mapper
// to a camelCase result.
//
// Responses: where the docs and the live service differ (docs/api-facts.md §12) both forms are accepted —
// numbers may arrive as numeric strings, booleans as "true"/"false", PEMs with "\r\n".
import { z } from "zod";
import { normalizePem } from "../pem.js";
import { DISTINGUISHED_NAME_LIMITS, type SORT_DIRECTIONS } from "./enums.js";

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

// ---------------------------------------------------------------------------------------------
// List queries (CCM "Querying the CA List", "Querying the Private Certificate List")

/** The query both lists take; `SortKey` comes from CA_SORT_KEYS or CERTIFICATE_SORT_KEYS. */
export interface ListQuery<SortKey extends string, Status extends string> {
  limit?: number;
  offset?: number;
  /** Substring match on the name (common name). */
  name?: string;
  status?: Status;
  sortKey?: SortKey;
  sortDir?: (typeof SORT_DIRECTIONS)[number];
}

/** Query field → parameter name, in the order the parameters are written. */
const LIST_QUERY_PARAMETERS = {
  limit: "limit",
  offset: "offset",
  name: "name",
  status: "status",
  type: "type",
  sortKey: "sort_key",
  sortDir: "sort_dir",
} as const;

type ListQueryFields = Partial<Record<keyof typeof LIST_QUERY_PARAMETERS, string | number>>;

/** The one list-query mapper: every field that is set, under its parameter name. */
export function toListQuery(query: ListQueryFields): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, parameter] of Object.entries(LIST_QUERY_PARAMETERS)) {
    const value = query[field as keyof ListQueryFields];
    if (value !== undefined) out[parameter] = String(value);
  }
  return out;
}
