// The external-signing flow of a subordinate CA (CCM's CSR export, CCM "ExportCertificateAuthorityCsr"), end to end:
//
//   root (ROOT, ACTIVED)
//     └─ signs the CSR of ─► issuing (SUBORDINATE, created PENDING: CCM makes its key, exposes csrPem)
//                              └─ once its signed certificate is imported (ACTIVED) ─► web (a leaf)
//                                                                                     └─► web-nginx (its PEMs)
//
// The signer here is a CCM root in the same stack (IntermediateCaCertificate); it could as well
// be an offline root, another account or another stack — any CA that signs the CSR. A CA's CSR
// exists only after the CA does, and its certificate goes back into that same CA, so the flow
// takes two `pulumi up`s (one program cannot feed a resource's output back into its own input):
//
//   pulumi up       # root ACTIVED; issuing PENDING with its csrPem; the root signs that CSR
//   pulumi config set --secret issuingCertificatePem -- "$(pulumi stack output signedCertificatePem --show-secrets)"
//   pulumi config set --secret issuingCertificateChainPem -- "$(pulumi stack output signedCertificateChainPem --show-secrets)"
//   pulumi up       # issuing: updated in place (imported → ACTIVED); web is issued from it, and exported
//
// Every PEM (CSR, certificates, chains) is a secret in state and in the stack outputs.
import * as pulumi from "@pulumi/pulumi";
import { CertificateBundle, IntermediateCaCertificate, PrivateCa, PrivateCertificate } from "pulumi-huaweicloud-ccm";

const config = new pulumi.Config();
const organisation = {
  country: "CN",
  state: "Sichuan",
  locality: "Chengdu",
  organization: "Example Corp",
  organizationalUnit: "Platform",
};

const root = new PrivateCa("root", {
  type: "ROOT",
  distinguishedName: { commonName: "Example Root CA", ...organisation },
  keyAlgorithm: "EC384",
  signatureAlgorithm: "SHA384",
  validity: { type: "YEAR", value: 10 },
  pendingDays: 7,
});

// Left out at first (the CA is created PENDING); supplied for the second `pulumi up`.
const importedCertificatePem = config.getSecret("issuingCertificatePem");
const importedCertificateChainPem = config.getSecret("issuingCertificateChainPem");

const issuing = new PrivateCa("issuing", {
  type: "SUBORDINATE",
  distinguishedName: { commonName: "Example Issuing CA", ...organisation },
  keyAlgorithm: "EC256",
  pathLength: 0,
  certificatePem: importedCertificatePem,
  certificateChainPem: importedCertificateChainPem,
  tags: { role: "issuing" },
  pendingDays: 7,
});

// The "elsewhere": the root signs the subordinate's CSR as an intermediate CA certificate.
const signed = new IntermediateCaCertificate("issuing-signed", {
  issuerId: root.caId,
  csrPem: issuing.csrPem,
  validity: { type: "YEAR", value: 5 },
  pathLength: 0,
});

// Only an ACTIVED CA issues: the leaf waits for the second `pulumi up`.
const web = importedCertificatePem
  ? new PrivateCertificate("web", {
      issuerId: issuing.caId,
      keyAlgorithm: "EC256",
      signatureAlgorithm: "SHA256",
      distinguishedName: { commonName: "web.internal.example" },
      subjectAlternativeNames: [{ type: "DNS", value: "web.internal.example" }],
      extendedKeyUsage: { serverAuth: true },
      validity: { type: "DAY", value: 30 },
    })
  : undefined;

export const rootCaId = root.caId;
export const rootCertificatePem = root.certificatePem;
export const issuingCaId = issuing.caId;
export const issuingStatus = issuing.status;
export const issuingCsrPem = issuing.csrPem;
export const issuingCertificatePem = issuing.certificatePem;
export const issuingCertificateChainPem = issuing.certificateChainPem;
export const signedCertificatePem = signed.certificatePem;
export const signedCertificateChainPem = signed.certificateChainPem;
// What a server gets: the leaf, then the imported subordinate, then the root.
const webBundle = web
  ? new CertificateBundle("web-nginx", { certificateId: web.certificateId, type: "NGINX" })
  : undefined;

export const webCertificateId = web?.certificateId;
export const webFullChainPem = webBundle?.fullChainPem;
