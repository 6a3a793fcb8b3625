// Carrying out the plan (plan.ts). Right before an orphan's first call, two checks: its id is
// checked against the held set once more (nothing a state holds is ever touched: a bug that lists
// a held id stops the run), and the object is read again from the API: one that is gone, or whose
// status or issuer changed since it was listed, is skipped, since something else is acting on it.
import type { CcmClient } from "../client/index.js";
import type { Orphan } from "./find.js";
import { describeStep, type PlannedAction, type Step } from "./plan.js";

export interface CleanOutcome {
  readonly id: string;
  readonly kind: Orphan["kind"];
  /** What was done, one line a call, in order. */
  readonly done: string[];
  /** Why nothing was done: the object changed or went away since it was listed. */
  readonly skipped?: string;
  readonly error?: string;
}

async function runStep(client: CcmClient, id: string, step: Step): Promise<string> {
  switch (step.call) {
    case "revoke certificate": {
      const { alreadyRevoked } = await client.certificates.revoke(id, step.reason);
      return alreadyRevoked ? "already revoked" : `revoked (${step.reason})`;
    }
    case "delete certificate": {
      const { existed } = await client.certificates.delete(id);
      return existed ? "deleted" : "already gone";
    }
    case "disable CA":
      await client.cas.disable(id);
      return "disabled";
    case "delete CA": {
      const { existed } = await client.cas.delete(id, step.pendingDays);
      return existed ? `deleted (restorable for ${step.pendingDays} days)` : "already gone";
    }
  }
}

/** Why the orphan must be left alone now, or undefined when it is as it was listed. */
async function changedSinceListed(client: CcmClient, orphan: Orphan): Promise<string | undefined> {
  const now = orphan.kind === "CA" ? await client.cas.find(orphan.id) : await client.certificates.find(orphan.id);
  if (!now) return "gone since it was listed";
  if (now.status !== orphan.status) return `its status changed since it was listed (${orphan.status} → ${now.status})`;
  if (now.issuerId !== orphan.issuerId) return "its issuer changed since it was listed";
  return undefined;
}

export async function cleanOrphans(
  client: CcmClient,
  plan: readonly PlannedAction[],
  heldIds: ReadonlySet<string>,
): Promise<CleanOutcome[]> {
  const outcomes: CleanOutcome[] = [];
  for (const { orphan, steps } of plan) {
    if (heldIds.has(orphan.id)) throw new Error(`refusing to touch ${orphan.id}: a given state holds it`);
    const base = { id: orphan.id, kind: orphan.kind };
    const done: string[] = [];
    try {
      const skipped = await changedSinceListed(client, orphan);
      if (skipped) {
        outcomes.push({ ...base, done, skipped });
        continue;
      }
      for (const step of steps) done.push(await runStep(client, orphan.id, step));
      outcomes.push({ ...base, done });
    } catch (error) {
      outcomes.push({ ...base, done, error: (error as Error).message });
    }
  }
  return outcomes;
}

/** The plan as the lines `--dry-run` prints: one call a line, in the order they would run. */
export function dryRunLines(plan: readonly PlannedAction[]): string[] {
  return plan.flatMap(({ orphan, steps }) => steps.map((step) => describeStep(step, orphan.id)));
}
