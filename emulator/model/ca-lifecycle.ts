// The CA state machine (docs/api-facts.md §3):
//   PENDING ──activate/import──► ACTIVED ◄──enable── DISABLED ◄──restore── DELETED
//      │                           │ (clock) ► EXPIRED ──disable──┘  │ disable    │ delete(pending_days)
//      └─delete─► gone             └──────────────disable───────────►┘            └─(days pass)─► gone

import { parseSignatureAlgorithm } from "./algorithms.js";
import { parseIssuerId, parsePathLength } from "./ca-create.js";
import type { ModelContext } from "./context.js";
import { ApiError, invalidState } from "./errors.js";
import { parseKeyUsages } from "./extensions.js";
import { type JsonObject, requireObject, toInteger } from "./fields.js";
import { PENDING_DAYS_DEFAULT, PENDING_DAYS_MAX, PENDING_DAYS_MIN, type RevokeReason } from "./limits.js";
import { getCa, requireManagedCa } from "./lookup.js";
import type { CaRecord } from "./records.js";
import { parseRevokeReason } from "./revocation.js";
import { caStatus } from "./status.js";
import { checkPathLength, signSubordinate } from "./subordinate.js";
import { parseValidity } from "./validity.js";

const DAY_MS = 24 * 3_600_000;

function managed(ctx: ModelContext, id: string): CaRecord {
  return requireManagedCa(getCa(ctx, id));
}

async function save(ctx: ModelContext, ca: CaRecord): Promise<void> {
  await ctx.store.put("authorities", ca.id, ca);
}

/**
 * Activates a PENDING subordinate: values in the body win over those given at creation; all of
 * issuer_id, signature_algorithm and validity must be known by then.
 */
export async function activateCa(ctx: ModelContext, id: string, body: unknown): Promise<void> {
  const obj: JsonObject = body === undefined ? {} : requireObject(body, "body");
  const ca = managed(ctx, id);
  const status = caStatus(ca, ctx.clock.now());
  if (status !== "PENDING") throw invalidState(`The CA ${id} is ${status}; only a PENDING CA can be activated.`);
  const issuerId = parseIssuerId(obj) ?? ca.pending?.issuerId ?? undefined;
  const signatureAlgorithm = parseSignatureAlgorithm(obj, false) ?? ca.signatureAlgorithm ?? undefined;
  const validity = obj.validity === undefined ? (ca.pending?.validity ?? undefined) : parseValidity(obj.validity);
  const pathLength = parsePathLength(obj) ?? ca.pathLength;
  const keyUsages = parseKeyUsages(obj);
  if (!issuerId || !signatureAlgorithm || !validity) {
    throw new ApiError(
      "incorrectParameter",
      "Activating a subordinate CA needs issuer_id, signature_algorithm and validity (in this request or at creation).",
    );
  }
  const draft: CaRecord = {
    ...ca,
    pathLength,
    keyUsages: keyUsages && keyUsages.length > 0 ? keyUsages : ca.keyUsages,
  };
  checkPathLength(draft.pathLength, getCa(ctx, issuerId));
  const signed = await signSubordinate(ctx, draft, { issuerId, signatureAlgorithm, validity });
  const again = managed(ctx, id);
  if (again.status !== "PENDING") throw invalidState(`The CA ${id} changed while it was being activated.`);
  await save(ctx, signed);
}

export async function disableCa(ctx: ModelContext, id: string): Promise<void> {
  const ca = managed(ctx, id);
  const status = caStatus(ca, ctx.clock.now());
  if (status !== "ACTIVED" && status !== "EXPIRED") {
    throw invalidState(`The CA ${id} is ${status}; only an ACTIVED or EXPIRED CA can be disabled.`);
  }
  await save(ctx, { ...ca, status: "DISABLED" });
}

export async function enableCa(ctx: ModelContext, id: string): Promise<void> {
  const ca = managed(ctx, id);
  const status = caStatus(ca, ctx.clock.now());
  if (status !== "DISABLED") throw invalidState(`The CA ${id} is ${status}; only a DISABLED CA can be enabled.`);
  // Back to ACTIVED; the clock turns it into EXPIRED if its not_after has passed meanwhile.
  await save(ctx, { ...ca, status: "ACTIVED" });
}

export function parsePendingDays(raw: string | null): number {
  if (raw === null || raw === "") return PENDING_DAYS_DEFAULT;
  const days = toInteger(raw);
  if (days === undefined || days < PENDING_DAYS_MIN || days > PENDING_DAYS_MAX) {
    throw new ApiError(
      "incorrectParameter",
      `Parameter pending_days must be an integer ${PENDING_DAYS_MIN}–${PENDING_DAYS_MAX}.`,
    );
  }
  return days;
}

/** PENDING → gone at once; DISABLED → DELETED, final after `pending_days` (restorable until then). */
export async function deleteCa(ctx: ModelContext, id: string, pendingDaysRaw: string | null): Promise<void> {
  const pendingDays = parsePendingDays(pendingDaysRaw);
  const ca = managed(ctx, id);
  const now = ctx.clock.now();
  const status = caStatus(ca, now);
  if (status === "PENDING") {
    await ctx.store.delete("authorities", id);
    return;
  }
  if (status !== "DISABLED") {
    throw invalidState(`The CA ${id} is ${status}; only a PENDING or DISABLED CA can be deleted.`);
  }
  await save(ctx, { ...ca, status: "DELETED", deleteTime: now + pendingDays * DAY_MS });
}

export async function restoreCa(ctx: ModelContext, id: string): Promise<void> {
  const ca = managed(ctx, id);
  const status = caStatus(ca, ctx.clock.now());
  if (status !== "DELETED") throw invalidState(`The CA ${id} is ${status}; only a DELETED CA can be restored.`);
  await save(ctx, { ...ca, status: "DISABLED", deleteTime: null });
}

/** Subordinates only. The CA keeps its status (the API has no REVOKED CA status) but can no longer issue. */
export async function revokeCa(ctx: ModelContext, id: string, body: unknown): Promise<void> {
  const reason: RevokeReason = parseRevokeReason(body);
  const ca = managed(ctx, id);
  if (ca.type !== "SUBORDINATE") throw new ApiError("invalidCaType", "Only a subordinate CA can be revoked.");
  const status = caStatus(ca, ctx.clock.now());
  if (ca.certificatePem === null || status === "PENDING" || status === "DELETED") {
    throw invalidState(`The CA ${id} is ${status}; it has no certificate in force to revoke.`);
  }
  if (ca.revocation) throw invalidState(`The CA ${id} has already been revoked.`);
  await save(ctx, { ...ca, revocation: { reason, time: ctx.clock.now() } });
}
