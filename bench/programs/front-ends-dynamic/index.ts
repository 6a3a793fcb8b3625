// The twin of test/languages/nodejs-sdk/index.ts on the dynamic-provider classes: the same resources
// and inputs, so bench/front-ends.mjs compares the two TypeScript front ends on one program.
import * as pulumi from "@pulumi/pulumi";
import * as ccm from "pulumi-huaweicloud-ccm";

const config = new pulumi.Config();
const hostname = config.get("hostname") ?? "app.internal.example";
const organisation = {
  country: "CN",
  state: "Sichuan",
  locality: "Chengdu",
  organization: "Example Corp",
  organizationalUnit: "Platform",
};

const root = new ccm.PrivateCa("root", {
  type: "ROOT",
  distinguishedName: { commonName: "Example Root CA", ...organisation },
  keyAlgorithm: "EC384",
  signatureAlgorithm: "SHA384",
  validity: { type: "YEAR", value: 10 },
  pendingDays: 7,
});

const issuing = new ccm.PrivateCa("issuing", {
  type: "SUBORDINATE",
  issuerId: root.caId,
  distinguishedName: { commonName: "Example Issuing CA", ...organisation },
  keyAlgorithm: "EC256",
  signatureAlgorithm: "SHA256",
  validity: { type: "YEAR", value: 5 },
  pathLength: 0,
  pendingDays: 7,
});

const certificate = new ccm.PrivateCertificate("app", {
  issuerId: issuing.caId,
  keyAlgorithm: "EC256",
  signatureAlgorithm: "SHA256",
  distinguishedName: { commonName: hostname },
  subjectAlternativeNames: [{ type: "DNS", value: hostname }],
  keyUsages: ["digitalSignature", "keyAgreement"],
  extendedKeyUsage: { serverAuth: true },
  validity: { type: "DAY", value: 90 },
  renewBefore: "30d",
  revokeOnDelete: "SUPERSEDED",
  tags: { app: "demo" },
});

const nginx = new ccm.CertificateBundle("nginx", { certificateId: certificate.certificateId, type: "NGINX" });

// bench/front-ends.mjs: more certificate + bundle pairs under the issuing CA (config `pairs`, default 1).
for (let i = 1; i < (config.getNumber("pairs") ?? 1); i++) {
  const more = new ccm.PrivateCertificate(`app-${i}`, {
    issuerId: issuing.caId,
    keyAlgorithm: "EC256",
    signatureAlgorithm: "SHA256",
    distinguishedName: { commonName: `svc-${i}.internal.example` },
    subjectAlternativeNames: [{ type: "DNS", value: `svc-${i}.internal.example` }],
    validity: { type: "DAY", value: 90 },
  });
  new ccm.CertificateBundle(`nginx-${i}`, { certificateId: more.certificateId, type: "NGINX" });
}

export const rootCaId = root.caId;
export const certificateId = certificate.certificateId;
export const status = certificate.status;
export const serialNumber = nginx.serialNumber;
export const fullChainPem = nginx.fullChainPem;
export const privateKeyPem = nginx.privateKeyPem;
