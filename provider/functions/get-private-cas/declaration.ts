// getPrivateCas, declared once: every CA the filters keep, sorted, all pages read up to a bound.
import { z } from "zod";
import { CA_SORT_KEYS, type CaSortKey, type SortDirection } from "../../schemas/enums.js";
import { CA_SUMMARY, caFields } from "../shared/ca-result.js";
import { defineFunction, described } from "../shared/declaration.js";
import { LIST_INPUTS, MAX_RESULTS } from "../shared/filters.js";
import { CA_FILTER_INPUTS, type CaFilterArgs, findCas } from "../shared/find-cas.js";

/** Every filter is optional; none lists every CA (up to `maxResults`). */
export interface GetPrivateCasArgs extends CaFilterArgs {
  /** The order: create_time (the default), common_name, type or not_after. */
  sortKey?: CaSortKey;
  /** DESC (the default) or ASC. */
  sortDirection?: SortDirection;
  /**
   * The most CAs to read (1–10000, default 1000): when more match, the lookup fails and says so,
   * rather than return a silently cut list.
   */
  maxResults?: number;
}

export const GET_PRIVATE_CAS = defineFunction({
  name: "getPrivateCas",
  description:
    "Lists private CAs by common name, status, type, tags and enterprise project, sorted, reading every page up to maxResults.",
  inputs: z.strictObject({ ...CA_FILTER_INPUTS, sortKey: z.enum(CA_SORT_KEYS).optional(), ...LIST_INPUTS }),
  result: z.object({
    cas: described(z.array(CA_SUMMARY), "The CAs, in the order asked for."),
    ids: described(z.array(z.string()), "Their ids, in the same order."),
  }),
  async run({ client }, { sortKey, sortDirection, maxResults, ...filters }) {
    const cas = await findCas(client, filters, { sortKey, sortDirection }, maxResults ?? MAX_RESULTS.default);
    return { cas: cas.map(caFields), ids: cas.map((ca) => ca.caId) };
  },
});
