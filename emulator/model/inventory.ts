// Everything the emulator holds, for tests and for people debugging a client
// (`GET /_emulator/inventory`). Not an API of the real service; snake_case like the API.

import type { ModelContext } from "./context.js";
import { caStatus, certificateStatus, isPurged } from "./status.js";

export function inventory(ctx: ModelContext) {
  const now = ctx.clock.now();
  const cas = ctx.store
    .list("authorities")
    .filter((ca) => !isPurged(ca, now))
    .sort((a, b) => a.createTime - b.createTime || a.id.localeCompare(b.id))
    .map((ca) => ({
      id: ca.id,
      type: ca.type,
      status: caStatus(ca, now),
      gen_mode: ca.genMode,
      common_name: ca.distinguishedName.commonName,
      issuer_id: ca.issuerId,
      issuer_name: ca.issuerName,
      serial_number: ca.serialNumber,
      path_length: ca.pathLength,
      not_before: ca.notBefore,
      not_after: ca.notAfter,
      revocation_reason: ca.revocation?.reason ?? null,
      tags: ca.tags,
      create_time: ca.createTime,
      // A scheduled deletion: the CA is still restorable until delete_time.
      deleted: ca.status === "DELETED",
      delete_time: ca.deleteTime,
      listed: ca.listed,
    }));
  const certificates = ctx.store
    .list("certificates")
    .sort((a, b) => a.createTime - b.createTime || a.id.localeCompare(b.id))
    .map((certificate) => ({
      id: certificate.id,
      status: certificateStatus(certificate, now),
      gen_mode: certificate.genMode,
      common_name: certificate.distinguishedName.commonName,
      issuer_id: certificate.issuerId,
      issuer_name: certificate.issuerName,
      serial_number: certificate.serialNumber,
      not_before: certificate.notBefore,
      not_after: certificate.notAfter,
      revocation_reason: certificate.revocation?.reason ?? null,
      tags: certificate.tags,
      create_time: certificate.createTime,
      // Deleting a certificate is immediate, so a deleted one is simply absent.
      deleted: false,
    }));
  return {
    certificate_authorities: cas,
    certificates,
    scm_certificates: ctx.store.list("scm_certificates").map((record) => ({ id: record.id })),
    sms_tasks: ctx.store.list("sms_tasks").map((record) => ({ id: record.id })),
  };
}

/** Removes CAs whose scheduled deletion is due (they already read as absent). */
export async function purgeDue(ctx: ModelContext): Promise<void> {
  const now = ctx.clock.now();
  for (const ca of ctx.store.list("authorities")) {
    if (isPurged(ca, now)) await ctx.store.delete("authorities", ca.id);
  }
}
