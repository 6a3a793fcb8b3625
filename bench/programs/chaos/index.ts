// The chaos workload: a CA chain created by the stack itself (root → issuing CA) and `pairs`
// certificates from the issuing CA, each exported as an NGINX bundle that depends on it. Every
// certificate has its own common name, so a duplicate is visible in the emulator's inventory.
import * as pulumi from "@pulumi/pulumi";
import { CertificateBundle, PrivateCa, PrivateCertificate } from "pulumi-huaweicloud-ccm";

const config = new pulumi.Config();
const pairs = config.requireNumber("pairs");
const label = config.get("label") ?? "chaos";
const organisation = {
  country: "CN",
  state: "Sichuan",
  locality: "Chengdu",
  organization: "Chaos Corp",
  organizationalUnit: label,
};

const root = new PrivateCa("root", {
  type: "ROOT",
  distinguishedName: { commonName: `${label} Root CA`, ...organisation },
  keyAlgorithm: "EC256",
  signatureAlgorithm: "SHA256",
  validity: { type: "YEAR", value: 5 },
});
const issuing = new PrivateCa("issuing", {
  type: "SUBORDINATE",
  issuerId: root.caId,
  distinguishedName: { commonName: `${label} Issuing CA`, ...organisation },
  keyAlgorithm: "EC256",
  signatureAlgorithm: "SHA256",
  validity: { type: "YEAR", value: 2 },
  pathLength: 0,
});

for (let i = 0; i < pairs; i++) {
  const name = `svc-${i}.${label}.example`;
  const certificate = new PrivateCertificate(`cert-${i}`, {
    issuerId: issuing.caId,
    // EC256: cheap keys, so the run measures the provider under faults, not the emulator's RSA.
    keyAlgorithm: "EC256",
    signatureAlgorithm: "SHA256",
    distinguishedName: { commonName: name },
    validity: { type: "DAY", value: 30 },
    subjectAlternativeNames: [{ type: "DNS", value: name }],
    extendedKeyUsage: { serverAuth: true },
    revokeOnDelete: "SUPERSEDED",
  });
  new CertificateBundle(`bundle-${i}`, { certificateId: certificate.certificateId, type: "NGINX" });
}

export const rootCaId = root.caId;
export const issuingCaId = issuing.caId;
