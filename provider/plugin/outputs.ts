// The outputs each resource adds to its inputs (the handlers' *Outputs interfaces, which are types
// only, so they are restated here for the schema; test/plugin/schema.test.ts checks a created
// resource's outputs against these names through the engine). Types are Pulumi schema types.
import type { ResourceTypeName } from "../resources/shared/shim.js";

export interface OutputSpec {
  type: "string" | "boolean" | "stringMap" | "stringArray";
  description: string;
}

const S = (description: string): OutputSpec => ({ type: "string", description });

const CA_STATE = {
  status: S("PENDING, ACTIVED, DISABLED, DELETED or EXPIRED, as of the last create, update or refresh."),
  serialNumber: S("Serial number, hexadecimal."),
  notBefore: S("Start of validity, ISO 8601."),
  notAfter: S("End of validity, ISO 8601."),
  issuerName: S("Common name of the issuing CA."),
  subject: { type: "stringMap", description: "The subject as issued." },
} as const satisfies Record<string, OutputSpec>;

const BUNDLE_FACTS = {
  serialNumber: S("Serial number of the leaf certificate."),
  notBefore: S("Start of validity of the leaf, ISO 8601."),
  notAfter: S("End of validity of the leaf, ISO 8601."),
  sha256Fingerprint: S("SHA-256 fingerprint of the leaf certificate."),
  subject: S("Subject of the leaf certificate, as one text."),
  subjectAlternativeNames: { type: "stringArray", description: "Subject alternative names of the leaf." },
  certificatePem: S("The leaf certificate, PEM."),
  certificateChainPem: S("The issuing chain, PEM (leaf excluded)."),
  fullChainPem: S("Leaf followed by its chain, PEM."),
  privateKeyPem: S("The private key, PEM (absent for certificates issued from a CSR)."),
} as const satisfies Record<string, OutputSpec>;

const DUPLICATES: OutputSpec = {
  type: "stringArray",
  description:
    "Set only when a create's response was lost and it was re-sent: look-alikes no resource holds, to check and delete by hand.",
};

export const EXTRA_OUTPUTS: Record<ResourceTypeName, Record<string, OutputSpec>> = {
  PrivateCa: {
    caId: S("The CCM CA id (also the resource's id)."),
    ...CA_STATE,
    genMode: S("GENERATE, IMPORT or CSR."),
    deleteTime: S("When a CA scheduled for deletion goes, ISO 8601."),
    csrPem: S("The CSR of a pending subordinate CA, PEM."),
    certificatePem: S("The CA's own certificate as exported, PEM."),
    certificateChainPem: S("The CA's chain, PEM."),
    suspectedDuplicateIds: DUPLICATES,
  },
  PrivateCertificate: {
    certificateId: S("The CCM certificate id (also the resource's id)."),
    ...CA_STATE,
    status: S("ISSUED, REVOKED or EXPIRED, as of the last create, update or refresh."),
    genMode: S("GENERATE (the service made the key) or CSR."),
    readyForRenewal: { type: "boolean", description: "True once now ≥ notAfter − renewBefore, or revoked or expired." },
    suspectedDuplicateIds: DUPLICATES,
  },
  IntermediateCaCertificate: {
    caId: S("The id of the subordinate CA whose CSR was signed."),
    ...CA_STATE,
    certificatePem: S("The signed CA certificate, PEM."),
    certificateChainPem: S("Its chain, PEM."),
  },
  CertificateBundle: {
    ...BUNDLE_FACTS,
    pfxBase64: S("PKCS#12 keystore, base64 (type PFX)."),
    jksBase64: S("Java keystore, base64 (type JKS)."),
    keystorePassword: S("Password of the keystore."),
    certificateStatus: S("Status of the certificate when exported."),
  },
  ScmCertificateBundle: {
    ...BUNDLE_FACTS,
    entireCertificatePem: S("The certificate as SCM exports it (leaf and chain), PEM."),
  },
  MigrationTaskCertKey: {
    certPem: S("Client certificate of the migration agent, PEM."),
    privateKeyPem: S("Its private key, PEM."),
    caPem: S("CA certificate to trust, PEM."),
    targetMgmtCertPem: S("Target management-channel certificate, PEM."),
    targetMgmtPrivateKeyPem: S("Its private key, PEM."),
    targetDataCertPem: S("Target data-channel certificate, PEM."),
    targetDataPrivateKeyPem: S("Its private key, PEM."),
  },
};
