// IntermediateCaCertificate: a CCM CA signs a subordinate CA's CSR (POST /v1/private-certificates/csr
// with type INTERMEDIATE_CA, docs/api-facts.md §2.7) — the "signing elsewhere" step of the external flow when
// the signer is a CCM CA too, e.g. a root in another account or stack. The result is a CA record
// of its own that CCM only lets you read and export; its certificate and chain are what a PENDING
// PrivateCa imports. Handlers: intermediate-ca-certificate.handlers.ts.
import type * as pulumi from "@pulumi/pulumi";
import type { ValidityArgs } from "../private-certificate/private-certificate.js";
import type { DeclaredOutputs, PropertyKinds } from "../shared/ccm-resource.js";
import { ISSUED_PROPERTIES, IssuedResource } from "../shared/issued-resource.js";
import type { IntermediateCaCertificateInputs, IntermediateCaCertificateOutputs } from "./handlers.js";

export interface IntermediateCaCertificateArgs {
  /** The signing CA (ACTIVED, holding its key in CCM): its CCM id, a lower-case UUID. */
  issuerId: pulumi.Input<string>;
  /** The CSR to sign: typically a PENDING PrivateCa's `csrPem`. Stored as a secret. */
  csrPem: pulumi.Input<string>;
  /** How long the signed CA's certificate is valid: at most 20 years, and never past the issuer's notAfter. */
  validity: pulumi.Input<ValidityArgs>;
  /**
   * How many CA levels may follow below the signed CA (the path length constraint): 0–6 (default
   * 0), below the issuer's.
   */
  pathLength?: pulumi.Input<number>;
  /**
   * The enterprise project (Huawei Cloud EPS) the signed CA belongs to: "0" (the default project),
   * "all", or an enterprise project id (a lower-case UUID).
   */
  enterpriseProjectId?: pulumi.Input<string>;
}

const PROPERTIES = {
  issuerId: "input",
  csrPem: "input",
  validity: "input",
  pathLength: "input",
  enterpriseProjectId: "input",
  caId: "resource id",
  status: "output",
  ...ISSUED_PROPERTIES,
  certificatePem: "output",
  certificateChainPem: "output",
} as const satisfies PropertyKinds<
  IntermediateCaCertificateArgs,
  IntermediateCaCertificateInputs,
  IntermediateCaCertificateOutputs
>;

export class IntermediateCaCertificate
  extends IssuedResource
  implements DeclaredOutputs<IntermediateCaCertificate, IntermediateCaCertificateOutputs>
{
  /** The id CCM returned: a CA id (only GET and export work on it). Also the resource id. */
  readonly caId: pulumi.Output<string>;
  declare readonly status: pulumi.Output<string>;
  /** The signed CA certificate (PEM, secret): a PrivateCa's `certificatePem` to import. */
  declare readonly certificatePem: pulumi.Output<string>;
  /** The signer's chain, issuer first, up to the root (PEM, secret): a PrivateCa's `certificateChainPem`. */
  declare readonly certificateChainPem: pulumi.Output<string>;

  constructor(name: string, args: IntermediateCaCertificateArgs, opts?: pulumi.CustomResourceOptions) {
    super("IntermediateCaCertificate", name, args, PROPERTIES, opts);
    this.caId = this.id;
  }

  /** Looks up an intermediate CA certificate by its CA id (read-only). */
  static get(name: string, id: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): IntermediateCaCertificate {
    return IntermediateCaCertificate.lookup(name, id, opts);
  }
}
