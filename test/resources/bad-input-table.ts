// Helpers of the bad-input table: cases are packed into as few previews as possible (one resource
// per preview — the engine stops at the first resource that fails check — holding every case
// whose bad values do not overlap), and the CLI's diagnostics are split into one refusal each.
import { BASE_ARGS, type BadInputCase, type ResourceType } from "./bad-input-cases.js";

export interface PreviewGroup {
  type: ResourceType;
  cases: BadInputCase[];
  args: Record<string, unknown>;
}

function isPlain(value: unknown): value is Record<string, unknown> | unknown[] {
  return value !== null && typeof value === "object";
}

/** Leaf paths of a case's bad args ("validity.startFrom", "subjectAlternativeNames.3.value"). */
function leaves(value: unknown, prefix = ""): string[] {
  if (!isPlain(value) || Object.keys(value).length === 0) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => leaves(inner, prefix ? `${prefix}.${key}` : key));
}

function overlaps(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

/** Deep merge; lists merge entry by entry (holes skipped), anything else replaces. */
function merge(base: unknown, over: unknown): unknown {
  if (!isPlain(base) || !isPlain(over) || Array.isArray(base) !== Array.isArray(over)) return over;
  const out: Record<string, unknown> | unknown[] = Array.isArray(base) ? [...base] : { ...base };
  for (const [key, value] of Object.entries(over)) {
    (out as Record<string, unknown>)[key] = merge((base as Record<string, unknown>)[key], value);
  }
  return out;
}

export function groupCases(cases: readonly BadInputCase[]): PreviewGroup[] {
  const groups: (PreviewGroup & { taken: string[] })[] = [];
  for (const item of cases) {
    const paths = leaves(item.args);
    let group = groups.find((g) => g.type === item.type && !paths.some((p) => g.taken.some((t) => overlaps(p, t))));
    if (!group) {
      group = { type: item.type, cases: [], args: BASE_ARGS[item.type], taken: [] };
      groups.push(group);
    }
    group.cases.push(item);
    group.taken.push(...paths);
    group.args = merge(group.args, item.args) as Record<string, unknown>;
  }
  return groups.map(({ type, cases: grouped, args }) => ({ type, cases: grouped, args }));
}

export interface Refusal {
  /** The property named: the engine's "property X", or the reason's first word when the
   * provider names it there (secrets and unknown properties). */
  property: string;
  reason: string;
  text: string;
}

/** One refusal per "error:" diagnostic of the CLI's summary. */
export function refusalsOf(output: string): Refusal[] {
  const summary = output.slice(output.lastIndexOf("Diagnostics:"));
  const body = summary.slice(0, summary.indexOf("\nResources:") >= 0 ? summary.indexOf("\nResources:") : undefined);
  return body
    .split(/\n\s*error: /)
    .slice(1)
    .flatMap((text) => {
      const named = /resource '[^']+': property (\S+) value [\s\S]*? has a problem: ([\s\S]*)$/.exec(text);
      if (named) return [{ property: named[1] ?? "", reason: (named[2] ?? "").trim(), text }];
      const plain = /resource '[^']+' has a problem: ([\s\S]*)$/.exec(text);
      if (!plain) return [];
      const reason = (plain[1] ?? "").trim();
      return [{ property: reason.split(" ")[0] ?? "", reason, text }];
    });
}
