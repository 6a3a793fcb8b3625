// ScmCertificateBundle, declared once: its public Args (whose TSDoc describes each input), its
// outputs (all secret material) and its handlers; its one input replaces.
import type * as pulumi from "@pulumi/pulumi";
import { defineResource } from "../shared/declaration.js";
import { FULL_CHAIN_PEM } from "../shared/derived-outputs.js";
import { EXPORTED_CERTIFICATE_OUTPUTS, STRING_OUTPUT as text } from "../shared/output-facts.js";
import {
  type ScmCertificateBundleOutputs,
  scmCertificateBundleHandlers,
  scmCertificateBundleInputs,
} from "./handlers.js";

export interface ScmCertificateBundleArgs {
  /** The SCM certificate's id: 16 characters, e.g. "scs1554192131150". A new id exports anew. */
  certificateId: pulumi.Input<string>;
}

export const SCM_CERTIFICATE_BUNDLE = defineResource<
  typeof scmCertificateBundleInputs,
  ScmCertificateBundleOutputs,
  "ScmCertificateBundle"
>({
  name: "ScmCertificateBundle",
  description: "A certificate exported from SCM (Huawei Cloud SSL Certificate Manager).",
  inputs: scmCertificateBundleInputs,
  inputFacts: { certificateId: { change: "replace" } },
  outputs: {
    ...EXPORTED_CERTIFICATE_OUTPUTS,
    certificatePem: text('The certificate alone (PEM, "\\n" line endings).', true),
    certificateChainPem: text("The issuing chain, intermediate(s) then root (PEM); absent when SCM holds none.", {
      secret: true,
      optional: true,
    }),
    privateKeyPem: text(
      "The private key (PEM); absent when SCM does not hold it (a certificate applied for with your own CSR).",
      { secret: true, optional: true },
    ),
    entireCertificatePem: text(
      "The certificate and its chain exactly as SCM ships them (`entire_certificate`, PEM).",
      true,
    ),
  },
  derivedOutputs: { fullChainPem: FULL_CHAIN_PEM },
  handlers: scmCertificateBundleHandlers,
});
