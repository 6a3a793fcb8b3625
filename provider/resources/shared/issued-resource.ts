// The base class of the resources CCM issues (PrivateCa, PrivateCertificate,
// IntermediateCaCertificate): the outputs the service's record of each gives alike
// (output-facts.ts, ISSUED_OUTPUTS), declared once here by `npm run docs`.
import type * as pulumi from "@pulumi/pulumi";
import { CcmResource } from "./ccm-resource.js";

export abstract class IssuedResource extends CcmResource {
  // Outputs, generated from declaration.ts by `npm run docs`: edit the declaration, not these lines.
  /** PENDING, ACTIVED, DISABLED, DELETED or EXPIRED, as of the last create, update or refresh. */
  declare readonly status: pulumi.Output<string>;
  /** Serial number, hexadecimal. */
  declare readonly serialNumber: pulumi.Output<string>;
  /** Start of validity, ISO 8601; absent while a CA is PENDING. */
  declare readonly notBefore: pulumi.Output<string>;
  /** End of validity, ISO 8601; absent while a CA is PENDING. */
  declare readonly notAfter: pulumi.Output<string>;
  /** Common name of the issuing CA. */
  declare readonly issuerName: pulumi.Output<string>;
  /**
   * The subject as the service reports it: a certificate's with the fields inherited from its CA, an intermediate CA
   * certificate's taken from the CSR.
   */
  declare readonly subject: pulumi.Output<Record<string, string>>;
  // End of the generated outputs.
}
