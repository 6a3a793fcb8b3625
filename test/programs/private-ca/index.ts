// A root CA and a PENDING subordinate (signed elsewhere, never here), with the knobs the e2e
// tests turn: tags and pendingDays (in place), and values check must refuse.
import * as pulumi from "@pulumi/pulumi";
import { PrivateCa } from "pulumi-huaweicloud-ccm";
import { ORGANISATION } from "../shared.ts";

const config = new pulumi.Config();
// An empty value means "not given", so a test can take a knob back.
const optionalNumber = (key: string) => (config.get(key) ? Number(config.get(key)) : undefined);

const root = new PrivateCa("root", {
  type: "ROOT",
  distinguishedName: { commonName: "Lifecycle Root", ...ORGANISATION, country: config.get("country") ?? "CN" },
  keyAlgorithm: (config.get("keyAlgorithm") ?? "EC256") as "EC256",
  signatureAlgorithm: "SHA256",
  validity: { type: "YEAR", value: config.getNumber("validityYears") ?? 2 },
  pathLength: optionalNumber("rootPathLength"),
  pendingDays: optionalNumber("pendingDays"),
  tags: config.getObject<Record<string, string>>("tags"),
});

const pending = new PrivateCa("pending", {
  type: "SUBORDINATE",
  distinguishedName: { commonName: "Lifecycle Pending", ...ORGANISATION },
  keyAlgorithm: "EC256",
  certificatePem: config.getSecret("pendingCertificatePem"),
});

export const rootCaId = root.caId;
export const rootStatus = root.status;
export const rootTags = root.tags;
export const pendingCaId = pending.caId;
export const pendingStatus = pending.status;
