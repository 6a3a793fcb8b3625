// Which properties of each resource hold secrets — one list per resource, read by the resource
// class (inputs among them are wrapped in pulumi.secret; all are additionalSecretOutputs) and by
// check (a failure of one never echoes its value). Data only: the runtime loads this too. Each
// name is checked against its resource's handler Inputs and Outputs, so a renamed or misspelt
// property does not compile.
import type { ResourceTypeName } from "../../runtime/resource-types.js";
import type { CertificateBundleInputs, CertificateBundleOutputs } from "../certificate-bundle/handlers.js";
import type {
  IntermediateCaCertificateInputs,
  IntermediateCaCertificateOutputs,
} from "../intermediate-ca-certificate/handlers.js";
import type { MigrationTaskCertKeyInputs, MigrationTaskCertKeyOutputs } from "../migration-task-cert-key/handlers.js";
import type { PrivateCaInputs, PrivateCaOutputs } from "../private-ca/handlers.js";
import type { PrivateCertificateInputs, PrivateCertificateOutputs } from "../private-certificate/handlers.js";
import type { ScmCertificateBundleInputs, ScmCertificateBundleOutputs } from "../scm-certificate-bundle/handlers.js";
import type { DerivedOutputs } from "./derived-outputs.js";

/** Every property name of each resource: its handler's Inputs and Outputs, and what is derived from them. */
interface PropertyNames {
  PrivateCa: keyof PrivateCaInputs | keyof PrivateCaOutputs;
  IntermediateCaCertificate: keyof IntermediateCaCertificateInputs | keyof IntermediateCaCertificateOutputs;
  PrivateCertificate: keyof PrivateCertificateInputs | keyof PrivateCertificateOutputs;
  CertificateBundle:
    | keyof CertificateBundleInputs
    | keyof CertificateBundleOutputs
    | keyof DerivedOutputs<"CertificateBundle">;
  ScmCertificateBundle:
    | keyof ScmCertificateBundleInputs
    | keyof ScmCertificateBundleOutputs
    | keyof DerivedOutputs<"ScmCertificateBundle">;
  MigrationTaskCertKey: keyof MigrationTaskCertKeyInputs | keyof MigrationTaskCertKeyOutputs;
}

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
} as const satisfies { readonly [T in ResourceTypeName]: readonly PropertyNames[T][] };
