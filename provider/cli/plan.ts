// What acting on orphans would do, call by call: the one plan that `--dry-run` prints and that
// clean.ts carries out, so what the user reads is exactly what runs. Certificates come first
// (revoke, then delete), then CAs, subordinates before their issuers (disable, then delete with
// pending days: restorable until then). CAs are never revoked: that cannot be undone.
import type { RevocationReason } from "../schemas/enums.js";
import type { Orphan } from "./find.js";

export interface CleanOptions {
  readonly revoke: boolean;
  readonly delete: boolean;
  readonly reason: RevocationReason;
  readonly pendingDays: number;
}

export type Step =
  | { readonly call: "revoke certificate"; readonly reason: RevocationReason }
  | { readonly call: "delete certificate" }
  | { readonly call: "disable CA" }
  | { readonly call: "delete CA"; readonly pendingDays: number };

export interface PlannedAction {
  readonly orphan: Orphan;
  readonly steps: readonly Step[];
}

function certificateSteps(orphan: Orphan, options: CleanOptions): Step[] {
  const steps: Step[] = [];
  if (options.revoke && orphan.status === "ISSUED") steps.push({ call: "revoke certificate", reason: options.reason });
  if (options.delete) steps.push({ call: "delete certificate" });
  return steps;
}

function caSteps(orphan: Orphan, options: CleanOptions): Step[] {
  // NO-OP for --revoke alone: revoking a CA cannot be undone and CCM revokes only subordinates;
  // deleting (disable, then delete after pending days) is the restorable way out.
  if (!options.delete) return [];
  const steps: Step[] = [];
  if (orphan.status === "ACTIVED" || orphan.status === "EXPIRED") steps.push({ call: "disable CA" });
  steps.push({ call: "delete CA", pendingDays: options.pendingDays });
  return steps;
}

/** Depth of a CA below the others in the list, so subordinates are deleted before their issuers. */
function depth(orphan: Orphan, byId: ReadonlyMap<string, Orphan>): number {
  let n = 0;
  for (let at = orphan; at.issuerId && byId.has(at.issuerId) && n < 16; n++) at = byId.get(at.issuerId) as Orphan;
  return n;
}

/** The actions, in the order they run; an orphan with nothing to do is left out. */
export function planActions(orphans: readonly Orphan[], options: CleanOptions): PlannedAction[] {
  const certificates = orphans.filter((o) => o.kind === "certificate");
  const cas = orphans.filter((o) => o.kind === "CA");
  const byId = new Map(cas.map((o) => [o.id, o]));
  const deepestFirst = [...cas].sort((a, b) => depth(b, byId) - depth(a, byId));
  return [
    ...certificates.map((orphan) => ({ orphan, steps: certificateSteps(orphan, options) })),
    ...deepestFirst.map((orphan) => ({ orphan, steps: caSteps(orphan, options) })),
  ].filter((action) => action.steps.length > 0);
}

/** One step as a line the user reads ("revoke certificate 3f… (SUPERSEDED)"). */
export function describeStep(step: Step, id: string): string {
  switch (step.call) {
    case "revoke certificate":
      return `revoke certificate ${id} (${step.reason})`;
    case "delete certificate":
      return `delete certificate ${id}`;
    case "disable CA":
      return `disable CA ${id}`;
    case "delete CA":
      return `delete CA ${id} (restorable for ${step.pendingDays} days)`;
  }
}
