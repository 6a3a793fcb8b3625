// One resource, chosen by config, whose create test/resources/partial-create.e2e.test.ts makes
// fail half-way with an emulator fault (after the object exists): the program stays the same
// while the stack goes through the failed `up`, then refresh, destroy or a fixed `up`.
import * as pulumi from "@pulumi/pulumi";
import { IntermediateCaCertificate, PrivateCa, PrivateCertificate } from "pulumi-huaweicloud-ccm";
import { EC256, ORGANISATION } from "../shared.ts";

const config = new pulumi.Config();
const tags = config.getObject<Record<string, string>>("tags");

function declare(resource: string): { id: pulumi.Output<string>; status: pulumi.Output<string> } {
  switch (resource) {
    case "certificate":
      return new PrivateCertificate("partial", {
        issuerId: config.require("caId"),
        ...EC256,
        distinguishedName: { commonName: "partial.internal.example" },
        validity: { type: "DAY", value: 30 },
        tags,
      });
    case "root-ca":
      return new PrivateCa("partial", {
        type: "ROOT",
        distinguishedName: { commonName: "Partial Root", ...ORGANISATION },
        ...EC256,
        validity: { type: "YEAR", value: 1 },
        tags,
      });
    case "root-ca-switched":
      // Disabled at birth with OCSP on: two steps after the create.
      return new PrivateCa("partial", {
        type: "ROOT",
        distinguishedName: { commonName: "Partial Switched Root", ...ORGANISATION },
        ...EC256,
        validity: { type: "YEAR", value: 1 },
        enabled: false,
        ocspEnabled: true,
      });
    case "pending-ca":
      return new PrivateCa("partial", {
        distinguishedName: { commonName: "Partial Pending", ...ORGANISATION },
        // No issuer, signature or validity: the CA waits, PENDING, for its CSR to be signed.
        type: "SUBORDINATE",
        keyAlgorithm: "EC256",
        tags,
      });
    case "intermediate":
      return new IntermediateCaCertificate("partial", {
        issuerId: config.require("caId"),
        csrPem: config.requireSecret("csrPem"),
        validity: { type: "YEAR", value: 1 },
      });
    default:
      throw new Error(`unknown resource ${resource}`);
  }
}

const resource = declare(config.require("resource"));
export const id = resource.id;
export const status = resource.status;
