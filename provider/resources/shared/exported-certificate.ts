// What both certificate exports (CertificateBundle, ScmCertificateBundle) share: the outputs read
// locally from the exported certificate (CertificateFacts, certificate-facts.ts), and fullChainPem,
// which is computed here from the stored leaf and chain rather than stored (derived-outputs.ts).
import * as pulumi from "@pulumi/pulumi";
import { CcmResource } from "./ccm-resource.js";
import type { CertificateFacts } from "./certificate-facts.js";
import { chainParts, DERIVED_OUTPUTS } from "./derived-outputs.js";

/** The facts as named properties of a class's PROPERTIES. */
export const CERTIFICATE_FACT_PROPERTIES = {
  serialNumber: "output",
  notBefore: "output",
  notAfter: "output",
  sha256Fingerprint: "output",
  subject: "output",
  subjectAlternativeNames: "output",
} as const satisfies Record<keyof CertificateFacts, "output">;

type ExportTypeName = keyof typeof DERIVED_OUTPUTS;

export abstract class ExportedCertificateResource extends CcmResource {
  // Declared again, with their descriptions, by each subclass.
  declare readonly certificatePem: pulumi.Output<string>;
  declare readonly certificateChainPem: pulumi.Output<string | undefined>;
  /**
   * The leaf followed by its chain, each certificate once — what nginx's ssl_certificate wants.
   * Secret. Computed in the program from certificatePem and certificateChainPem, not kept in state.
   */
  readonly fullChainPem: pulumi.Output<string>;
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

  protected constructor(
    type: ExportTypeName,
    name: string,
    args: object | undefined,
    properties: Readonly<Record<string, "input" | "output">>,
    opts: pulumi.CustomResourceOptions | undefined,
  ) {
    super(type, name, args, properties, opts);
    const derive = DERIVED_OUTPUTS[type].fullChainPem;
    const fullChain = pulumi
      .all([this.certificatePem, this.certificateChainPem])
      .apply(([certificatePem, certificateChainPem]) => {
        // No certificate only where no engine made the resource (a unit test's mock that returned
        // none): then this is absent too, like any output the mock left out.
        const parts = chainParts({ certificatePem, certificateChainPem });
        return parts && derive(parts);
      });
    // Secret like what it is made of; unknown at preview like them.
    this.fullChainPem = pulumi.secret(fullChain) as pulumi.Output<string>;
  }
}
