// A private PKI in one stack: a root CA, an issuing CA signed by it, a server certificate that
// renews itself 30 days before it expires, and the certificate exported for NGINX (PEMs) and IIS
// (a PFX). Every PEM, key, keystore and password below is a Pulumi secret.
//
// Against Huawei Cloud: `pulumi config set --secret huaweicloud-ccm:accessKey …` (and secretKey),
// or HW_ACCESS_KEY / HW_SECRET_KEY, then `pulumi up`. Against the local emulator: `npm run demo`.
import * as pulumi from "@pulumi/pulumi";
import { CertificateBundle, PrivateCa, PrivateCertificate } from "pulumi-huaweicloud-ccm";

const config = new pulumi.Config();
const hostname = config.get("hostname") ?? "app.internal.example";
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

const issuing = new PrivateCa("issuing", {
  type: "SUBORDINATE",
  issuerId: root.caId,
  distinguishedName: { commonName: "Example Issuing CA", ...organisation },
  keyAlgorithm: "EC256",
  signatureAlgorithm: "SHA256",
  validity: { type: "YEAR", value: 5 },
  pathLength: 0,
  pendingDays: 7,
});

const certificate = new PrivateCertificate("app", {
  issuerId: issuing.caId,
  keyAlgorithm: "EC256",
  signatureAlgorithm: "SHA256",
  distinguishedName: { commonName: hostname },
  subjectAlternativeNames: [
    { type: "DNS", value: hostname },
    { type: "IP", value: "10.0.0.10" },
  ],
  keyUsages: ["digitalSignature", "keyAgreement"],
  extendedKeyUsage: { serverAuth: true },
  validity: { type: "DAY", value: 90 },
  renewBefore: "30d",
  revokeOnDelete: "SUPERSEDED",
  tags: { app: "demo" },
});

const nginx = new CertificateBundle("app-nginx", { certificateId: certificate.certificateId, type: "NGINX" });
const iis = new CertificateBundle("app-iis", {
  certificateId: certificate.certificateId,
  type: "IIS",
  password: config.getSecret("pfxPassword"),
});

export const rootCaId = root.caId;
export const issuingCaId = issuing.caId;
export const rootCertificatePem = root.certificatePem;
export const certificateId = certificate.certificateId;
export const status = certificate.status;
export const serialNumber = nginx.serialNumber;
export const notAfter = certificate.notAfter;
export const readyForRenewal = certificate.readyForRenewal;
export const sha256Fingerprint = nginx.sha256Fingerprint;
export const subjectAlternativeNames = nginx.subjectAlternativeNames;
export const fullChainPem = nginx.fullChainPem;
export const privateKeyPem = nginx.privateKeyPem;
export const pfxBase64 = iis.pfxBase64;
export const pfxPassword = iis.keystorePassword;
