// CertificateBundle: a private certificate exported for a server type (CCM "Exporting a Certificate",
// POST /v1/private-certificates/{id}/export) — PEMs, and a PFX (IIS) or JKS (TOMCAT) keystore with
// its password — as secret outputs, plus metadata read locally from the certificate.
// Declared in declaration.ts; handlers in handlers.ts.
import type * as pulumi from "@pulumi/pulumi";
import type { ExportType } from "../../schemas/enums.js";
import type { DeclaredOutputs } from "../shared/ccm-resource.js";
import { ExportedCertificateResource } from "../shared/exported-certificate.js";
import { CERTIFICATE_BUNDLE, type CertificateBundleArgs, type CertificateBundleType } from "./declaration.js";
import type { CertificateBundleOutputs } from "./handlers.js";

export type { CertificateBundleArgs, CertificateBundleType };

export class CertificateBundle
  extends ExportedCertificateResource
  implements DeclaredOutputs<CertificateBundle, CertificateBundleOutputs & { fullChainPem: string }>
{
  // Outputs, generated from declaration.ts by `npm run docs`: edit the declaration, not these lines.
  /** The issuing chain, intermediate(s) then root (PEM). Secret. */
  declare readonly certificateChainPem: pulumi.Output<string>;
  /** The private key (PEM; encrypted when a password is given). Absent for CSR-issued certificates. Secret. */
  declare readonly privateKeyPem: pulumi.Output<string | undefined>;
  /** IIS: the PKCS#12 keystore (server.pfx), base64. Secret. */
  declare readonly pfxBase64: pulumi.Output<string | undefined>;
  /** TOMCAT: the Java KeyStore (server.jks), base64. Secret. */
  declare readonly jksBase64: pulumi.Output<string | undefined>;
  /** IIS/TOMCAT: the keystore password (the one given, or keystorePass.txt). Secret. */
  declare readonly keystorePassword: pulumi.Output<string | undefined>;
  /** The certificate's status at the last export or refresh: ISSUED, REVOKED or EXPIRED. */
  declare readonly certificateStatus: pulumi.Output<string>;
  /**
   * The leaf followed by its chain, each certificate once — what nginx's ssl_certificate wants. Computed from
   * certificatePem and certificateChainPem, not kept in state. Secret.
   */
  declare readonly fullChainPem: pulumi.Output<string>;
  // End of the generated outputs.
  declare readonly certificateId: pulumi.Output<string>;
  declare readonly type: pulumi.Output<ExportType>;

  constructor(name: string, args: CertificateBundleArgs, opts?: pulumi.CustomResourceOptions) {
    super(CERTIFICATE_BUNDLE, name, args, opts);
  }
}
