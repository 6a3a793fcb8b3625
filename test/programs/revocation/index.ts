// The incident-response case: a leaked certificate and a compromised subordinate CA, both made
// outside this stack (their ids come from config), are revoked. Config `reason` changes the
// certificate's reason; config `extra` (JSON, or "null") declares one more Revocation as given,
// untyped, so that bad input reaches check as a JavaScript user's would.
import * as pulumi from "@pulumi/pulumi";
import { Revocation, type RevocationArgs } from "pulumi-huaweicloud-ccm";

const config = new pulumi.Config();
const certificate = new Revocation("leaked-certificate", {
  certificateId: config.require("certificateId"),
  reason: (config.get("reason") ?? "KEY_COMPROMISE") as RevocationArgs["reason"],
});
const ca = new Revocation("compromised-subordinate", {
  caId: config.require("caId"),
  reason: "CERTIFICATE_AUTHORITY_COMPROMISE",
});
const extra = config.getObject<Record<string, unknown> | null>("extra");
const another = extra ? new Revocation("another", extra as RevocationArgs) : undefined;

export const certificateStatus = certificate.status;
export const certificateKind = certificate.targetKind;
export const certificateCommonName = certificate.commonName;
export const certificateSerial = certificate.serialNumber;
export const certificateAlreadyRevoked = certificate.alreadyRevoked;
export const certificateReason = certificate.reason;
export const certificateRecordedReason = certificate.revokedWithReason;
export const caStatus = ca.status;
export const caKind = ca.targetKind;
export const caCommonName = ca.commonName;
export const caAlreadyRevoked = ca.alreadyRevoked;
export const anotherAlreadyRevoked = another?.alreadyRevoked;
