// Acting on orphans: revoke and/or delete certificates, then disable and delete CAs (children
// before their issuers, each scheduled with pending days, so still restorable). Every id is checked
// against the held set once more, right before the call: nothing a state holds is ever touched.
import type { CcmClient } from "../client/index.js";
import type { RevocationReason } from "../schemas/enums.js";
import type { Orphan } from "./find.js";

export interface CleanOptions {
  readonly revoke: boolean;
  readonly delete: boolean;
  readonly reason: RevocationReason;
  readonly pendingDays: number;
}

export interface CleanOutcome {
  readonly id: string;
  readonly kind: Orphan["kind"];
  readonly done: string[];
  readonly error?: string;
}

async function cleanCertificate(client: CcmClient, orphan: Orphan, options: CleanOptions): Promise<string[]> {
  const done: string[] = [];
  if (options.revoke && orphan.status === "ISSUED") {
    const { alreadyRevoked } = await client.certificates.revoke(orphan.id, options.reason);
    done.push(alreadyRevoked ? "already revoked" : `revoked (${options.reason})`);
  }
  if (options.delete) {
    const { existed } = await client.certificates.delete(orphan.id);
    done.push(existed ? "deleted" : "already gone");
  }
  return done;
}

async function cleanCa(client: CcmClient, orphan: Orphan, options: CleanOptions): Promise<string[]> {
  // NO-OP for --revoke alone: revoking a CA cannot be undone and CCM revokes only subordinates;
  // deleting (disable, then delete after pending days) is the restorable way out.
  if (!options.delete) return [];
  const done: string[] = [];
  if (orphan.status === "ACTIVED" || orphan.status === "EXPIRED") {
    await client.cas.disable(orphan.id);
    done.push("disabled");
  }
  const { existed } = await client.cas.delete(orphan.id, options.pendingDays);
  done.push(existed ? `deleted (restorable for ${options.pendingDays} days)` : "already gone");
  return done;
}

/** Depth of a CA below the others in the list, so subordinates are deleted before their issuers. */
function depth(orphan: Orphan, byId: Map<string, Orphan>): number {
  let n = 0;
  for (let at = orphan; at.issuerId && byId.has(at.issuerId) && n < 16; n++) at = byId.get(at.issuerId) as Orphan;
  return n;
}

export async function cleanOrphans(
  client: CcmClient,
  orphans: readonly Orphan[],
  heldIds: ReadonlySet<string>,
  options: CleanOptions,
): Promise<CleanOutcome[]> {
  const outcomes: CleanOutcome[] = [];
  const run = async (orphan: Orphan, act: () => Promise<string[]>): Promise<void> => {
    if (heldIds.has(orphan.id)) throw new Error(`refusing to touch ${orphan.id}: a given state holds it`);
    try {
      outcomes.push({ id: orphan.id, kind: orphan.kind, done: await act() });
    } catch (error) {
      outcomes.push({ id: orphan.id, kind: orphan.kind, done: [], error: (error as Error).message });
    }
  };
  for (const orphan of orphans.filter((o) => o.kind === "certificate")) {
    await run(orphan, () => cleanCertificate(client, orphan, options));
  }
  const cas = orphans.filter((o) => o.kind === "CA");
  const byId = new Map(cas.map((o) => [o.id, o]));
  for (const orphan of [...cas].sort((a, b) => depth(b, byId) - depth(a, byId))) {
    await run(orphan, () => cleanCa(client, orphan, options));
  }
  return outcomes;
}
