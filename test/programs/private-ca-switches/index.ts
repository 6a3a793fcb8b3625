// A root CA whose switches the e2e test turns in place through config (enabled, ocspEnabled, crl),
// a subordinate that destroy revokes, and, when `issue` is true, a certificate from the root.
import * as pulumi from "@pulumi/pulumi";
import { PrivateCa, PrivateCertificate } from "pulumi-huaweicloud-ccm";
import { EC256, ORGANISATION } from "../shared.ts";

const config = new pulumi.Config();
// An empty value means "not given", so a test can take a knob back.
const flag = (key: string) => (config.get(key) ? config.getBoolean(key) : undefined);

const root = new PrivateCa("root", {
  type: "ROOT",
  distinguishedName: { commonName: "Switches Root", ...ORGANISATION },
  ...EC256,
  validity: { type: "YEAR", value: 2 },
  enabled: flag("enabled"),
  ocspEnabled: flag("ocspEnabled"),
  crlConfiguration: config.getObject<{ enabled: boolean; obsBucketName?: string; validDays?: number }>("crl"),
});
const sub = new PrivateCa("sub", {
  type: "SUBORDINATE",
  issuerId: root.caId,
  distinguishedName: { commonName: "Switches Sub", ...ORGANISATION },
  ...EC256,
  validity: { type: "YEAR", value: 1 },
  pathLength: 0,
  revokeOnDelete: "CESSATION_OF_OPERATION",
});
const leaf = flag("issue")
  ? new PrivateCertificate("leaf", {
      issuerId: root.caId,
      ...EC256,
      distinguishedName: { commonName: "leaf.switches.example" },
      validity: { type: "DAY", value: 30 },
    })
  : undefined;

export const rootCaId = root.caId;
export const rootStatus = root.status;
export const rootEnabled = root.enabled;
export const rootOcspEnabled = root.ocspEnabled;
export const rootCrl = root.crlConfiguration;
export const subCaId = sub.caId;
export const leafId = leaf?.certificateId;
