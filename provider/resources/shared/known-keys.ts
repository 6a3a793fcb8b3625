// The property names a zod input schema knows at a path, and the one nearest to a misspelling,
// so that `check` can answer "subjectAltNames is not a known property; did you mean
// subjectAlternativeNames?".
import type { z } from "zod";

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** Looks through wrappers (optional, default, pipe/transform, …) to the schema underneath. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let depth = 0; depth < 16; depth++) {
    const def = defOf(current);
    const inner = def.innerType ?? (def.type === "pipe" ? def.in : undefined);
    if (!inner) return current;
    current = inner;
  }
  return current;
}

/** The keys of the object schema at `path` (array indices step into elements); [] if none. */
export function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: z.ZodType | undefined = unwrap(schema);
  for (const key of path) {
    if (!node) return [];
    const def: Def = defOf(node);
    if (def.type === "array" && typeof key === "number") node = def.element && unwrap(def.element);
    else if (def.type === "object" && def.shape) {
      const next: z.ZodType | undefined = def.shape[String(key)];
      node = next && unwrap(next);
    } else return [];
  }
  const def = node ? defOf(node) : undefined;
  return def?.type === "object" && def.shape ? Object.keys(def.shape) : [];
}

/** Edit distance, case-insensitive (so "csrPEM" is close to "csrPem"). */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}

/**
 * The known key closest to `key`: a prefix either way ("subjectAltNames" → "subjectAlternativeNames"
 * shares a long start) or within an edit distance of a third of the name. Undefined if none is close.
 */
export function nearestKey(key: string, known: readonly string[]): string | undefined {
  let best: { name: string; score: number } | undefined;
  for (const name of known) {
    const common = commonPrefix(key.toLowerCase(), name.toLowerCase());
    const score = distance(key, name) - (common >= 4 ? common / 2 : 0);
    if (!best || score < best.score) best = { name, score };
  }
  if (!best) return undefined;
  const limit = Math.max(2, Math.ceil(Math.max(key.length, best.name.length) / 3));
  return best.score <= limit ? best.name : undefined;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
