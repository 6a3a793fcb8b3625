// Bad ids for the SCM and SMS resources: `pulumi preview` must reject them, naming each property,
// before any API call. The engine stops a preview at the first failing resource, so config chooses
// which resource is checked. The casts only let the type-checker accept what JavaScript users can write.
import * as pulumi from "@pulumi/pulumi";
import { MigrationTaskCertKey, ScmCertificateBundle } from "pulumi-huaweicloud-ccm";

const config = new pulumi.Config();

if (config.require("resource") === "scm") {
  // 15 characters: SCM ids have exactly 16.
  new ScmCertificateBundle("bad-scm", { certificateId: "scs155419213115" });
} else {
  new MigrationTaskCertKey("bad-sms", { taskId: "", enableCaCert: "yes" as never });
}
