// A server and a client certificate for one host: the same common name, issuer and algorithms,
// but other SANs, key usages and extended key usages. The client's create waits for the server's
// certificate, then for the emulator faults in config (`faults`, JSON) to be armed, so the fault
// meets the client's apply while the server's certificate is seconds old: the case where a lookup
// that matched only name, issuer, algorithms and time would adopt the server's certificate.
import * as pulumi from "@pulumi/pulumi";
import { PrivateCertificate, type PrivateCertificateArgs } from "pulumi-huaweicloud-ccm";

const config = new pulumi.Config();
const host = "api.internal.example";
const common: PrivateCertificateArgs = {
  issuerId: config.require("caId"),
  keyAlgorithm: "EC256",
  signatureAlgorithm: "SHA256",
  distinguishedName: { commonName: host },
  validity: { type: "DAY", value: 30 },
  revokeOnDelete: "SUPERSEDED",
};

const server = new PrivateCertificate("server", {
  ...common,
  keyUsages: ["digitalSignature", "keyEncipherment"],
  extendedKeyUsage: { serverAuth: true },
  subjectAlternativeNames: [
    { type: "DNS", value: host },
    { type: "IP", value: "10.0.0.20" },
  ],
});

/** Arms the faults (not in previews); the same answer either way, so a preview shows no change. */
async function armFaults(): Promise<string> {
  const faults = config.get("faults");
  if (!faults || pulumi.runtime.isDryRun()) return "armed";
  const { ccm } = JSON.parse(new pulumi.Config("huaweicloud-ccm").require("endpoints")) as { ccm: string };
  const response = await fetch(`${ccm}/_emulator/faults`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: faults,
  });
  if (!response.ok) throw new Error(`arming faults: HTTP ${response.status}`);
  return "armed";
}

// An input that resolves only once the server exists and the faults are armed.
const armed = server.certificateId.apply(() => armFaults());

const client = new PrivateCertificate("client", {
  ...common,
  keyUsages: ["digitalSignature"],
  extendedKeyUsage: { clientAuth: true },
  subjectAlternativeNames: [{ type: "EMAIL", value: "svc@internal.example" }],
  tags: { faults: armed },
});

export const serverId = server.certificateId;
export const clientId = client.certificateId;
export const serverSuspects = server.suspectedDuplicateIds;
export const clientSuspects = client.suspectedDuplicateIds;
