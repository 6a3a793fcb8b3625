// Every API operation the client uses, as data: method, path template, whether a repeat is
// safe, and the IAM action a 403 hint names. Paths and methods are from docs/api-facts.md §2–§6 and the
// seeds. IAM names marked `documented: false` follow the documented pattern but are not on an
// API page we read; the hint says so.
import type { IamAction, ServiceName } from "../errors.js";
import type { Idempotency } from "./retry.js";

export interface OperationSpec {
  readonly service: ServiceName;
  readonly method: "GET" | "POST" | "DELETE";
  /** Path template; {name} placeholders are filled with RFC 3986-encoded values. */
  readonly path: string;
  readonly idempotency: Idempotency;
  readonly iam: IamAction;
}

const doc = (name: string): IamAction => ({ name, documented: true });
const inferred = (name: string): IamAction => ({ name, documented: false });

// Why some POSTs are "idempotent": export and tag creation have no side effect beyond the first
// call; the state transitions (activate, disable, enable, restore, import, revoke) fail harmlessly
// when repeated, and the client confirms such a failure against the resource's status.
export const OPERATIONS = {
  // Private certificates
  applyCertificate: {
    service: "ccm",
    method: "POST",
    path: "/v1/private-certificates",
    idempotency: "create",
    iam: doc("pca:ca:issueCert"),
  },
  applyCertificateByCsr: {
    service: "ccm",
    method: "POST",
    path: "/v1/private-certificates/csr",
    idempotency: "create",
    iam: doc("pca:ca:issueCert"),
  },
  getCertificate: {
    service: "ccm",
    method: "GET",
    path: "/v1/private-certificates/{certificate_id}",
    idempotency: "idempotent",
    iam: doc("pca:cert:get"),
  },
  listCertificates: {
    service: "ccm",
    method: "GET",
    path: "/v1/private-certificates",
    idempotency: "idempotent",
    iam: doc("pca:cert:list"),
  },
  deleteCertificate: {
    service: "ccm",
    method: "DELETE",
    path: "/v1/private-certificates/{certificate_id}",
    idempotency: "idempotent",
    iam: doc("pca:cert:delete"),
  },
  revokeCertificate: {
    service: "ccm",
    method: "POST",
    path: "/v1/private-certificates/{certificate_id}/revoke",
    idempotency: "idempotent",
    iam: doc("pca:ca:revokeCert"),
  },
  exportCertificate: {
    service: "ccm",
    method: "POST",
    path: "/v1/private-certificates/{certificate_id}/export",
    idempotency: "idempotent",
    iam: inferred("pca:cert:export"),
  },
  createCertificateTags: {
    service: "ccm",
    method: "POST",
    path: "/v1/private-certificates/{certificate_id}/tags/create",
    idempotency: "idempotent",
    iam: inferred("pca:cert:createTags"),
  },
  deleteCertificateTags: {
    service: "ccm",
    method: "DELETE",
    path: "/v1/private-certificates/{certificate_id}/tags/delete",
    idempotency: "idempotent",
    iam: inferred("pca:cert:deleteTags"),
  },
  listCertificateTags: {
    service: "ccm",
    method: "GET",
    path: "/v1/private-certificates/{certificate_id}/tags",
    idempotency: "idempotent",
    iam: inferred("pca:cert:listTags"),
  },
  // Private CAs
  createCa: {
    service: "ccm",
    method: "POST",
    path: "/v1/private-certificate-authorities",
    idempotency: "create",
    iam: inferred("pca:ca:create"),
  },
  getCa: {
    service: "ccm",
    method: "GET",
    path: "/v1/private-certificate-authorities/{ca_id}",
    idempotency: "idempotent",
    iam: inferred("pca:ca:get"),
  },
  listCas: {
    service: "ccm",
    method: "GET",
    path: "/v1/private-certificate-authorities",
    idempotency: "idempotent",
    iam: inferred("pca:ca:list"),
  },
  activateCa: {
    service: "ccm",
    method: "POST",
    path: "/v1/private-certificate-authorities/{ca_id}/activate",
    idempotency: "idempotent",
    iam: inferred("pca:ca:activate"),
  },
  disableCa: {
    service: "ccm",
    method: "POST",
    path: "/v1/private-certificate-authorities/{ca_id}/disable",
    idempotency: "idempotent",
    iam: inferred("pca:ca:disable"),
  },
  enableCa: {
    service: "ccm",
    method: "POST",
    path: "/v1/private-certificate-authorities/{ca_id}/enable",
    idempotency: "idempotent",
    iam: inferred("pca:ca:enable"),
  },
  deleteCa: {
    service: "ccm",
    method: "DELETE",
    path: "/v1/private-certificate-authorities/{ca_id}",
    idempotency: "idempotent",
    iam: doc("pca:ca:delete"),
  },
  restoreCa: {
    service: "ccm",
    method: "POST",
    path: "/v1/private-certificate-authorities/{ca_id}/restore",
    idempotency: "idempotent",
    iam: inferred("pca:ca:restore"),
  },
  revokeCa: {
    service: "ccm",
    method: "POST",
    path: "/v1/private-certificate-authorities/{ca_id}/revoke",
    idempotency: "idempotent",
    iam: inferred("pca:ca:revoke"),
  },
  exportCaCertificate: {
    service: "ccm",
    method: "POST",
    path: "/v1/private-certificate-authorities/{ca_id}/export",
    idempotency: "idempotent",
    iam: inferred("pca:ca:export"),
  },
  exportCaCsr: {
    service: "ccm",
    method: "GET",
    path: "/v1/private-certificate-authorities/{ca_id}/csr",
    idempotency: "idempotent",
    iam: doc("pca:ca:getCsr"),
  },
  importCaCertificate: {
    service: "ccm",
    method: "POST",
    path: "/v1/private-certificate-authorities/{ca_id}/import",
    idempotency: "idempotent",
    iam: inferred("pca:ca:import"),
  },
  createCaTags: {
    service: "ccm",
    method: "POST",
    path: "/v1/private-certificate-authorities/{ca_id}/tags/create",
    idempotency: "idempotent",
    iam: inferred("pca:ca:createTags"),
  },
  deleteCaTags: {
    service: "ccm",
    method: "DELETE",
    path: "/v1/private-certificate-authorities/{ca_id}/tags/delete",
    idempotency: "idempotent",
    iam: inferred("pca:ca:deleteTags"),
  },
  listCaTags: {
    service: "ccm",
    method: "GET",
    path: "/v1/private-certificate-authorities/{ca_id}/tags",
    idempotency: "idempotent",
    iam: inferred("pca:ca:listTags"),
  },
  // Revocation switches (docs/api-facts.md §3). "idempotent": sending the same switch again leaves the CA
  // as the first call did — a repeated OCSP switch is refused with 403 PCA.10010071/72, which the client
  // reads as "already in that state"; enabling a CRL again sets the same settings; disabling it again
  // changes nothing — so a resend after a lost response is harmless. IAM names: the API pages of
  // UpdateOcspSwitch and EnableCertificateAuthorityCrl (identity policy actions); the others inferred.
  switchCaOcsp: {
    service: "ccm",
    method: "POST",
    path: "/v1/private-certificate-authorities/{ca_id}/ocsp/switch",
    idempotency: "idempotent",
    iam: doc("pca:ca:updateOcspSwitch"),
  },
  enableCaCrl: {
    service: "ccm",
    method: "POST",
    path: "/v1/private-certificate-authorities/{ca_id}/crl/enable",
    idempotency: "idempotent",
    iam: doc("pca:ca:enableCrl"),
  },
  disableCaCrl: {
    service: "ccm",
    method: "POST",
    path: "/v1/private-certificate-authorities/{ca_id}/crl/disable",
    idempotency: "idempotent",
    iam: inferred("pca:ca:disableCrl"),
  },
  // A read of the console's feature flags.
  getConsoleConfig: {
    service: "ccm",
    method: "GET",
    path: "/v1/pca/config/console",
    idempotency: "idempotent",
    iam: inferred("pca:ca:getConsoleConfig"),
  },
  // Quotas and tag filters (docs/api-facts.md §2.9, §2.10): reads, for the lookup functions.
  getCertificateQuota: {
    service: "ccm",
    method: "GET",
    path: "/v1/private-certificates/quotas",
    idempotency: "idempotent",
    iam: inferred("pca:cert:getQuota"),
  },
  getCaQuota: {
    service: "ccm",
    method: "GET",
    path: "/v1/private-certificate-authorities/quotas",
    idempotency: "idempotent",
    iam: inferred("pca:ca:getQuota"),
  },
  filterCertificateInstances: {
    service: "ccm",
    method: "POST",
    path: "/v1/private-certificates/resource-instances/filter",
    idempotency: "idempotent",
    iam: inferred("pca:cert:listTags"),
  },
  filterCaInstances: {
    service: "ccm",
    method: "POST",
    path: "/v1/private-certificate-authorities/resource-instances/filter",
    idempotency: "idempotent",
    iam: inferred("pca:ca:listTags"),
  },
  // SCM and SMS
  exportScmCertificate: {
    service: "scm",
    method: "POST",
    path: "/v3/scm/certificates/{certificate_id}/export",
    idempotency: "idempotent",
    iam: doc("scm:cert:export"),
  },
  getSmsCertKey: {
    service: "sms",
    method: "GET",
    path: "/v3/tasks/{task_id}/certkey",
    idempotency: "idempotent",
    iam: doc("sms:server:getCert"),
  },
} as const satisfies Record<string, OperationSpec>;

export type OperationName = keyof typeof OPERATIONS;
