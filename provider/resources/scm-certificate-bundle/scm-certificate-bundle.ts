// ScmCertificateBundle: an SSL certificate held in SCM (SSL Certificate Manager — bought or
// uploaded there, not made by this package) exported with its chain and private key (SCM "ExportCertificate",
// POST /v3/scm/certificates/{certificate_id}/export) as secret outputs, plus metadata read locally
// from the certificate. Handlers: scm-certificate-bundle.handlers.ts.
import type * as pulumi from "@pulumi/pulumi";
import type { DeclaredOutputs, PropertyKinds } from "../shared/ccm-resource.js";
import type { DerivedOutputs } from "../shared/derived-outputs.js";
import { CERTIFICATE_FACT_PROPERTIES, ExportedCertificateResource } from "../shared/exported-certificate.js";
import type { ScmCertificateBundleInputs, ScmCertificateBundleOutputs } from "./handlers.js";

export interface ScmCertificateBundleArgs {
  /** The SCM certificate's id: 16 characters, e.g. "scs1554192131150". A new id exports anew. */
  certificateId: pulumi.Input<string>;
}

const PROPERTIES = {
  certificateId: "input",
  entireCertificatePem: "output",
  certificatePem: "output",
  certificateChainPem: "output",
  privateKeyPem: "output",
  ...CERTIFICATE_FACT_PROPERTIES,
} as const satisfies PropertyKinds<ScmCertificateBundleArgs, ScmCertificateBundleInputs, ScmCertificateBundleOutputs>;

export class ScmCertificateBundle
  extends ExportedCertificateResource
  implements DeclaredOutputs<ScmCertificateBundle, ScmCertificateBundleOutputs & DerivedOutputs<"ScmCertificateBundle">>
{
  declare readonly certificateId: pulumi.Output<string>;
  /** The certificate and its chain exactly as SCM ships them (`entire_certificate`, PEM). Secret. */
  declare readonly entireCertificatePem: pulumi.Output<string>;
  /** The certificate alone (PEM, "\n" line endings). Secret. */
  declare readonly certificatePem: pulumi.Output<string>;
  /** The issuing chain, intermediate(s) then root (PEM); absent when SCM holds none. Secret. */
  declare readonly certificateChainPem: pulumi.Output<string | undefined>;
  /** The private key (PEM); absent when SCM does not hold it (a certificate applied for with your own CSR). Secret. */
  declare readonly privateKeyPem: pulumi.Output<string | undefined>;

  constructor(name: string, args: ScmCertificateBundleArgs, opts?: pulumi.CustomResourceOptions) {
    super("ScmCertificateBundle", name, args, PROPERTIES, opts);
  }
}
