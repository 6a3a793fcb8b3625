// A certificate issued from your own CSR: CCM never sees the private key, so the bundle has none.
import * as pulumi from "@pulumi/pulumi";
import { CertificateBundle, PrivateCertificate } from "pulumi-huaweicloud-ccm";

const config = new pulumi.Config();
const certificate = new PrivateCertificate("from-csr", {
  issuerId: config.require("caId"),
  csrPem: config.requireSecret("csrPem"),
  validity: { type: "DAY", value: 30 },
  revokeOnDelete: "CESSATION_OF_OPERATION",
});
const bundle = new CertificateBundle("from-csr-pem", { certificateId: certificate.certificateId, type: "OTHER" });

export const { genMode, status } = certificate;
export const { fullChainPem, privateKeyPem, subject } = bundle;
