// The chaos workload: a CA chain created by the stack itself (root → issuing CA) and `pairs`
// certificates from the issuing CA, each exported as an NGINX bundle that depends on it. The
// inputs are in workload.ts, shared with the YAML twin of this program.
import * as pulumi from "@pulumi/pulumi";
import { CertificateBundle, PrivateCa, PrivateCertificate } from "pulumi-huaweicloud-ccm";
import { chaosCertificateArgs, issuingCaArgs, rootCaArgs } from "./workload.ts";

const config = new pulumi.Config();
const pairs = config.requireNumber("pairs");
const label = config.get("label") ?? "chaos";

const root = new PrivateCa("root", rootCaArgs(label));
const issuing = new PrivateCa("issuing", issuingCaArgs(label, root.caId));

for (let i = 0; i < pairs; i++) {
  const certificate = new PrivateCertificate(`cert-${i}`, chaosCertificateArgs(label, i, issuing.caId));
  new CertificateBundle(`bundle-${i}`, { certificateId: certificate.certificateId, type: "NGINX" });
}

export const rootCaId = root.caId;
export const issuingCaId = issuing.caId;
