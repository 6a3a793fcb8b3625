// The outputs every CCM-issued object (PrivateCa, PrivateCertificate, IntermediateCaCertificate)
// reports from the service's record of it: declared once, here.
import type * as pulumi from "@pulumi/pulumi";
import { CcmResource } from "./ccm-resource.js";

export abstract class IssuedResource extends CcmResource {
  declare readonly serialNumber: pulumi.Output<string>;
  /** ISO 8601; absent while a CA is PENDING. */
  declare readonly notBefore: pulumi.Output<string>;
  /** ISO 8601; absent while a CA is PENDING. */
  declare readonly notAfter: pulumi.Output<string>;
  declare readonly issuerName: pulumi.Output<string>;
  /**
   * The subject as the service reports it: a certificate's with the fields inherited from its
   * CA, an intermediate CA certificate's taken from the CSR.
   */
  declare readonly subject: pulumi.Output<Record<string, string>>;
}
