// A CA made outside Pulumi, looked up read-only with PrivateCa.get.
import * as pulumi from "@pulumi/pulumi";
import { PrivateCa } from "pulumi-huaweicloud-ccm";

const adopted = PrivateCa.get("adopted", new pulumi.Config().require("caId"));

export const caId = adopted.caId;
export const type = adopted.type;
export const status = adopted.status;
export const subject = adopted.subject;
export const certificatePem = adopted.certificatePem;
