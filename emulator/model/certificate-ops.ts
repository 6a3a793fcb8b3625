import type { ModelContext } from "./context.js";
import { invalidState } from "./errors.js";
import { getCertificate } from "./lookup.js";
import { parseRevokeReason } from "./revocation.js";
import { certificateStatus } from "./status.js";

/** "Deleting a private certificate deletes it immediately; scheduled deletion is not supported." Any status. */
export async function deleteCertificate(ctx: ModelContext, id: string): Promise<void> {
  getCertificate(ctx, id);
  await ctx.store.delete("certificates", id);
}

/** ISSUED → REVOKED. Expired or already revoked certificates are refused. */
export async function revokeCertificate(ctx: ModelContext, id: string, body: unknown): Promise<void> {
  const reason = parseRevokeReason(body);
  const certificate = getCertificate(ctx, id);
  const status = certificateStatus(certificate, ctx.clock.now());
  if (status !== "ISSUED")
    throw invalidState(`The certificate ${id} is ${status}; only an ISSUED certificate can be revoked.`);
  await ctx.store.put("certificates", id, {
    ...certificate,
    status: "REVOKED",
    revocation: { reason, time: ctx.clock.now() },
  });
}
