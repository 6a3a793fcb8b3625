// The bench's real workload: `pairs` certificates from the CA given in config, each exported as an
// NGINX bundle that depends on it (bench/provider.mjs compares it with ../noop).
import * as pulumi from "@pulumi/pulumi";
import { CertificateBundle, PrivateCertificate } from "pulumi-huaweicloud-ccm";

const config = new pulumi.Config();
const pairs = config.requireNumber("pairs");
const caId = config.require("caId");

for (let i = 0; i < pairs; i++) {
  const name = `svc-${i}.bench.example`;
  const certificate = new PrivateCertificate(`cert-${i}`, {
    issuerId: caId,
    // EC256: key generation stays cheap, so the bench measures the provider, not the emulator's RSA.
    keyAlgorithm: "EC256",
    signatureAlgorithm: "SHA256",
    distinguishedName: { commonName: name },
    validity: { type: "DAY", value: 30 },
    subjectAlternativeNames: [{ type: "DNS", value: name }],
    extendedKeyUsage: { serverAuth: true },
  });
  new CertificateBundle(`bundle-${i}`, { certificateId: certificate.certificateId, type: "NGINX" });
}

export const count = pairs;
