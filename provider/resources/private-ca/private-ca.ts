// PrivateCa: a CCM private CA (docs/api-facts.md §3) — a ROOT, a SUBORDINATE signed inside CCM by `issuerId`,
// or a SUBORDINATE signed elsewhere: created PENDING, its CSR (CCM "ExportCertificateAuthorityCsr") exposed as `csrPem`, and
// activated when the signed certificate is supplied as `certificatePem` + `certificateChainPem`
// (an in-place update that imports it). Declared in declaration.ts; handlers in handlers.ts.
import type * as pulumi from "@pulumi/pulumi";
import type { DeclaredOutputs } from "../shared/ccm-resource.js";
import { IssuedResource } from "../shared/issued-resource.js";
import {
  type CaDistinguishedNameArgs,
  type CrlConfigurationArgs,
  PRIVATE_CA,
  type PrivateCaArgs,
} from "./declaration.js";
import type { PrivateCaOutputs } from "./inputs.js";

export type { CaDistinguishedNameArgs, CrlConfigurationArgs, PrivateCaArgs };

export class PrivateCa extends IssuedResource implements DeclaredOutputs<PrivateCa, PrivateCaOutputs> {
  // Outputs, generated from declaration.ts by `npm run docs`: edit the declaration, not these lines.
  /**
   * The CCM CA id: the resource's id. Unlike the other outputs it stays known while a preview plans an in-place
   * update (tags, an import), so certificates issued from it are not shown as replaced when nothing about the CA
   * changes.
   */
  declare readonly caId: pulumi.Output<string>;
  /**
   * PENDING, ACTIVED, DISABLED, DELETED (scheduled for deletion) or EXPIRED, as of the last create, update or
   * refresh.
   */
  declare readonly status: pulumi.Output<string>;
  /**
   * GENERATE (signed inside CCM), IMPORT (signed elsewhere and imported) or CSR (issued from a CSR, taken over by
   * id).
   */
  declare readonly genMode: pulumi.Output<string>;
  /** When a CA scheduled for deletion will be gone (ISO 8601). */
  declare readonly deleteTime: pulumi.Output<string>;
  /**
   * A SUBORDINATE created without issuerId: its certificate signing request (PEM). Fetched once while PENDING and
   * kept after activation (CCM exports it only while PENDING). Secret.
   */
  declare readonly csrPem: pulumi.Output<string>;
  /** The CA's certificate (PEM) once ACTIVED, as exported. Secret. */
  declare readonly certificatePem: pulumi.Output<string>;
  /** The CA's chain above it, up to the root (PEM); a root's chain is the root itself. Secret. */
  declare readonly certificateChainPem: pulumi.Output<string>;
  /**
   * Set only when the create's response was lost and it was re-sent: CAs that appeared meanwhile, match this one's
   * request and no resource holds — possible duplicates to check and delete by hand (`pulumi up` also prints a
   * warning naming them).
   */
  declare readonly suspectedDuplicateIds: pulumi.Output<string[] | undefined>;
  // End of the generated outputs.
  declare readonly type: pulumi.Output<string>;
  declare readonly tags: pulumi.Output<Record<string, string> | undefined>;
  declare readonly pendingDays: pulumi.Output<number | undefined>;
  /** As given, or as a refresh found it when it was given (a CA disabled or enabled outside the stack). */
  declare readonly enabled: pulumi.Output<boolean | undefined>;
  /** As given, or as a refresh found it when it was given. */
  declare readonly ocspEnabled: pulumi.Output<boolean | undefined>;
  /** As given, or as a refresh found it when it was given. */
  declare readonly crlConfiguration: pulumi.Output<CrlConfigurationArgs | undefined>;
  declare readonly revokeOnDelete: pulumi.Output<string | undefined>;

  constructor(name: string, args: PrivateCaArgs, opts?: pulumi.CustomResourceOptions) {
    super(PRIVATE_CA, name, args, opts);
  }

  /**
   * Looks up an existing CA by id (read-only: Pulumi does not create, update or delete it).
   * `pulumi import` does not work for dynamic providers (pulumi/pulumi#16175); this does.
   */
  static get(name: string, id: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): PrivateCa {
    return PrivateCa.lookup(name, id, opts);
  }
}
