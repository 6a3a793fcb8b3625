// Revocation, declared once: its public Args (whose TSDoc describes each input), what a change of
// each input does (a new target replaces; a new reason changes nothing CCM recorded), its outputs
// and its handlers. No secrets: ids and reasons only.
import type * as pulumi from "@pulumi/pulumi";
import type { RevocationReason } from "../../schemas/enums.js";
import { defineResource } from "../shared/declaration.js";
import { STRING_OUTPUT as text } from "../shared/output-facts.js";
import { revocationHandlers } from "./handlers.js";
import { type RevocationOutputs, revocationInputs } from "./inputs.js";

export interface RevocationArgs {
  /**
   * The private certificate to revoke (its CCM id, a lower-case UUID), one this stack need not
   * manage. Give this or caId, not both. A new id revokes another certificate (a replacement).
   */
  certificateId?: pulumi.Input<string>;
  /**
   * The SUBORDINATE CA to revoke (its CCM id, a lower-case UUID); CCM revokes no ROOT CA. Give
   * this or certificateId, not both. A new id revokes another CA (a replacement).
   */
  caId?: pulumi.Input<string>;
  /**
   * Why it is revoked (RFC 5280 CRLReason). CCM keeps the reason of the first revocation: a later
   * change is kept in state only, makes no API call and is reported as a warning. CCM's API does
   * not report the reason, so an import leaves it out.
   */
  reason?: pulumi.Input<RevocationReason>;
}

export const REVOCATION = defineResource<typeof revocationInputs, RevocationOutputs, "Revocation">({
  name: "Revocation",
  description:
    "The revocation of a private certificate or SUBORDINATE CA the stack need not manage; destroying it leaves the target revoked.",
  inputs: revocationInputs,
  inputFacts: {
    certificateId: { change: "replace" },
    caId: { change: "replace" },
    reason: { change: "update", default: "UNSPECIFIED" },
  },
  outputs: {
    targetKind: text("CERTIFICATE or CA: what was revoked."),
    status: text(
      "The target's status as CCM reports it, as of the last create or refresh: a certificate's is REVOKED; a CA keeps its own (ACTIVED, DISABLED, EXPIRED: CCM has no REVOKED CA status).",
    ),
    commonName: text("The target's common name.", { optional: true }),
    serialNumber: text("The target's serial number, hexadecimal.", { optional: true }),
    alreadyRevoked: {
      type: "boolean",
      description:
        "True when the target was revoked before this resource revoked it (found so at create, or imported).",
    },
    revokedWithReason: text(
      "The reason this resource's revocation sent, which CCM keeps; absent when it revoked nothing (alreadyRevoked).",
      { optional: true },
    ),
  },
  handlers: revocationHandlers,
});
