// An existing certificate, made outside this stack, looked up by id and exported.
import * as pulumi from "@pulumi/pulumi";
import { CertificateBundle, PrivateCertificate } from "pulumi-huaweicloud-ccm";

const config = new pulumi.Config();
const existing = PrivateCertificate.get("existing", config.require("certificateId"));
const bundle = new CertificateBundle("existing-pem", { certificateId: existing.certificateId, type: "OTHER" });

export const { status, serialNumber, subject, issuerId, keyAlgorithm, notAfter } = existing;
export const bundleSerialNumber = bundle.serialNumber;
