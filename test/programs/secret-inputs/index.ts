// Every secret input of one resource (chosen by config) given a bad value that carries the
// config's `marker`: `pulumi preview` must refuse each, naming the property, and the marker must
// appear nowhere in the CLI's output. The engine stops a preview at the first failing resource,
// hence one resource per stack. The casts only let the type-checker accept bad values.
import * as pulumi from "@pulumi/pulumi";
import { CertificateBundle, IntermediateCaCertificate, PrivateCa, PrivateCertificate } from "pulumi-huaweicloud-ccm";
import { ORGANISATION } from "../shared.ts";

const config = new pulumi.Config();
const marker = config.require("marker");
const ISSUER = "2cb2878b-6cd1-460d-bd25-afe655159bdc";
/** Both CSR-signing resources get the same unparseable CSR. */
const badCsr = { issuerId: ISSUER, csrPem: `csr-${marker}` };

switch (config.require("resource")) {
  case "PrivateCa":
    new PrivateCa("bad-secrets", {
      type: "ROOT",
      distinguishedName: { commonName: "Secret Inputs Root", ...ORGANISATION },
      keyAlgorithm: "EC256",
      signatureAlgorithm: "SHA256",
      validity: { type: "YEAR", value: 1 },
      // Well formed, but a root imports nothing: refused by a rule across properties.
      certificatePem: `-----BEGIN CERTIFICATE-----\n${marker}\n-----END CERTIFICATE-----\n`,
      // Not a PEM at all: refused by the schema.
      certificateChainPem: `chain-${marker}`,
    });
    break;
  case "IntermediateCaCertificate":
    new IntermediateCaCertificate("bad-secrets", { ...badCsr, validity: { type: "YEAR", value: 1 } });
    break;
  case "PrivateCertificate":
    new PrivateCertificate("bad-secrets", { ...badCsr, validity: { type: "DAY", value: 30 } });
    break;
  case "CertificateBundle":
    new CertificateBundle("bad-secrets", {
      certificateId: ISSUER,
      type: "NGINX",
      password: `spaces are not allowed ${marker}`,
    });
    break;
  default:
    throw new Error("unknown resource");
}
