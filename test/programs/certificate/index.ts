// A private certificate from the CA named in config, with the knobs the e2e tests turn.
import * as pulumi from "@pulumi/pulumi";
import { PrivateCertificate } from "pulumi-huaweicloud-ccm";

const config = new pulumi.Config();
const tags = config.getObject<Record<string, string>>("tags");

const certificate = new PrivateCertificate("web", {
  issuerId: config.require("caId"),
  keyAlgorithm: "EC256",
  signatureAlgorithm: "SHA256",
  distinguishedName: { commonName: config.get("commonName") ?? "web.internal.example" },
  validity: {
    type: (config.get("validityType") as "DAY" | "HOUR" | undefined) ?? "DAY",
    value: config.getNumber("validityValue") ?? 30,
  },
  subjectAlternativeNames: [{ type: "DNS", value: "web.internal.example" }],
  extendedKeyUsage: { serverAuth: true },
  keyUsages: ["digitalSignature", "keyAgreement"],
  renewBefore: config.get("renewBefore"),
  revokeOnDelete: config.get("revokeOnDelete") as "SUPERSEDED" | undefined,
  tags,
});

export const certificateId = certificate.certificateId;
export const status = certificate.status;
export const serialNumber = certificate.serialNumber;
export const notAfter = certificate.notAfter;
export const readyForRenewal = certificate.readyForRenewal;
export const subject = certificate.subject;
