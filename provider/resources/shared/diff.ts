// Shared diff mechanics: compare the properties a resource declares as "replace" or "update in
// place", treating values unknown at preview as changed, and never looking at `__provider` (a new
// package version alone must plan no change). No API call is ever made from here.
import { isDeepStrictEqual } from "node:util";
import type { DiffResult } from "../../kernel/handlers.js";
import { containsUnknown } from "./unknowns.js";

export interface DiffPlan {
  /** Properties whose change means a new certificate (create-before-delete). */
  replaceOn: readonly string[];
  /** Properties applied in place by `update`. */
  updateOn: readonly string[];
  /** Properties compared as sets (order carries no meaning for the API). */
  unordered?: readonly string[];
}

export interface PropertyChanges {
  replaces: string[];
  updates: string[];
}

export function changedProperties(plan: DiffPlan, olds: object, news: object): PropertyChanges {
  const before = olds as Record<string, unknown>;
  const after = news as Record<string, unknown>;
  const differs = (key: string) => !sameValue(before[key], after[key], plan.unordered?.includes(key) ?? false);
  return { replaces: plan.replaceOn.filter(differs), updates: plan.updateOn.filter(differs) };
}

/** The whole diff of a resource whose every property replaces (exports, signatures). */
export function replacementDiff(plan: DiffPlan, olds: object, news: object): DiffResult {
  const { replaces } = changedProperties(plan, olds, news);
  return { changes: replaces.length > 0, replaces, deleteBeforeReplace: false };
}

/** Equality as the user means it: absent, null and undefined agree; unknown never equals. */
export function sameValue(a: unknown, b: unknown, unordered = false): boolean {
  if (containsUnknown(b)) return false;
  const x = normalise(a);
  const y = normalise(b);
  if (unordered && Array.isArray(x) && Array.isArray(y)) {
    return isDeepStrictEqual([...x].map(canonical).sort(), [...y].map(canonical).sort());
  }
  return isDeepStrictEqual(x, y);
}

function normalise(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map(normalise);
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => [k, normalise(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value;
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
