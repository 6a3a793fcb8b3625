// The filters the lookups share, as arguments (zod) and as a test applied to what the list read.
// The list API filters by status (and CA type) and by a substring of the name; the rest (exact
// common name, enterprise project, issuer, expiry) is judged here, and tags through the
// resource-instance filter (client/tags.ts).
import { z } from "zod";
import { SORT_DIRECTIONS } from "../../schemas/enums.js";
import type { IssuedObjectInfo } from "../../schemas/issued-object.js";
import { tagsArgs } from "../../schemas/tags.js";

/** How many objects a list lookup reads at most: beyond it, it fails and says to narrow the filters. */
export const MAX_RESULTS = { default: 1000, max: 10_000 } as const;

const name = z.string().min(1).max(64);

/** Arguments every lookup by filters takes. */
export const FILTER_INPUTS = {
  commonName: name.optional(),
  nameContains: name.optional(),
  tags: tagsArgs.optional(),
  enterpriseProjectId: z.string().min(1).max(64).optional(),
};

/** Arguments of the list functions: the order and the bound. */
export const LIST_INPUTS = {
  sortDirection: z.enum(SORT_DIRECTIONS).optional(),
  maxResults: z.number().int().min(1).max(MAX_RESULTS.max).optional(),
};

export interface CommonFilters {
  readonly commonName?: string | undefined;
  readonly nameContains?: string | undefined;
  readonly tags?: Record<string, string> | undefined;
  readonly enterpriseProjectId?: string | undefined;
}

/** The list API's `name`: the exact common name is a substring of itself. */
export function nameQuery(filters: CommonFilters): { name?: string } {
  const name = filters.commonName ?? filters.nameContains;
  return name === undefined ? {} : { name };
}

/** Whether filters were given at all (a lookup of one object needs an id or some). */
export function hasFilters(filters: Readonly<Record<string, unknown>>, keys: readonly string[]): boolean {
  return keys.some((key) => filters[key] !== undefined);
}

/** The items the common filters keep, in the order listed; tags cost one filter call per page of ids. */
export async function keepMatching<T extends IssuedObjectInfo>(
  items: readonly T[],
  filters: CommonFilters,
  tagged: (tags: Record<string, string>) => Promise<Set<string>>,
  idOf: (item: T) => string,
): Promise<T[]> {
  const ids = filters.tags && Object.keys(filters.tags).length > 0 ? await tagged(filters.tags) : undefined;
  return items.filter((item) => {
    const commonName = item.distinguishedName.commonName ?? "";
    return (
      (filters.commonName === undefined || commonName === filters.commonName) &&
      (filters.nameContains === undefined || commonName.includes(filters.nameContains)) &&
      (filters.enterpriseProjectId === undefined || item.enterpriseProjectId === filters.enterpriseProjectId) &&
      (ids === undefined || ids.has(idOf(item)))
    );
  });
}
