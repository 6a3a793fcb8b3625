// Creating a private CA (docs/api-facts.md §3.1): a ROOT is self-signed and ACTIVED at once; a
// SUBORDINATE is signed and ACTIVED at once when issuer_id, signature_algorithm and validity are all
// given, and otherwise waits in PENDING (for activate, or for a CSR signed elsewhere and imported).

import { randomUUID } from "node:crypto";
import { generateKeyPair, issueCertificate } from "../pki/index.js";
import { parseKeyAlgorithm, parseSignatureAlgorithm } from "./algorithms.js";
import type { ModelContext } from "./context.js";
import { ApiError } from "./errors.js";
import { parseKeyUsages } from "./extensions.js";
import {
  type JsonObject,
  optionalBoolean,
  optionalInteger,
  optionalString,
  requireEnum,
  requireObject,
} from "./fields.js";
import {
  CA_TYPES,
  DEFAULT_CA_KEY_USAGES,
  DEFAULT_SUBORDINATE_PATH_LENGTH,
  type KeyUsageName,
  MAX_YEARS_ROOT_CA,
  PATH_LENGTH_MAX,
  PATH_LENGTH_MIN,
  PENDING_DAYS_MAX,
  PENDING_DAYS_MIN,
  QUOTA_CERTIFICATE_AUTHORITIES,
  ROOT_PATH_LENGTH,
  type SignatureAlgorithmName,
  UUID_PATTERN,
} from "./limits.js";
import type { CaRecord, CrlConfiguration, ValidityInput } from "./records.js";
import { isObsBucketName } from "./revocation-urls.js";
import { isPurged } from "./status.js";
import { parseCaSubject } from "./subject.js";
import { signSubordinate } from "./subordinate.js";
import { parseValidity, resolveValidity } from "./validity.js";

export function parseIssuerId(body: JsonObject, field = "issuer_id"): string | undefined {
  const value = optionalString(body, field, "invalidCaId");
  if (value === undefined) return undefined;
  if (!UUID_PATTERN.test(value)) {
    throw new ApiError("invalidCaId", `Parameter ${field} must match [0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}.`);
  }
  return value;
}

export function parsePathLength(body: JsonObject): number | undefined {
  const value = optionalInteger(body, "path_length", "invalidPathLength");
  if (value !== undefined && (value < PATH_LENGTH_MIN || value > PATH_LENGTH_MAX)) {
    throw new ApiError("invalidPathLength", `Parameter path_length must be ${PATH_LENGTH_MIN}–${PATH_LENGTH_MAX}.`);
  }
  return value;
}

function parseCrlConfiguration(value: unknown): CrlConfiguration {
  if (value === undefined || value === null) return CRL_OFF;
  const obj = requireObject(value, "crl_configuration");
  const enabled = optionalBoolean(obj, "enabled", "incorrectParameter", "crl_configuration.enabled");
  if (enabled === undefined)
    throw new ApiError("incorrectParameter", "Parameter crl_configuration.enabled is required.");
  return enabled ? parseCrlSettings(obj, "crl_configuration.") : CRL_OFF;
}

export const CRL_OFF: CrlConfiguration = { enabled: false, crlName: null, obsBucketName: null, validDays: null };

/**
 * An enabled CRL's settings: a create body's `crl_configuration` (prefix "crl_configuration.", the
 * field paths errors name) or the body of POST …/crl/enable (no prefix), which takes the same fields.
 */
export function parseCrlSettings(obj: JsonObject, prefix: string): CrlConfiguration {
  const bucket = optionalString(obj, "obs_bucket_name", "incorrectParameter", `${prefix}obs_bucket_name`);
  if (!bucket) {
    throw new ApiError("incorrectParameter", `Parameter ${prefix}obs_bucket_name is required when enabled.`);
  }
  if (!isObsBucketName(bucket)) {
    throw new ApiError("incorrectParameter", `Parameter ${prefix}obs_bucket_name is not a valid OBS bucket name.`);
  }
  const validDays = optionalInteger(obj, "valid_days", "incorrectParameter", `${prefix}valid_days`) ?? 7;
  if (validDays < PENDING_DAYS_MIN || validDays > PENDING_DAYS_MAX) {
    throw new ApiError("incorrectParameter", `Parameter ${prefix}valid_days must be 7–30.`);
  }
  const crlName = optionalString(obj, "crl_name", "incorrectParameter", `${prefix}crl_name`) ?? null;
  return { enabled: true, crlName, obsBucketName: bucket, validDays };
}

const ENTERPRISE_PROJECT_ID = /^(all|0|[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12})$/;

export function parseEnterpriseProjectId(body: JsonObject): string {
  const value = optionalString(body, "enterprise_project_id");
  if (value === undefined) return "0";
  if (!ENTERPRISE_PROJECT_ID.test(value)) {
    throw new ApiError("incorrectParameter", 'Parameter enterprise_project_id must be "0", "all" or a UUID.');
  }
  return value;
}

export function checkCaQuota(ctx: ModelContext): void {
  const now = ctx.clock.now();
  const used = ctx.store.list("authorities").filter((ca) => ca.listed && !isPurged(ca, now)).length;
  if (used >= QUOTA_CERTIFICATE_AUTHORITIES) {
    throw new ApiError("quotaExceeded", `At most ${QUOTA_CERTIFICATE_AUTHORITIES} private CAs are allowed.`);
  }
}

interface CreateRequest {
  type: "ROOT" | "SUBORDINATE";
  base: Omit<CaRecord, "id" | "createTime">;
  signatureAlgorithm: SignatureAlgorithmName | undefined;
  validity: ValidityInput | undefined;
  issuerId: string | undefined;
}

function parseCreate(body: unknown): CreateRequest {
  const obj = requireObject(body, "body");
  const type = requireEnum(CA_TYPES)(obj, "type", "invalidCaType");
  const distinguishedName = parseCaSubject(obj.distinguished_name);
  const keyAlgorithm = parseKeyAlgorithm(obj);
  const root = type === "ROOT";
  const signatureAlgorithm = parseSignatureAlgorithm(obj, root);
  if (root && (obj.validity === undefined || obj.validity === null)) {
    throw new ApiError("invalidValidity", "Parameter validity is required for a ROOT CA.");
  }
  const validity = obj.validity === undefined || obj.validity === null ? undefined : parseValidity(obj.validity);
  // Both are "ignored for ROOT" (docs/api-facts.md §3.1), so they are only checked for a subordinate.
  const issuerId = root ? undefined : parseIssuerId(obj);
  const pathLength = root ? ROOT_PATH_LENGTH : (parsePathLength(obj) ?? DEFAULT_SUBORDINATE_PATH_LENGTH);
  const requestedUsages = parseKeyUsages(obj);
  const keyUsages: KeyUsageName[] =
    root || requestedUsages === undefined || requestedUsages.length === 0
      ? [...DEFAULT_CA_KEY_USAGES]
      : requestedUsages;
  const base: Omit<CaRecord, "id" | "createTime"> = {
    type,
    status: "PENDING",
    genMode: "GENERATE",
    distinguishedName,
    keyAlgorithm,
    signatureAlgorithm: signatureAlgorithm ?? null,
    pathLength,
    keyUsages,
    issuerId: null,
    issuerName: null,
    privateKeyPem: null,
    publicKeyPem: "",
    certificatePem: null,
    chainPems: [],
    serialNumber: null,
    notBefore: null,
    notAfter: null,
    deleteTime: null,
    pending: null,
    revocation: null,
    crlConfiguration: parseCrlConfiguration(obj.crl_configuration),
    ocspEnabled: false,
    enterpriseProjectId: parseEnterpriseProjectId(obj),
    tags: [],
    listed: true,
  };
  return { type, base, signatureAlgorithm, validity, issuerId };
}

export async function createCa(ctx: ModelContext, body: unknown): Promise<CaRecord> {
  const request = parseCreate(body);
  checkCaQuota(ctx);
  const keys = await generateKeyPair(request.base.keyAlgorithm);
  const draft: CaRecord = {
    ...request.base,
    id: randomUUID(),
    createTime: ctx.clock.now(),
    privateKeyPem: keys.privateKeyPem,
    publicKeyPem: keys.publicKeyPem,
  };
  let record: CaRecord;
  if (request.type === "ROOT") {
    record = await signRoot(ctx, draft, request.signatureAlgorithm!, request.validity!);
  } else if (request.issuerId && request.signatureAlgorithm && request.validity) {
    record = await signSubordinate(ctx, draft, {
      issuerId: request.issuerId,
      signatureAlgorithm: request.signatureAlgorithm,
      validity: request.validity,
    });
  } else {
    // "Leave out any one of issuer_id, signature_algorithm, validity" → PENDING (CcmClient.ts comment).
    record = { ...draft, pending: { issuerId: request.issuerId ?? null, validity: request.validity ?? null } };
  }
  checkCaQuota(ctx);
  await ctx.store.put("authorities", record.id, record);
  return record;
}

async function signRoot(
  ctx: ModelContext,
  draft: CaRecord,
  signatureAlgorithm: SignatureAlgorithmName,
  validity: ValidityInput,
): Promise<CaRecord> {
  const window = resolveValidity(validity, ctx.clock.now(), MAX_YEARS_ROOT_CA, null);
  const serialNumber = ctx.serials.fresh();
  const certificatePem = await issueCertificate({
    subject: draft.distinguishedName,
    publicKeyPem: draft.publicKeyPem,
    issuer: "self",
    selfPrivateKeyPem: draft.privateKeyPem ?? undefined,
    signatureAlgorithm,
    serialNumberHex: serialNumber,
    notBefore: new Date(window.notBefore),
    notAfter: new Date(window.notAfter),
    // A root carries no pathLenConstraint: the API's "7" only means "unlimited below the 0–6 range".
    ca: {},
    keyUsages: draft.keyUsages,
  });
  return {
    ...draft,
    status: "ACTIVED",
    signatureAlgorithm,
    certificatePem,
    serialNumber,
    notBefore: window.notBefore,
    notAfter: window.notAfter,
  };
}
