// Which inputs of each resource are secrets: its SECRET_PROPERTIES that its check schema accepts.
// Shared by the secret-input tests, so a secret input added to any resource is tested at once.
import type { z } from "zod";
import { certificateBundleInputs } from "../../provider/resources/certificate-bundle/handlers.js";
import { intermediateCaCertificateInputs } from "../../provider/resources/intermediate-ca-certificate/handlers.js";
import { migrationTaskCertKeyInputs } from "../../provider/resources/migration-task-cert-key/handlers.js";
import { privateCaInputs } from "../../provider/resources/private-ca/handlers.js";
import { privateCertificateInputs } from "../../provider/resources/private-certificate/handlers.js";
import { scmCertificateBundleInputs } from "../../provider/resources/scm-certificate-bundle/handlers.js";
import { SECRET_PROPERTIES } from "../../provider/resources/shared/secrets.js";
import type { ResourceTypeName } from "../../provider/resources/shared/shim.js";

const INPUT_SCHEMAS: Record<ResourceTypeName, z.ZodObject> = {
  PrivateCa: privateCaInputs,
  IntermediateCaCertificate: intermediateCaCertificateInputs,
  PrivateCertificate: privateCertificateInputs,
  CertificateBundle: certificateBundleInputs,
  ScmCertificateBundle: scmCertificateBundleInputs,
  MigrationTaskCertKey: migrationTaskCertKeyInputs,
};

export const RESOURCE_TYPES = Object.keys(INPUT_SCHEMAS) as ResourceTypeName[];

export function secretInputs(type: ResourceTypeName): string[] {
  const inputs = Object.keys(INPUT_SCHEMAS[type].shape);
  return SECRET_PROPERTIES[type].filter((name) => inputs.includes(name)).sort();
}
