// A private certificate from the CA named in config, exported as NGINX, IIS and TOMCAT bundles,
// with the knobs the e2e tests turn through stack config.
import * as pulumi from "@pulumi/pulumi";
import { CertificateBundle, PrivateCertificate } from "pulumi-huaweicloud-ccm";

const config = new pulumi.Config();

const certificate = new PrivateCertificate("web", {
  issuerId: config.require("caId"),
  keyAlgorithm: "EC256",
  signatureAlgorithm: "SHA256",
  distinguishedName: { commonName: config.get("commonName") ?? "web.internal.example" },
  validity: { type: "HOUR", value: config.getNumber("validityHours") ?? 720, startFrom: config.get("startFrom") },
  subjectAlternativeNames: [
    { type: "DNS", value: "web.internal.example" },
    { type: "IP", value: "10.0.0.10" },
  ],
  extendedKeyUsage: { serverAuth: true },
  keyUsages: ["digitalSignature", "keyAgreement"],
  renewBefore: config.get("renewBefore"),
  revokeOnDelete: config.get("revokeOnDelete") as "SUPERSEDED" | undefined,
  tags: config.getObject<Record<string, string>>("tags"),
});

const nginx = new CertificateBundle("web-nginx", { certificateId: certificate.certificateId, type: "NGINX" });
const iis = new CertificateBundle("web-iis", {
  certificateId: certificate.certificateId,
  type: "IIS",
  password: config.getSecret("keystorePassword"),
});
const tomcat = new CertificateBundle("web-tomcat", { certificateId: certificate.certificateId, type: "TOMCAT" });

export const certificateId = certificate.certificateId;
export const status = certificate.status;
export const serialNumber = certificate.serialNumber;
export const notAfter = certificate.notAfter;
export const readyForRenewal = certificate.readyForRenewal;
export const subject = certificate.subject;
export const nginxFullChainPem = nginx.fullChainPem;
export const nginxPrivateKeyPem = nginx.privateKeyPem;
export const nginxSerialNumber = nginx.serialNumber;
export const nginxSubjectAlternativeNames = nginx.subjectAlternativeNames;
export const nginxFingerprint = nginx.sha256Fingerprint;
export const iisPfxBase64 = iis.pfxBase64;
export const iisKeystorePassword = iis.keystorePassword;
export const tomcatJksBase64 = tomcat.jksBase64;
export const tomcatKeystorePassword = tomcat.keystorePassword;
