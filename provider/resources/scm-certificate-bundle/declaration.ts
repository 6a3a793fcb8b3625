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
    entireCertificatePem: text("The certificate as SCM exports it (leaf and chain), PEM.", true),
  },
  derivedOutputs: { fullChainPem: FULL_CHAIN_PEM },
  handlers: scmCertificateBundleHandlers,
});
