// ScmCertificateBundle: an SSL certificate held in SCM (SSL Certificate Manager — bought or
// uploaded there, not made by this package) exported with its chain and private key (SCM "ExportCertificate",
// POST /v3/scm/certificates/{certificate_id}/export) as secret outputs, plus metadata read locally
// from the certificate. Declared in declaration.ts; handlers in handlers.ts.
import type * as pulumi from "@pulumi/pulumi";
import type { DeclaredOutputs } from "../shared/ccm-resource.js";
import { ExportedCertificateResource } from "../shared/exported-certificate.js";
import { SCM_CERTIFICATE_BUNDLE, type ScmCertificateBundleArgs } from "./declaration.js";
import type { ScmCertificateBundleOutputs } from "./handlers.js";

export type { ScmCertificateBundleArgs };

export class ScmCertificateBundle
  extends ExportedCertificateResource
  implements DeclaredOutputs<ScmCertificateBundle, ScmCertificateBundleOutputs & { fullChainPem: string }>
{
  // Outputs, generated from declaration.ts by `npm run docs`: edit the declaration, not these lines.
  /** The certificate alone (PEM, "\n" line endings). Secret. */
  declare readonly certificatePem: pulumi.Output<string>;
  /** The issuing chain, intermediate(s) then root (PEM); absent when SCM holds none. Secret. */
  declare readonly certificateChainPem: pulumi.Output<string | undefined>;
  /** The private key (PEM); absent when SCM does not hold it (a certificate applied for with your own CSR). Secret. */
  declare readonly privateKeyPem: pulumi.Output<string | undefined>;
  /** The certificate and its chain exactly as SCM ships them (`entire_certificate`, PEM). Secret. */
  declare readonly entireCertificatePem: pulumi.Output<string>;
  /**
   * The leaf followed by its chain, each certificate once — what nginx's ssl_certificate wants. Computed from
   * certificatePem and certificateChainPem, not kept in state. Secret.
   */
  declare readonly fullChainPem: pulumi.Output<string>;
  // End of the generated outputs.
  declare readonly certificateId: pulumi.Output<string>;

  constructor(name: string, args: ScmCertificateBundleArgs, opts?: pulumi.CustomResourceOptions) {
    super(SCM_CERTIFICATE_BUNDLE, name, args, opts);
  }
}
