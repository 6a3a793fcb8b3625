// PrivateCertificate: a certificate issued by a CCM private CA (CCM "Applying for a Certificate", POST /v1/private-certificates),
// or from your own CSR (POST /v1/private-certificates/csr) so the key never leaves you. Its PEMs
// and keystores come from a CertificateBundle. Declared in declaration.ts; handlers in handlers.ts.
import type * as pulumi from "@pulumi/pulumi";
import type { DeclaredOutputs } from "../shared/ccm-resource.js";
import { IssuedResource } from "../shared/issued-resource.js";
import {
  type CustomizedExtensionArgs,
  type DistinguishedNameArgs,
  type ExtendedKeyUsageArgs,
  PRIVATE_CERTIFICATE,
  type PrivateCertificateArgs,
  type SubjectAlternativeNameArgs,
  type SubjectAlternativeNameType,
} from "./declaration.js";
import type { PrivateCertificateOutputs } from "./inputs.js";

export type {
  CustomizedExtensionArgs,
  DistinguishedNameArgs,
  ExtendedKeyUsageArgs,
  PrivateCertificateArgs,
  SubjectAlternativeNameArgs,
  SubjectAlternativeNameType,
};

export class PrivateCertificate
  extends IssuedResource
  implements DeclaredOutputs<PrivateCertificate, PrivateCertificateOutputs>
{
  // Outputs, generated from declaration.ts by `npm run docs`: edit the declaration, not these lines.
  /**
   * The CCM certificate id: the resource's id. Unlike the other outputs it stays known during a preview of an
   * in-place update (a tags change), so bundles built from it are not shown as replaced when nothing about the
   * certificate changes.
   */
  declare readonly certificateId: pulumi.Output<string>;
  /** ISSUED, REVOKED or EXPIRED, as of the last create, update or refresh. */
  declare readonly status: pulumi.Output<string>;
  /** GENERATE (the service made the key) or CSR. */
  declare readonly genMode: pulumi.Output<string>;
  /** True once now ≥ notAfter − renewBefore (or the certificate is revoked or expired). */
  declare readonly readyForRenewal: pulumi.Output<boolean>;
  /**
   * Set only when the create's response was lost and it was re-sent: certificates that appeared meanwhile, match this
   * one's request and no resource holds — possible duplicates to check and delete by hand (`pulumi up` also prints a
   * warning naming them).
   */
  declare readonly suspectedDuplicateIds: pulumi.Output<string[] | undefined>;
  // End of the generated outputs.
  declare readonly issuerId: pulumi.Output<string>;
  declare readonly keyAlgorithm: pulumi.Output<string | undefined>;
  declare readonly signatureAlgorithm: pulumi.Output<string | undefined>;
  declare readonly tags: pulumi.Output<Record<string, string> | undefined>;
  declare readonly renewBefore: pulumi.Output<string | undefined>;
  declare readonly revokeOnDelete: pulumi.Output<string | undefined>;

  constructor(name: string, args: PrivateCertificateArgs, opts?: pulumi.CustomResourceOptions) {
    super(PRIVATE_CERTIFICATE, name, args, opts);
  }

  /**
   * Looks up an existing certificate by id (read-only: Pulumi does not create, update or delete
   * it). `pulumi import` does not work for dynamic providers (pulumi/pulumi#16175); this does.
   */
  static get(name: string, id: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): PrivateCertificate {
    return PrivateCertificate.lookup(name, id, opts);
  }
}
