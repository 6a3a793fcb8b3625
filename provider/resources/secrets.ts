// Which properties of each resource hold secrets — one list per resource, read by the resource
// class (inputs among them are wrapped in pulumi.secret; all are additionalSecretOutputs) and by
// check (a failure of one never echoes its value). Data only: the runtime loads this too.
import type { ResourceTypeName } from "../runtime/resource-types.js";

export const SECRET_PROPERTIES = {
  // Every PEM: the import pair (inputs, then the CA's own export) and the CSR.
  PrivateCa: ["csrPem", "certificatePem", "certificateChainPem"],
  IntermediateCaCertificate: ["csrPem", "certificatePem", "certificateChainPem"],
  PrivateCertificate: ["csrPem"],
  // Key material, certificates, keystores and their passwords.
  CertificateBundle: [
    "certificatePem",
    "certificateChainPem",
    "fullChainPem",
    "privateKeyPem",
    "pfxBase64",
    "jksBase64",
    "keystorePassword",
    "password",
  ],
  ScmCertificateBundle: [
    "entireCertificatePem",
    "certificatePem",
    "certificateChainPem",
    "fullChainPem",
    "privateKeyPem",
  ],
  MigrationTaskCertKey: [
    "certPem",
    "privateKeyPem",
    "caPem",
    "targetMgmtCertPem",
    "targetMgmtPrivateKeyPem",
    "targetDataCertPem",
    "targetDataPrivateKeyPem",
  ],
} as const satisfies Record<ResourceTypeName, readonly string[]>;
