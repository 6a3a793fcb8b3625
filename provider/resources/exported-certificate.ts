// The outputs both certificate exports (CertificateBundle, ScmCertificateBundle) read locally from
// the exported certificate (CertificateFacts, certificate-facts.ts): declared once, here.
import type * as pulumi from "@pulumi/pulumi";
import { CcmResource } from "./ccm-resource.js";
import type { CertificateFacts } from "./certificate-facts.js";

/** The facts as named properties of a class's PROPERTIES. */
export const CERTIFICATE_FACT_PROPERTIES = {
  serialNumber: "output",
  notBefore: "output",
  notAfter: "output",
  sha256Fingerprint: "output",
  subject: "output",
  subjectAlternativeNames: "output",
} as const satisfies Record<keyof CertificateFacts, "output">;

export abstract class ExportedCertificateResource extends CcmResource {
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
