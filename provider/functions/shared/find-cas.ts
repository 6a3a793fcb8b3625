// Finding CAs by filters, shared by getPrivateCa (exactly one) and getPrivateCas (a list).
import { z } from "zod";
import type { CcmClient } from "../../client/index.js";
import type { CaInfo } from "../../schemas/ca.js";
import {
  CA_STATUSES,
  CA_TYPES,
  type CaSortKey,
  type CaStatus,
  type CaType,
  type SortDirection,
} from "../../schemas/enums.js";
import { type CommonFilters, FILTER_INPUTS, keepMatching, MAX_RESULTS, nameQuery } from "./filters.js";

export const CA_FILTER_INPUTS = {
  ...FILTER_INPUTS,
  status: z.enum(CA_STATUSES).optional(),
  type: z.enum(CA_TYPES).optional(),
};

export const CA_FILTER_KEYS = Object.keys(CA_FILTER_INPUTS);

/** The filters a CA lookup takes (getPrivateCa, getPrivateCas): each one given must match. */
export interface CaFilterArgs {
  /** The exact common name to match. */
  commonName?: string;
  /** A part of the common name to match. */
  nameContains?: string;
  /** Tags to match, all of them (key → value). */
  tags?: Record<string, string>;
  /** The enterprise project to match. */
  enterpriseProjectId?: string;
  /** The status to match: PENDING, ACTIVED, DISABLED, DELETED or EXPIRED. */
  status?: CaStatus;
  /** The type to match: ROOT or SUBORDINATE. */
  type?: CaType;
}

export interface CaFilters extends CommonFilters {
  readonly status?: CaStatus | undefined;
  readonly type?: CaType | undefined;
}

export interface CaOrder {
  readonly sortKey?: CaSortKey | undefined;
  readonly sortDirection?: SortDirection | undefined;
}

/** Every CA the filters keep, in the list's order; more than `maxResults` listed is an error. */
export async function findCas(
  client: CcmClient,
  filters: CaFilters,
  order: CaOrder = {},
  maxResults: number = MAX_RESULTS.default,
): Promise<CaInfo[]> {
  const listed = await client.cas.listAll(
    {
      ...nameQuery(filters),
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.type ? { type: filters.type } : {}),
      ...(order.sortKey ? { sortKey: order.sortKey } : {}),
      ...(order.sortDirection ? { sortDir: order.sortDirection } : {}),
    },
    maxResults,
  );
  return keepMatching(
    listed,
    filters,
    (tags) => client.cas.tags.idsTagged(tags, maxResults),
    (ca) => ca.caId,
  );
}
