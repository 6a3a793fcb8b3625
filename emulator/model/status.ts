// Statuses that follow from the clock: the real service reports EXPIRED once not_after has passed,
// and a CA whose scheduled deletion is due is gone. We derive both when reading instead of
// running timers, so moving the emulator clock takes effect at once.

import type { CaStatus, CertificateStatus } from "./limits.js";
import type { CaRecord, CertificateRecord } from "./records.js";

export function caStatus(ca: CaRecord, now: number): CaStatus {
  if (ca.status === "ACTIVED" && ca.notAfter !== null && now > ca.notAfter) return "EXPIRED";
  return ca.status;
}

export function certificateStatus(certificate: CertificateRecord, now: number): CertificateStatus {
  if (certificate.status === "ISSUED" && now > certificate.notAfter) return "EXPIRED";
  return certificate.status;
}

/** A DELETED CA past its pending days no longer exists. */
export function isPurged(ca: CaRecord, now: number): boolean {
  return ca.status === "DELETED" && ca.deleteTime !== null && now >= ca.deleteTime;
}
