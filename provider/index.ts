// pulumi-huaweicloud-ccm: Huawei Cloud CCM private CAs and certificates as Pulumi resources.
// Explicit re-exports only: what is not listed here is internal.

export type { CaPage, CreateCaResult, TransitionResult } from "./client/cas.js";
export type { ApplyResult, CertificatePage } from "./client/certificates.js";
export type { CreateOptions, CreateResolution, CreateResult } from "./client/create.js";
// The API client (usable without Pulumi)
export { endpointFor } from "./client/endpoints.js";
export { closeAllPools } from "./client/http.js";
export { CcmClient, createClient } from "./client/index.js";
export { OPERATIONS } from "./client/operations.js";
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./client/retry.js";
export type { TransportOptions } from "./client/transport.js";
export type { WaitOptions } from "./client/wait.js";
// Configuration
export {
  CONFIG_NAMESPACE,
  CONFIG_SETTINGS,
  type Credentials,
  type ResolvedConfig,
  resolveConfig,
  SecretValue,
} from "./config.js";
// Errors
export {
  type AnyCcmError,
  CcmApiError,
  CcmConfigError,
  CcmCreateAmbiguousError,
  CcmCreateOutcomeUnknownError,
  CcmDecodeError,
  CcmError,
  type CcmErrorCode,
  CcmExportFormatError,
  CcmInvalidArgumentError,
  CcmLookupError,
  CcmNetworkError,
  CcmResponseSchemaError,
  CcmTimeoutError,
  CcmWaitTimeoutError,
  isCcmApiError,
  isCcmError,
  isNotFoundError,
} from "./errors.js";
// Functions (lookups): a promise form and an Output form each, and the filters both CA lookups take
export {
  type GetPrivateCaArgs,
  type GetPrivateCaResult,
  getPrivateCa,
  getPrivateCaOutput,
} from "./functions/get-private-ca/get-private-ca.js";
export {
  type GetPrivateCasArgs,
  type GetPrivateCasResult,
  getPrivateCas,
  getPrivateCasOutput,
} from "./functions/get-private-cas/get-private-cas.js";
export {
  type GetPrivateCertificateArgs,
  type GetPrivateCertificateResult,
  getPrivateCertificate,
  getPrivateCertificateOutput,
} from "./functions/get-private-certificate/get-private-certificate.js";
export {
  type GetPrivateCertificatesArgs,
  type GetPrivateCertificatesResult,
  getPrivateCertificates,
  getPrivateCertificatesOutput,
} from "./functions/get-private-certificates/get-private-certificates.js";
export {
  type GetQuotasArgs,
  type GetQuotasResult,
  getQuotas,
  getQuotasOutput,
} from "./functions/get-quotas/get-quotas.js";
export type { CaFilterArgs } from "./functions/shared/find-cas.js";
export type { InputArgs } from "./functions/shared/program.js";
// PEM helpers
export { certificateMetadata, fullChainPem, normalizePem, splitPemBlocks } from "./pem.js";
// Resources
export {
  CertificateBundle,
  type CertificateBundleArgs,
  type CertificateBundleType,
} from "./resources/certificate-bundle/certificate-bundle.js";
export {
  IntermediateCaCertificate,
  type IntermediateCaCertificateArgs,
} from "./resources/intermediate-ca-certificate/intermediate-ca-certificate.js";
export {
  MigrationTaskCertKey,
  type MigrationTaskCertKeyArgs,
} from "./resources/migration-task-cert-key/migration-task-cert-key.js";
export {
  type CaDistinguishedNameArgs,
  type CrlConfigurationArgs,
  PrivateCa,
  type PrivateCaArgs,
} from "./resources/private-ca/private-ca.js";
export {
  type CustomizedExtensionArgs,
  type DistinguishedNameArgs,
  type ExtendedKeyUsageArgs,
  PrivateCertificate,
  type PrivateCertificateArgs,
  type SubjectAlternativeNameArgs,
  type SubjectAlternativeNameType,
} from "./resources/private-certificate/private-certificate.js";
export { Revocation, type RevocationArgs } from "./resources/revocation/revocation.js";
export {
  ScmCertificateBundle,
  type ScmCertificateBundleArgs,
} from "./resources/scm-certificate-bundle/scm-certificate-bundle.js";
export type { ValidityArgs } from "./resources/shared/validity-args.js";
export type {
  CaSortKey,
  CaStatus,
  CaType,
  CertificateSortKey,
  CertificateStatus,
  SortDirection,
} from "./schemas/enums.js";
// Enums and limits (the same tables `check` validates with)
export * as limits from "./schemas/enums.js";
