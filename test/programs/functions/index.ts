// The lookups in a TypeScript program (they run in the program's process): a CA another team
// manages, found by name and tags, issues this stack's certificate; a lookup whose argument is
// known only after up; the promise form; the lists and the quotas.
import * as pulumi from "@pulumi/pulumi";
import {
  getPrivateCaOutput,
  getPrivateCas,
  getPrivateCasOutput,
  getPrivateCertificateOutput,
  getPrivateCertificatesOutput,
  getQuotasOutput,
  PrivateCertificate,
} from "pulumi-huaweicloud-ccm";

const config = new pulumi.Config();
const team = getPrivateCaOutput({ commonName: config.require("teamCaName"), tags: { team: "security" } });
const app = new PrivateCertificate("app", {
  issuerId: team.caId,
  keyAlgorithm: "EC256",
  signatureAlgorithm: "SHA256",
  distinguishedName: { commonName: "app.team.example" },
  subjectAlternativeNames: [{ type: "DNS", value: "app.team.example" }],
  validity: { type: "DAY", value: 90 },
});
const issued = getPrivateCertificateOutput({ certificateId: app.certificateId });
const expiring = getPrivateCertificatesOutput({ issuerId: team.caId, expiringWithinDays: 40 });
const listed = getPrivateCasOutput({ type: "ROOT" });

export const teamCaId = team.caId;
export const teamCaPem = team.certificatePem;
export const appIssuerId = app.issuerId;
export const issuedStatus = issued.status;
export const issuedSans = issued.subjectAlternativeNames;
export const issuedSerial = issued.serialNumber;
export const expiringIds = expiring.ids;
export const rootIds = listed.ids;
export const activeCount = getPrivateCas({ status: "ACTIVED" }).then((found) => found.cas.length);
export const caUsed = getQuotasOutput().caUsed;
