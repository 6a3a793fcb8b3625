// Every property wrong at once: `pulumi preview` must reject them all, naming each one, before
// any API call. The engine stops a preview at the first failing resource, so config chooses which
// resource is checked. The casts only let the type-checker accept what JavaScript users can write.
import * as pulumi from "@pulumi/pulumi";
import { CertificateBundle, PrivateCertificate } from "pulumi-huaweicloud-ccm";

if (new pulumi.Config().require("resource") === "certificate") {
  new PrivateCertificate("bad", {
    issuerId: "not-a-ca-id",
    keyAlgorithm: "RSA1024" as never,
    signatureAlgorithm: "MD5" as never,
    distinguishedName: { commonName: "", country: "China" },
    validity: { type: "WEEK" as never, value: 0 },
    subjectAlternativeNames: [{ type: "FTP" as never, value: "x" }],
    keyUsages: ["serverAuth" as never],
    renewBefore: "soon",
    revokeOnDelete: "LOST" as never,
  });
} else {
  new CertificateBundle("bad-bundle", {
    certificateId: "also-not-an-id",
    type: "PEM" as never,
    password: "no spaces allowed",
  });
}
