// CertificateBundle, declared once: its public Args (whose TSDoc describes each input), which are
// secret (every input replaces: an export is redone), its outputs and its handlers.
import type * as pulumi from "@pulumi/pulumi";
import type { ExportType } from "../../schemas/enums.js";
import { defineResource } from "../shared/declaration.js";
import { FULL_CHAIN_PEM } from "../shared/derived-outputs.js";
import { EXPORTED_CERTIFICATE_OUTPUTS, STRING_OUTPUT as text } from "../shared/output-facts.js";
import { type CertificateBundleOutputs, certificateBundleHandlers, certificateBundleInputs } from "./handlers.js";

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

export const CERTIFICATE_BUNDLE = defineResource<
  typeof certificateBundleInputs,
  CertificateBundleOutputs,
  "CertificateBundle"
>({
  name: "CertificateBundle",
  description: "The PEMs (and PFX/JKS keystores) of a private certificate, exported from CCM.",
  inputs: certificateBundleInputs,
  inputFacts: {
    certificateId: { change: "replace" },
    type: { change: "replace" },
    password: { change: "replace", secret: true },
  },
  outputs: {
    ...EXPORTED_CERTIFICATE_OUTPUTS,
    // Always there for a CCM certificate: its issuer is a CCM CA.
    certificateChainPem: text("The issuing chain, intermediate(s) then root (PEM).", true),
    privateKeyPem: text(
      "The private key (PEM; encrypted when a password is given). Absent for CSR-issued certificates.",
      { secret: true, optional: true },
    ),
    pfxBase64: text("IIS: the PKCS#12 keystore (server.pfx), base64.", { secret: true, optional: true }),
    jksBase64: text("TOMCAT: the Java KeyStore (server.jks), base64.", { secret: true, optional: true }),
    keystorePassword: text("IIS/TOMCAT: the keystore password (the one given, or keystorePass.txt).", {
      secret: true,
      optional: true,
    }),
    certificateStatus: text("The certificate's status at the last export or refresh: ISSUED, REVOKED or EXPIRED."),
  },
  derivedOutputs: { fullChainPem: FULL_CHAIN_PEM },
  handlers: certificateBundleHandlers,
});
