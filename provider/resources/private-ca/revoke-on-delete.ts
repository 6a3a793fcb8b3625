// revokeOnDelete for a SUBORDINATE PrivateCa: destroy revokes the CA's certificate with the given
// reason before it disables and schedules the CA's deletion (CCM revokes subordinate CAs only,
// docs/api-facts.md §3). A CA without a certificate in force (PENDING, DELETED) has nothing to revoke.
import { isCcmApiError, isNotFoundError } from "../../errors.js";
import type { HandlerContext } from "../../kernel/context.js";
import type { CheckFailure } from "../../kernel/handlers.js";
import { CA_STATUSES_WITH_CERTIFICATE, type RevocationReason } from "../../schemas/enums.js";
import { containsUnknown } from "../shared/unknowns.js";
import type { PrivateCaOutputs } from "./inputs.js";

/** revokeOnDelete on anything but a SUBORDINATE (a type still unknown at preview is let through). */
export function revokeOnDeleteFailures(given: Record<string, unknown>): CheckFailure[] {
  const type = given.type;
  if (given.revokeOnDelete === undefined || type === "SUBORDINATE" || containsUnknown(type)) return [];
  return [
    {
      property: "revokeOnDelete",
      reason: "CCM revokes only SUBORDINATE CAs (a ROOT has no issuer to revoke it); leave it out for a ROOT",
    },
  ];
}

export async function revokeBeforeDelete(context: HandlerContext, id: string, props: PrivateCaOutputs): Promise<void> {
  const reason = props.revokeOnDelete as RevocationReason | undefined;
  if (!reason || props.type !== "SUBORDINATE") return;
  const api = context.client;
  const info = await api.cas.find(id);
  if (!info || !CA_STATUSES_WITH_CERTIFICATE.has(info.status)) return;
  try {
    await api.cas.revoke(id, reason);
  } catch (error) {
    if (isNotFoundError(error)) return;
    if (!isCcmApiError(error) || error.status >= 500) throw error;
    // CCM reports no revocation on a CA, so a refusal cannot be checked against one: after an
    // earlier destroy that revoked and then failed, the repeat is refused; go on to delete.
    await context.log.warn(
      `PrivateCa ${id}: CCM refused the revocation (${error.message}); it was most likely revoked by an earlier destroy. Deleting it.`,
    );
  }
}
