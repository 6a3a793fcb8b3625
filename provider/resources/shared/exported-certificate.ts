// What both certificate exports (CertificateBundle, ScmCertificateBundle) share: the outputs read
// locally from the exported certificate (CertificateFacts, certificate-facts.ts), and fullChainPem,
// which CcmResource computes from the stored leaf and chain rather than it being stored
// (its declaration's derivedOutputs, derived-outputs.ts).
import type * as pulumi from "@pulumi/pulumi";
import { CcmResource } from "./ccm-resource.js";

export abstract class ExportedCertificateResource extends CcmResource {
  // Declared again, with their descriptions, by each subclass.
  declare readonly certificatePem: pulumi.Output<string>;
  declare readonly certificateChainPem: pulumi.Output<string | undefined>;
  /**
   * The leaf followed by its chain, each certificate once — what nginx's ssl_certificate wants.
   * Secret. Computed in the program from certificatePem and certificateChainPem, not kept in state.
   */
  declare readonly fullChainPem: pulumi.Output<string>;
  /** Hex serial number of the (leaf) certificate, read locally. */
  declare readonly serialNumber: pulumi.Output<string>;
  /** ISO 8601. */
  declare readonly notBefore: pulumi.Output<string>;
  /** ISO 8601. */
  declare readonly notAfter: pulumi.Output<string>;
  /** SHA-256 fingerprint of the (leaf) certificate, "AB:CD:…". */
  declare readonly sha256Fingerprint: pulumi.Output<string>;
  /** The (leaf) certificate's subject, e.g. "C=CN\nO=Example\nCN=web.internal.example". */
  declare readonly subject: pulumi.Output<string>;
  /** Its subject alternative names, e.g. ["DNS:web.internal.example", "IP Address:10.0.0.1"]. */
  declare readonly subjectAlternativeNames: pulumi.Output<string[]>;
}
