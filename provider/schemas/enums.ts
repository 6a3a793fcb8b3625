// Enums and limits of the CCM / SCM / SMS APIs, in one place: the zod schemas, the resources'
// `check` and the docs read these tables, so a value is added or a limit changed once.
// Sources: docs/api-facts.md §2–§3 and the seeds (apply, export, CA CSR); "UNCERTAIN" marks where the
// docs do not settle a value.

/** Key algorithms for private certificates (SM2 is for CAs, China site). */
export const CERTIFICATE_KEY_ALGORITHMS = ["RSA2048", "RSA4096", "EC256", "EC384"] as const;
/** Key algorithms for CAs. */
export const CA_KEY_ALGORITHMS = ["RSA2048", "RSA4096", "EC256", "EC384", "SM2"] as const;
export type CertificateKeyAlgorithm = (typeof CERTIFICATE_KEY_ALGORITHMS)[number];
export type CaKeyAlgorithm = (typeof CA_KEY_ALGORITHMS)[number];

export const CERTIFICATE_SIGNATURE_ALGORITHMS = ["SHA256", "SHA384", "SHA512"] as const;
export const CA_SIGNATURE_ALGORITHMS = ["SHA256", "SHA384", "SHA512", "SM3"] as const;
export type CertificateSignatureAlgorithm = (typeof CERTIFICATE_SIGNATURE_ALGORITHMS)[number];
export type CaSignatureAlgorithm = (typeof CA_SIGNATURE_ALGORITHMS)[number];

/** Validity units; the docs define MONTH as 31 days and YEAR as 12 months. */
export const VALIDITY_TYPES = ["YEAR", "MONTH", "DAY", "HOUR"] as const;
export type ValidityType = (typeof VALIDITY_TYPES)[number];

/** Longest validity in years: root CA 30, subordinate CA and private certificate 20. */
export const VALIDITY_MAX_YEARS = { ROOT_CA: 30, SUBORDINATE_CA: 20, CERTIFICATE: 20 } as const;

/** validity.start_from (ms) may not be earlier than now minus this. */
export const VALIDITY_START_FROM_MAX_PAST_MS = 5 * 60 * 1000;

/** An issued certificate must start inside its issuer's validity, and no CA lasts longer than a
 * root (30 years): a later start can only be refused, so check refuses it before the API does.
 * The issuer's actual end is only known at `up`. */
export const VALIDITY_START_FROM_MAX_FUTURE_YEARS = VALIDITY_MAX_YEARS.ROOT_CA;

/** RFC 5280 §4.2.1.3 key usages, spelled as the API spells them. */
export const KEY_USAGES = [
  "digitalSignature",
  "nonRepudiation",
  "keyEncipherment",
  "dataEncipherment",
  "keyAgreement",
  "keyCertSign",
  "cRLSign",
  "encipherOnly",
  "decipherOnly",
] as const;
export type KeyUsage = (typeof KEY_USAGES)[number];

/** Extended key usages: camelCase arg name → API field and OID. */
export const EXTENDED_KEY_USAGES = {
  serverAuth: { field: "server_auth", oid: "1.3.6.1.5.5.7.3.1" },
  clientAuth: { field: "client_auth", oid: "1.3.6.1.5.5.7.3.2" },
  codeSigning: { field: "code_signing", oid: "1.3.6.1.5.5.7.3.3" },
  emailProtection: { field: "email_protection", oid: "1.3.6.1.5.5.7.3.4" },
  timeStamping: { field: "time_stamping", oid: "1.3.6.1.5.5.7.3.8" },
} as const;
export type ExtendedKeyUsageName = keyof typeof EXTENDED_KEY_USAGES;

/** Subject alternative name types and the longest value each accepts. */
export const SAN_TYPES = ["DNS", "IP", "EMAIL", "URI"] as const;
export type SanType = (typeof SAN_TYPES)[number];
export const SAN_VALUE_MAX_LENGTH: Readonly<Record<SanType, number>> = { DNS: 253, IP: 39, EMAIL: 256, URI: 253 };
export const SAN_MAX_COUNT = 20;

/** Distinguished-name field limits (certificate apply; the CA create uses the same fields, all required). */
export const DISTINGUISHED_NAME_LIMITS = {
  commonName: { min: 1, max: 64 },
  country: { min: 2, max: 2, pattern: /^[A-Za-z]{2}$/ },
  state: { min: 1, max: 128 },
  locality: { min: 1, max: 128 },
  organization: { min: 1, max: 64 },
  organizationalUnit: { min: 1, max: 64 },
} as const;

export const CUSTOMIZED_EXTENSION_LIMITS = {
  objectIdentifier: { min: 1, max: 64, pattern: /^[0-2](\.(0|[1-9][0-9]*))+$/ },
  value: { min: 1, max: 64 },
} as const;

/** Revocation reasons and their RFC 5280 CRLReason codes. */
export const REVOCATION_REASONS = {
  UNSPECIFIED: 0,
  KEY_COMPROMISE: 1,
  CERTIFICATE_AUTHORITY_COMPROMISE: 2,
  AFFILIATION_CHANGED: 3,
  SUPERSEDED: 4,
  CESSATION_OF_OPERATION: 5,
  CERTIFICATE_HOLD: 6,
  PRIVILEGE_WITHDRAWN: 9,
  ATTRIBUTE_AUTHORITY_COMPROMISE: 10,
} as const;
export type RevocationReason = keyof typeof REVOCATION_REASONS;
export const REVOCATION_REASON_NAMES = Object.keys(REVOCATION_REASONS) as [RevocationReason, ...RevocationReason[]];

/** Export formats (OTHER = PEM). */
export const EXPORT_TYPES = ["APACHE", "NGINX", "IIS", "TOMCAT", "OTHER"] as const;
export type ExportType = (typeof EXPORT_TYPES)[number];

/** Export password: at most 32 bytes of letters, digits and , . + - _ # */
export const EXPORT_PASSWORD = { maxBytes: 32, pattern: /^[A-Za-z0-9,.+\-_#]+$/ } as const;

export const CA_TYPES = ["ROOT", "SUBORDINATE"] as const;
export type CaType = (typeof CA_TYPES)[number];

/** CA statuses; "ACTIVED" is the API's spelling. Only ACTIVED CAs issue certificates. */
export const CA_STATUSES = ["PENDING", "ACTIVED", "DISABLED", "DELETED", "EXPIRED"] as const;
export type CaStatus = (typeof CA_STATUSES)[number];
/** The statuses in which a CA holds a certificate in force: what a revocation can apply to. */
export const CA_STATUSES_WITH_CERTIFICATE: ReadonlySet<string> = new Set<CaStatus>(["ACTIVED", "DISABLED", "EXPIRED"]);

/** Private certificate statuses; there is no pending state (issuance is synchronous). */
export const CERTIFICATE_STATUSES = ["ISSUED", "EXPIRED", "REVOKED"] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/** What a CSR is issued as. INTERMEDIATE_CA results are CAs: their id is a ca_id. */
export const CSR_CERTIFICATE_TYPES = ["ENTITY_CERT", "INTERMEDIATE_CA"] as const;
export type CsrCertificateType = (typeof CSR_CERTIFICATE_TYPES)[number];

/** Subordinate CA path length (TF docs; a root CA stores 7). */
export const PATH_LENGTH = { min: 0, max: 6 } as const;

/** Days a deleted CA stays restorable (DELETE ?pending_days=). */
export const PENDING_DAYS = { min: 7, max: 30 } as const;

export const CRL_VALID_DAYS = { min: 7, max: 30 } as const;

/** Tags: 1–20 per call and per resource; keys 1–128 characters of letters, digits, spaces and
 * _ . : = + - @ (not starting with the reserved "_sys_"). Value limits are not on the CCM pages
 * (UNCERTAIN): 0–255 characters of letters, digits, spaces and _ . : / = + - @ is Huawei's
 * tag-service convention. */
export const TAG_LIMITS = {
  maxPerRequest: 20,
  maxPerResource: 20,
  key: {
    min: 1,
    max: 128,
    pattern: /^[\p{L}\p{N} _.:=+\-@]+$/u,
    allowed: "letters, digits, spaces and _ . : = + - @",
    reservedPrefix: "_sys_",
  },
  value: { max: 255, pattern: /^[\p{L}\p{N} _.:/=+\-@]*$/u, allowed: "letters, digits, spaces and _ . : / = + - @" },
} as const;

/** List paging: default 10, at most 1000 per page. */
export const LIST_LIMIT = { default: 10, max: 1000 } as const;
export const CERTIFICATE_SORT_KEYS = ["create_time", "common_name", "issuer_name", "not_after"] as const;
export const CA_SORT_KEYS = ["create_time", "common_name", "type", "not_after"] as const;
export const SORT_DIRECTIONS = ["DESC", "ASC"] as const;
export type CertificateSortKey = (typeof CERTIFICATE_SORT_KEYS)[number];
export type CaSortKey = (typeof CA_SORT_KEYS)[number];
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

/**
 * The id formats. CCM ids are UUIDs as the service writes them: 36 characters, lower-case hex in
 * groups of 8-4-4-4-12 (PCA.00020201 documents the pattern; an upper-case id is refused). SCM
 * certificate ids are 16 characters ("scs1554192131150"), SMS task ids 1–36 (SCM "ExportCertificate", 004);
 * the pages name no character set, so ours is the one that keeps an id a single URL path
 * segment: letters, digits, "-" and "_" (never "/", "?", "#" or "..").
 */
export const ID_LIMITS = {
  ccm: {
    length: 36,
    pattern: /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/,
    allowed: "a lower-case UUID: 36 characters, hex digits 0-9 a-f in groups 8-4-4-4-12",
  },
  scmCertificate: {
    length: 16,
    pattern: /^[A-Za-z0-9_-]{16}$/,
    allowed: 'exactly 16 letters, digits, "-" or "_", like "scs1554192131150"',
  },
  smsTask: { min: 1, max: 36, pattern: /^[A-Za-z0-9_-]{1,36}$/, allowed: '1–36 letters, digits, "-" or "_"' },
} as const;

/** enterprise_project_id: "0" (default project), "all", or a project's UUID (docs/api-facts.md §3.1). */
export const ENTERPRISE_PROJECT_ID = {
  pattern: /^(0|all|[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12})$/,
  allowed: '"0" (the default project), "all", or an enterprise project id (a lower-case UUID)',
} as const;
