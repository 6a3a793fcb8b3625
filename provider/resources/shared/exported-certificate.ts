// The base class of the two certificate exports (CertificateBundle, ScmCertificateBundle): the
// outputs read locally from the exported certificate (output-facts.ts,
// EXPORTED_CERTIFICATE_OUTPUTS), declared once here by `npm run docs`. fullChainPem is derived from
// two of them by CcmResource (each declaration's derivedOutputs).
import type * as pulumi from "@pulumi/pulumi";
import { CcmResource } from "./ccm-resource.js";

export abstract class ExportedCertificateResource extends CcmResource {
  // Outputs, generated from declaration.ts by `npm run docs`: edit the declaration, not these lines.
  /** Hex serial number of the (leaf) certificate, read locally. */
  declare readonly serialNumber: pulumi.Output<string>;
  /** Start of validity of the leaf, ISO 8601. */
  declare readonly notBefore: pulumi.Output<string>;
  /** End of validity of the leaf, ISO 8601. */
  declare readonly notAfter: pulumi.Output<string>;
  /** SHA-256 fingerprint of the (leaf) certificate, "AB:CD:…". */
  declare readonly sha256Fingerprint: pulumi.Output<string>;
  /** The (leaf) certificate's subject, e.g. "C=CN\nO=Example\nCN=web.internal.example". */
  declare readonly subject: pulumi.Output<string>;
  /** Its subject alternative names, e.g. ["DNS:web.internal.example", "IP Address:10.0.0.1"]. */
  declare readonly subjectAlternativeNames: pulumi.Output<string[]>;
  /** The leaf certificate (PEM, "\n" line endings). Secret. */
  declare readonly certificatePem: pulumi.Output<string>;
  /** The issuing chain, intermediate(s) then root (PEM). Secret. */
  declare readonly certificateChainPem: pulumi.Output<string | undefined>;
  // End of the generated outputs.
}
