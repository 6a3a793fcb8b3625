// IntermediateCaCertificate: a CCM CA signs a subordinate CA's CSR (POST /v1/private-certificates/csr
// with type INTERMEDIATE_CA, docs/api-facts.md §2.7) — the "signing elsewhere" step of the external flow when
// the signer is a CCM CA too, e.g. a root in another account or stack. The result is a CA record
// of its own that CCM only lets you read and export; its certificate and chain are what a PENDING
// PrivateCa imports. Declared in declaration.ts; handlers in handlers.ts.
import type * as pulumi from "@pulumi/pulumi";
import type { DeclaredOutputs } from "../shared/ccm-resource.js";
import { IssuedResource } from "../shared/issued-resource.js";
import { INTERMEDIATE_CA_CERTIFICATE, type IntermediateCaCertificateArgs } from "./declaration.js";
import type { IntermediateCaCertificateOutputs } from "./handlers.js";

export type { IntermediateCaCertificateArgs };

export class IntermediateCaCertificate
  extends IssuedResource
  implements DeclaredOutputs<IntermediateCaCertificate, IntermediateCaCertificateOutputs>
{
  // Outputs, generated from declaration.ts by `npm run docs`: edit the declaration, not these lines.
  /** The id CCM returned: a CA id (only GET and export work on it). Also the resource id. */
  declare readonly caId: pulumi.Output<string>;
  /** The signed CA certificate (PEM): a PrivateCa's `certificatePem` to import. Secret. */
  declare readonly certificatePem: pulumi.Output<string>;
  /** The signer's chain, issuer first, up to the root (PEM): a PrivateCa's `certificateChainPem`. Secret. */
  declare readonly certificateChainPem: pulumi.Output<string>;
  // End of the generated outputs.

  constructor(name: string, args: IntermediateCaCertificateArgs, opts?: pulumi.CustomResourceOptions) {
    super(INTERMEDIATE_CA_CERTIFICATE, name, args, opts);
  }

  /** Looks up an intermediate CA certificate by its CA id (read-only). */
  static get(name: string, id: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): IntermediateCaCertificate {
    return IntermediateCaCertificate.lookup(name, id, opts);
  }
}
