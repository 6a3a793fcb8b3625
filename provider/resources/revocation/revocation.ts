// Revocation: revokes a private certificate (CCM "Revoking a Certificate", POST
// /v1/private-certificates/{id}/revoke) or a SUBORDINATE CA (POST
// /v1/private-certificate-authorities/{id}/revoke) that the stack need not manage — the incident
// response case. Destroying it leaves the target revoked. Declared in declaration.ts; handlers in
// handlers.ts.
import type * as pulumi from "@pulumi/pulumi";
import type { RevocationReason } from "../../schemas/enums.js";
import { CcmResource, type DeclaredOutputs } from "../shared/ccm-resource.js";
import { REVOCATION, type RevocationArgs } from "./declaration.js";
import type { RevocationOutputs } from "./inputs.js";

export type { RevocationArgs };

export class Revocation extends CcmResource implements DeclaredOutputs<Revocation, RevocationOutputs> {
  // Outputs, generated from declaration.ts by `npm run docs`: edit the declaration, not these lines.
  /** CERTIFICATE or CA: what was revoked. */
  declare readonly targetKind: pulumi.Output<string>;
  /**
   * The target's status as CCM reports it, as of the last create or refresh: a certificate's is REVOKED; a CA keeps
   * its own (ACTIVED, DISABLED, EXPIRED: CCM has no REVOKED CA status).
   */
  declare readonly status: pulumi.Output<string>;
  /** The target's common name. */
  declare readonly commonName: pulumi.Output<string | undefined>;
  /** The target's serial number, hexadecimal. */
  declare readonly serialNumber: pulumi.Output<string | undefined>;
  /** True when the target was revoked before this resource revoked it (found so at create, or imported). */
  declare readonly alreadyRevoked: pulumi.Output<boolean>;
  /** The reason this resource's revocation sent, which CCM keeps; absent when it revoked nothing (alreadyRevoked). */
  declare readonly revokedWithReason: pulumi.Output<string | undefined>;
  // End of the generated outputs.
  declare readonly certificateId: pulumi.Output<string | undefined>;
  declare readonly caId: pulumi.Output<string | undefined>;
  declare readonly reason: pulumi.Output<RevocationReason | undefined>;

  constructor(name: string, args: RevocationArgs, opts?: pulumi.CustomResourceOptions) {
    super(REVOCATION, name, args, opts);
  }

  /**
   * Takes over a revocation made elsewhere, by the target's id (read-only: Pulumi does not create,
   * update or delete it). `pulumi import` does not work for dynamic providers (pulumi/pulumi#16175);
   * this does.
   */
  static get(name: string, id: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): Revocation {
    return Revocation.lookup(name, id, opts);
  }
}
