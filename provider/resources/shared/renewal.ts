// When a certificate should be replaced: it is revoked or expired, or it entered its renewal
// window (now ≥ notAfter − renewBefore). Computed from state and the clock only, so `pulumi
// preview` and `up` plan the renewal without a refresh and without an API call.

/** Statuses after which the certificate no longer serves and the next `up` replaces it. */
export const REPLACING_STATUSES: ReadonlySet<unknown> = new Set(["REVOKED", "EXPIRED"]);

export function isRenewalDue(
  status: string | undefined,
  notAfter: string | undefined,
  renewBeforeMs: number | undefined,
  now: number,
): boolean {
  if (REPLACING_STATUSES.has(status)) return true;
  if (!notAfter) return false;
  const end = Date.parse(notAfter);
  if (!Number.isFinite(end)) return false;
  return now >= end - (renewBeforeMs ?? 0);
}

/**
 * The validity to send with a create: a `startFrom` that has already passed is left out, so the
 * object starts now. A replacement (renewal, a revoked or expired certificate, changed arguments)
 * creates from the stored inputs, whose `startFrom` may lie far in the past — which CCM refuses
 * (more than 5 minutes back). State keeps the user's value, so the next diff sees no change.
 */
export function validityFromNow<V extends { startFrom?: number | string }>(validity: V, now: number): V {
  if (validity.startFrom === undefined) return validity;
  const start = typeof validity.startFrom === "number" ? validity.startFrom : Date.parse(validity.startFrom);
  if (!(start < now)) return validity;
  const { startFrom: _passed, ...fromNow } = validity;
  return fromNow as V;
}
