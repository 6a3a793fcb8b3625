// Resource type name (as frozen in the serialized shim) → its handlers. A full Record: a type name
// without handlers does not compile. Renaming one would strand existing state, so names never change.
import { certificateBundleHandlers } from "../resources/certificate-bundle/handlers.js";
import { intermediateCaCertificateHandlers } from "../resources/intermediate-ca-certificate/handlers.js";
import { migrationTaskCertKeyHandlers } from "../resources/migration-task-cert-key/handlers.js";
import { privateCaHandlers } from "../resources/private-ca/handlers.js";
import { privateCertificateHandlers } from "../resources/private-certificate/handlers.js";
import { scmCertificateBundleHandlers } from "../resources/scm-certificate-bundle/handlers.js";
import type { HandlerFactory } from "./handlers.js";
import type { ResourceTypeName } from "./resource-types.js";

export const RESOURCE_HANDLERS: Record<ResourceTypeName, HandlerFactory> = {
  PrivateCa: privateCaHandlers,
  PrivateCertificate: privateCertificateHandlers,
  IntermediateCaCertificate: intermediateCaCertificateHandlers,
  CertificateBundle: certificateBundleHandlers,
  ScmCertificateBundle: scmCertificateBundleHandlers,
  MigrationTaskCertKey: migrationTaskCertKeyHandlers,
};
