// Enums and limits of the real API, as data read by the validators and quoted by the README.
// Sources: CCM "Applying for a Certificate" (apply), docs/api-facts.md §2–§3 (CA bodies, list queries, tags, quotas).

export const KEY_ALGORITHMS = ["RSA2048", "RSA4096", "EC256", "EC384"] as const;
export const SIGNATURE_ALGORITHMS = ["SHA256", "SHA384", "SHA512"] as const;
/** Accepted by the real service on the China site only; we refuse them with the documented codes. */
export const CHINA_ONLY_KEY_ALGORITHMS = ["SM2"] as const;
export const CHINA_ONLY_SIGNATURE_ALGORITHMS = ["SM3"] as const;

export const CA_TYPES = ["ROOT", "SUBORDINATE"] as const;
export const CA_STATUSES = ["PENDING", "ACTIVED", "DISABLED", "DELETED", "EXPIRED"] as const;
export const CERTIFICATE_STATUSES = ["ISSUED", "REVOKED", "EXPIRED"] as const;
export const CSR_CERTIFICATE_TYPES = ["ENTITY_CERT", "INTERMEDIATE_CA"] as const;

export const VALIDITY_TYPES = ["YEAR", "MONTH", "DAY", "HOUR"] as const;
/** "MONTH: Month (31 days)" — CCM "Applying for a Certificate" Table 4. */
export const DAYS_PER_MONTH = 31;
export const MAX_YEARS_ROOT_CA = 30;
export const MAX_YEARS_OTHER = 20;
/** "start_from cannot be earlier than current_time minus 5 minutes". */
export const START_FROM_TOLERANCE_MS = 5 * 60 * 1000;

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
export const DEFAULT_CA_KEY_USAGES = ["digitalSignature", "keyCertSign", "cRLSign"] as const;
/** ccm_client.go doc comment: a CSR-issued private certificate defaults to these. */
export const DEFAULT_CSR_CERT_KEY_USAGES = ["digitalSignature", "keyAgreement"] as const;
export const DEFAULT_CSR_SIGNATURE_ALGORITHM = "SHA384";

/** Request field → the EKU it switches on (CCM "Applying for a Certificate" Table 6). */
export const EXTENDED_KEY_USAGE_FIELDS = {
  server_auth: "serverAuth",
  client_auth: "clientAuth",
  code_signing: "codeSigning",
  email_protection: "emailProtection",
  time_stamping: "timeStamping",
} as const;

export const SAN_TYPES = ["DNS", "IP", "EMAIL", "URI"] as const;
export const SAN_MAX_COUNT = 20;
export const SAN_MAX_LENGTH = { DNS: 253, IP: 39, EMAIL: 256, URI: 253 } as const;

/** Distinguished-name field limits (CCM "Applying for a Certificate" Table 3). */
export const DN_LIMITS = {
  common_name: { min: 1, max: 64 },
  country: { min: 2, max: 2 },
  state: { min: 1, max: 128 },
  locality: { min: 1, max: 128 },
  organization: { min: 1, max: 64 },
  organizational_unit: { min: 1, max: 64 },
} as const;
export const COUNTRY_PATTERN = /^[A-Za-z]{2}$/;

export const CUSTOM_EXTENSION_MAX_LENGTH = 64;
export const OID_PATTERN = /^[0-2](\.(0|[1-9][0-9]*))+$/;

export const PATH_LENGTH_MIN = 0;
export const PATH_LENGTH_MAX = 6;
/** "path_length: ignored for ROOT (stored as 7)". */
export const ROOT_PATH_LENGTH = 7;
export const DEFAULT_SUBORDINATE_PATH_LENGTH = 0;

export const REVOKE_REASONS = [
  "UNSPECIFIED",
  "KEY_COMPROMISE",
  "CERTIFICATE_AUTHORITY_COMPROMISE",
  "AFFILIATION_CHANGED",
  "SUPERSEDED",
  "CESSATION_OF_OPERATION",
  "CERTIFICATE_HOLD",
  "PRIVILEGE_WITHDRAWN",
  "ATTRIBUTE_AUTHORITY_COMPROMISE",
] as const;

export const PENDING_DAYS_MIN = 7;
export const PENDING_DAYS_MAX = 30;
/** The newer DeleteCertificateAuthority page makes pending_days optional without naming a default. */
export const PENDING_DAYS_DEFAULT = 7;

export const EXPORT_TYPES = ["APACHE", "NGINX", "IIS", "TOMCAT", "OTHER"] as const;
export const EXPORT_PASSWORD_MAX_BYTES = 32;
export const EXPORT_PASSWORD_PATTERN = /^[A-Za-z0-9,.+\-_#]+$/;

export const TAGS_PER_REQUEST_MAX = 20;
export const TAG_KEY_MAX = 128;
export const TAG_VALUE_MAX = 255;
export const TAG_KEY_PATTERN = /^[\p{L}\p{N} _.:=+\-@]+$/u;
export const TAG_VALUE_PATTERN = /^[\p{L}\p{N} _.:/=+\-@]*$/u;
export const TAG_KEY_RESERVED_PREFIX = "_sys_";

export const LIST_LIMIT_DEFAULT = 10;
export const LIST_LIMIT_MAX = 1000;
export const CERTIFICATE_SORT_KEYS = ["create_time", "common_name", "issuer_name", "not_after"] as const;
export const CA_SORT_KEYS = ["create_time", "common_name", "type", "not_after"] as const;
export const SORT_DIRECTIONS = ["DESC", "ASC"] as const;
export const NAME_FILTER_MAX = 64;

export const QUOTA_CERTIFICATE_AUTHORITIES = 100;
export const QUOTA_CERTIFICATES = 100_000;

/** Path ids are UUIDs (36 chars); PCA.00020201 documents this pattern for CA ids. */
export const UUID_PATTERN = /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/;
export const SCM_CERTIFICATE_ID_LENGTH = 16;
export const SMS_TASK_ID_MAX = 36;

export type KeyAlgorithmName = (typeof KEY_ALGORITHMS)[number];
export type SignatureAlgorithmName = (typeof SIGNATURE_ALGORITHMS)[number];
export type CaType = (typeof CA_TYPES)[number];
export type CaStatus = (typeof CA_STATUSES)[number];
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];
export type ValidityType = (typeof VALIDITY_TYPES)[number];
export type KeyUsageName = (typeof KEY_USAGES)[number];
export type SanType = (typeof SAN_TYPES)[number];
export type RevokeReason = (typeof REVOKE_REASONS)[number];
export type ExportType = (typeof EXPORT_TYPES)[number];
