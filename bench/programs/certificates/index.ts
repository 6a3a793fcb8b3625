// The bench's real workload: `pairs` certificates from the CA given in config, each exported as an
// NGINX bundle that depends on it (bench/provider.mjs compares it with ../noop).
import * as pulumi from "@pulumi/pulumi";
import { CertificateBundle, PrivateCertificate } from "pulumi-huaweicloud-ccm";
import { leafCertificateArgs } from "./leaf.ts";

const config = new pulumi.Config();
const pairs = config.requireNumber("pairs");
const caId = config.require("caId");

for (let i = 0; i < pairs; i++) {
  const certificate = new PrivateCertificate(`cert-${i}`, leafCertificateArgs(caId, `svc-${i}.bench.example`));
  new CertificateBundle(`bundle-${i}`, { certificateId: certificate.certificateId, type: "NGINX" });
}

export const count = pairs;
