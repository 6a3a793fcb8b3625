// CertificateBundle: a private certificate exported for a server type (CCM "Exporting a Certificate",
// POST /v1/private-certificates/{id}/export) — PEMs, and a PFX (IIS) or JKS (TOMCAT) keystore with
// its password — as secret outputs, plus metadata read locally from the certificate.
// Handlers: certificate-bundle.handlers.ts.
import type * as pulumi from "@pulumi/pulumi";
import type { ExportType } from "../../schemas/enums.js";
import type { DeclaredOutputs, PropertyKinds } from "../shared/ccm-resource.js";
import type { DerivedOutputs } from "../shared/derived-outputs.js";
import { CERTIFICATE_FACT_PROPERTIES, ExportedCertificateResource } from "../shared/exported-certificate.js";
import type { CertificateBundleInputs, CertificateBundleOutputs } from "./handlers.js";

/** The server type a bundle is exported for. (The same values as `limits.ExportType`.) */
export type CertificateBundleType = ExportType;

export interface CertificateBundleArgs {
  /** The certificate to export (a PrivateCertificate's certificateId). */
  certificateId: pulumi.Input<string>;
  /**
   * The server type to export for. APACHE, NGINX or OTHER: PEMs. IIS: also a PFX (pfxBase64).
   * TOMCAT: also a JKS (jksBase64).
   */
  type: pulumi.Input<CertificateBundleType>;
  /**
   * Encrypts the exported private key (PEM, "Proc-Type: 4,ENCRYPTED") and protects the PFX/JKS;
   * without it the key is exported unencrypted and the service picks the keystore password.
   * At most 32 bytes of letters, digits and , . + - _ #. Stored as a secret.
   */
  password?: pulumi.Input<string>;
}

const PROPERTIES = {
  certificateId: "input",
  type: "input",
  password: "input",
  certificatePem: "output",
  certificateChainPem: "output",
  privateKeyPem: "output",
  pfxBase64: "output",
  jksBase64: "output",
  keystorePassword: "output",
  ...CERTIFICATE_FACT_PROPERTIES,
  certificateStatus: "output",
} as const satisfies PropertyKinds<CertificateBundleArgs, CertificateBundleInputs, CertificateBundleOutputs>;

export class CertificateBundle
  extends ExportedCertificateResource
  implements DeclaredOutputs<CertificateBundle, CertificateBundleOutputs & DerivedOutputs<"CertificateBundle">>
{
  declare readonly certificateId: pulumi.Output<string>;
  declare readonly type: pulumi.Output<ExportType>;
  /** The leaf certificate (PEM, "\n" line endings). Secret. */
  declare readonly certificatePem: pulumi.Output<string>;
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

  constructor(name: string, args: CertificateBundleArgs, opts?: pulumi.CustomResourceOptions) {
    super("CertificateBundle", name, args, PROPERTIES, opts);
  }
}
