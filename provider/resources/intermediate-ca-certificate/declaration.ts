// IntermediateCaCertificate, declared once: its public Args (whose TSDoc describes each input),
// what a change of each input does, which are secret, its outputs and its handlers.
import type * as pulumi from "@pulumi/pulumi";
import { defineResource } from "../shared/declaration.js";
import { ISSUED_OUTPUTS, STRING_OUTPUT as text } from "../shared/output-facts.js";
import type { ValidityArgs } from "../shared/validity-args.js";
import {
  type IntermediateCaCertificateOutputs,
  intermediateCaCertificateHandlers,
  intermediateCaCertificateInputs,
} from "./handlers.js";

export interface IntermediateCaCertificateArgs {
  /** The signing CA (ACTIVED, holding its key in CCM): its CCM id, a lower-case UUID. */
  issuerId: pulumi.Input<string>;
  /** The CSR to sign: typically a PENDING PrivateCa's `csrPem`. Stored as a secret. */
  csrPem: pulumi.Input<string>;
  /** How long the signed CA's certificate is valid: at most 20 years, and never past the issuer's notAfter. */
  validity: pulumi.Input<ValidityArgs>;
  /**
   * How many CA levels may follow below the signed CA (the path length constraint): 0–6 (default
   * 0), below the issuer's.
   */
  pathLength?: pulumi.Input<number>;
  /**
   * The enterprise project (Huawei Cloud EPS) the signed CA belongs to: "0" (the default project),
   * "all", or an enterprise project id (a lower-case UUID).
   */
  enterpriseProjectId?: pulumi.Input<string>;
}

export const INTERMEDIATE_CA_CERTIFICATE = defineResource<
  typeof intermediateCaCertificateInputs,
  IntermediateCaCertificateOutputs,
  "IntermediateCaCertificate"
>({
  name: "IntermediateCaCertificate",
  description: "Signs a pending subordinate CA's CSR with an issuing CA, which activates the subordinate.",
  inputs: intermediateCaCertificateInputs,
  // Everything is an issuance field: any change signs a new certificate.
  inputFacts: {
    issuerId: { change: "replace" },
    csrPem: { change: "replace", secret: true },
    validity: { change: "replace" },
    pathLength: { change: "replace", default: "0" },
    enterpriseProjectId: { change: "replace", default: '"0" (the default project)' },
  },
  outputs: {
    caId: {
      ...text("The id CCM returned: a CA id (only GET and export work on it). Also the resource id."),
      isId: true,
    },
    ...ISSUED_OUTPUTS,
    certificatePem: text("The signed CA certificate (PEM): a PrivateCa's `certificatePem` to import.", true),
    certificateChainPem: text(
      "The signer's chain, issuer first, up to the root (PEM): a PrivateCa's `certificateChainPem`.",
      true,
    ),
  },
  handlers: intermediateCaCertificateHandlers,
});
