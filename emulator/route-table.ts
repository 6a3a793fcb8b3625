// The route table: every emulated API operation, by method and documented path (docs/api-facts.md §2, §3, §5,
// §6). Routes only parse and serialize; the model (emulator/model) holds the rules.

import { type Route, Router } from "./router.js";
import * as cas from "./routes/cas.js";
import * as certificates from "./routes/certificates.js";
import type { RouteHandler } from "./routes/context.js";
import { resourceInstanceRoutes } from "./routes/resource-instances.js";
import * as scm from "./routes/scm.js";
import * as sms from "./routes/sms.js";
import { tagRoutes } from "./routes/tags.js";

const CERTS = "/v1/private-certificates";
const CAS = "/v1/private-certificate-authorities";
const certTags = tagRoutes("certificate");
const caTags = tagRoutes("ca");
const certInstances = resourceInstanceRoutes("certificate");
const caInstances = resourceInstanceRoutes("ca");

/**
 * The four operations both collections lay out alike: create (POST) and list (GET) on the collection, show (GET)
 * and delete (DELETE) by id, in this order.
 */
function collection(
  base: string,
  id: "certificate_id" | "ca_id",
  handlers: { create: RouteHandler; list: RouteHandler; show: RouteHandler; delete: RouteHandler },
): Route[] {
  const byId = `${base}/{${id}}`;
  return [
    { method: "POST", template: base, handler: handlers.create },
    { method: "GET", template: base, handler: handlers.list },
    { method: "GET", template: byId, handler: handlers.show },
    { method: "DELETE", template: byId, handler: handlers.delete },
  ];
}

export const ROUTES: Route[] = [
  // private certificates — literal paths first
  { method: "POST", template: `${CERTS}/csr`, handler: certificates.applyCertificateByCsr },
  { method: "POST", template: `${CERTS}/csr/parse`, handler: certificates.parseCertificateSigningRequest },
  { method: "POST", template: `${CERTS}/resource-instances/filter`, handler: certInstances.filter },
  { method: "POST", template: `${CERTS}/resource-instances/count`, handler: certInstances.count },
  { method: "GET", template: `${CERTS}/quotas`, handler: certificates.certificateQuotas },
  { method: "GET", template: `${CERTS}/tags`, handler: certTags.domain },
  ...collection(CERTS, "certificate_id", {
    create: certificates.applyCertificate,
    list: certificates.listCertificates,
    show: certificates.showCertificate,
    delete: certificates.deleteCertificate,
  }),
  { method: "POST", template: `${CERTS}/{certificate_id}/revoke`, handler: certificates.revokeCertificate },
  { method: "POST", template: `${CERTS}/{certificate_id}/export`, handler: certificates.exportCertificate },
  { method: "POST", template: `${CERTS}/{certificate_id}/tags/create`, handler: certTags.create },
  { method: "DELETE", template: `${CERTS}/{certificate_id}/tags/delete`, handler: certTags.delete },
  { method: "GET", template: `${CERTS}/{certificate_id}/tags`, handler: certTags.list },
  // private CAs
  { method: "GET", template: `${CAS}/quotas`, handler: cas.caQuotas },
  { method: "GET", template: `${CAS}/tags`, handler: caTags.domain },
  { method: "POST", template: `${CAS}/resource-instances/filter`, handler: caInstances.filter },
  { method: "POST", template: `${CAS}/resource-instances/count`, handler: caInstances.count },
  ...collection(CAS, "ca_id", { create: cas.createCa, list: cas.listCas, show: cas.showCa, delete: cas.deleteCa }),
  { method: "POST", template: `${CAS}/{ca_id}/activate`, handler: cas.activateCa },
  { method: "POST", template: `${CAS}/{ca_id}/disable`, handler: cas.disableCa },
  { method: "POST", template: `${CAS}/{ca_id}/enable`, handler: cas.enableCa },
  { method: "POST", template: `${CAS}/{ca_id}/restore`, handler: cas.restoreCa },
  { method: "POST", template: `${CAS}/{ca_id}/revoke`, handler: cas.revokeCa },
  { method: "POST", template: `${CAS}/{ca_id}/export`, handler: cas.exportCaCertificate },
  { method: "GET", template: `${CAS}/{ca_id}/csr`, handler: cas.exportCaCsr },
  { method: "POST", template: `${CAS}/{ca_id}/import`, handler: cas.importCaCertificate },
  { method: "POST", template: `${CAS}/{ca_id}/ocsp/switch`, handler: cas.switchCaOcsp },
  { method: "POST", template: `${CAS}/{ca_id}/crl/enable`, handler: cas.enableCaCrl },
  { method: "POST", template: `${CAS}/{ca_id}/crl/disable`, handler: cas.disableCaCrl },
  { method: "POST", template: `${CAS}/{ca_id}/tags/create`, handler: caTags.create },
  { method: "DELETE", template: `${CAS}/{ca_id}/tags/delete`, handler: caTags.delete },
  { method: "GET", template: `${CAS}/{ca_id}/tags`, handler: caTags.list },
  { method: "GET", template: "/v1/pca/config/console", handler: cas.consoleConfig },
  // SCM and SMS
  { method: "POST", template: "/v3/scm/certificates/{certificate_id}/export", handler: scm.exportScmCertificate },
  { method: "GET", template: "/v3/tasks/{task_id}/certkey", handler: sms.showCertKey },
];

export function createRouter(): Router {
  return new Router(ROUTES);
}
