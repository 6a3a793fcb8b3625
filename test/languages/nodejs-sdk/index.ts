// The quickstart's shape on the generated Node.js SDK (sdk/nodejs): the same resources as the YAML,
// Go and Python programs, served by the native plugin (tokens huaweicloud-ccm:index:*), not by the
// dynamic-provider classes. Run by test/languages/nodejs-sdk.languages.test.ts in a project where
// the built SDK is installed (bench/lib/nodejs-sdk.mjs), and by bench/front-ends.mjs.
import * as pulumi from "@pulumi/pulumi";
import * as ccm from "@pulumi-huaweicloud-ccm/sdk";

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
  // A CA's id is its CCM CA id (caId is the same value, typed as optional by the schema).
  issuerId: root.id,
  distinguishedName: { commonName: "Example Issuing CA", ...organisation },
  keyAlgorithm: "EC256",
  signatureAlgorithm: "SHA256",
  validity: { type: "YEAR", value: 5 },
  pathLength: 0,
  pendingDays: 7,
});

const certificate = new ccm.PrivateCertificate("app", {
  issuerId: issuing.id,
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

const nginx = new ccm.CertificateBundle("nginx", { certificateId: certificate.id, type: "NGINX" });

// bench/front-ends.mjs: more certificate + bundle pairs under the issuing CA (config `pairs`, default 1).
for (let i = 1; i < (config.getNumber("pairs") ?? 1); i++) {
  const more = new ccm.PrivateCertificate(`app-${i}`, {
    issuerId: issuing.id,
    keyAlgorithm: "EC256",
    signatureAlgorithm: "SHA256",
    distinguishedName: { commonName: `svc-${i}.internal.example` },
    subjectAlternativeNames: [{ type: "DNS", value: `svc-${i}.internal.example` }],
    validity: { type: "DAY", value: 90 },
  });
  new ccm.CertificateBundle(`nginx-${i}`, { certificateId: more.id, type: "NGINX" });
}

// CCM_TAKEN_OVER: the certificate `pulumi import` adopted, as the program taking it over states it
// (its subject as issued: the common name given, the rest inherited from the root CA).
if (process.env.CCM_TAKEN_OVER) {
  new ccm.PrivateCertificate("legacy", {
    issuerId: root.id,
    keyAlgorithm: "RSA2048",
    signatureAlgorithm: "SHA256",
    distinguishedName: { commonName: "legacy.internal.example", ...organisation },
    validity: { type: "DAY", value: 10 },
  });
}

export const rootCaId = root.caId;
export const certificateId = certificate.certificateId;
export const status = certificate.status;
export const serialNumber = nginx.serialNumber;
export const fullChainPem = nginx.fullChainPem;
export const privateKeyPem = nginx.privateKeyPem;
