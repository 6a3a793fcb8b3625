// List queries (CCM "Querying the CA List", "Querying the Private Certificate List"): the paging,
// sorting and filter fields both lists take, and their one mapper to query parameters.
import type { SORT_DIRECTIONS } from "./enums.js";

/** The query both lists take; `SortKey` comes from CA_SORT_KEYS or CERTIFICATE_SORT_KEYS. */
export interface ListQuery<SortKey extends string, Status extends string> {
  limit?: number;
  offset?: number;
  /** Substring match on the name (common name). */
  name?: string;
  status?: Status;
  sortKey?: SortKey;
  sortDir?: (typeof SORT_DIRECTIONS)[number];
}

/** Query field → parameter name, in the order the parameters are written. */
const LIST_QUERY_PARAMETERS = {
  limit: "limit",
  offset: "offset",
  name: "name",
  status: "status",
  type: "type",
  sortKey: "sort_key",
  sortDir: "sort_dir",
} as const;

type ListQueryFields = Partial<Record<keyof typeof LIST_QUERY_PARAMETERS, string | number>>;

/** The one list-query mapper: every field that is set, under its parameter name. */
export function toListQuery(query: ListQueryFields): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, parameter] of Object.entries(LIST_QUERY_PARAMETERS)) {
    const value = query[field as keyof ListQueryFields];
    if (value !== undefined) out[parameter] = String(value);
  }
  return out;
}
