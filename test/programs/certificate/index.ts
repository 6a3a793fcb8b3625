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

export const { certificateId, status, serialNumber, notAfter, readyForRenewal, subject } = certificate;
export const {
  fullChainPem: nginxFullChainPem,
  privateKeyPem: nginxPrivateKeyPem,
  serialNumber: nginxSerialNumber,
  subjectAlternativeNames: nginxSubjectAlternativeNames,
  sha256Fingerprint: nginxFingerprint,
} = nginx;
export const { pfxBase64: iisPfxBase64, keystorePassword: iisKeystorePassword } = iis;
export const { jksBase64: tomcatJksBase64, keystorePassword: tomcatKeystorePassword } = tomcat;
