// getPrivateCa, declared once: one CA, by id or by filters that must match exactly one.
import { z } from "zod";
import { CcmLookupError } from "../../errors.js";
import { caCertificateOnce } from "../../resources/shared/ca-certificate.js";
import type { CaInfo } from "../../schemas/ca.js";
import { CA_FIELDS, caFields } from "../shared/ca-result.js";
import { candidateList } from "../shared/candidates.js";
import { defineFunction, described } from "../shared/declaration.js";
import { hasFilters } from "../shared/filters.js";
import { CA_FILTER_INPUTS, CA_FILTER_KEYS, type CaFilterArgs, findCas } from "../shared/find-cas.js";

/** Give `caId`, or filters that match exactly one CA. */
export interface GetPrivateCaArgs extends CaFilterArgs {
  /** The CA's id. Give it, or filters, not both. */
  caId?: string;
}

export const GET_PRIVATE_CA = defineFunction({
  name: "getPrivateCa",
  description:
    "Looks up one private CA: by its id, or by filters (common name, status, type, tags, enterprise project) that must match exactly one CA; when none or several match, the error names the candidates.",
  inputs: z.strictObject({ caId: z.string().min(1).max(64).optional(), ...CA_FILTER_INPUTS }),
  result: z.object({
    ...CA_FIELDS,
    tags: described(z.record(z.string(), z.string()), "The CA's tags."),
    certificatePem: described(
      z.string().optional(),
      "The CA's certificate (PEM), when CCM exports it (ACTIVED or EXPIRED): what clients trust.",
    ),
    certificateChainPem: described(z.string().optional(), "The chain above the CA's certificate (PEM), if any."),
  }),
  crossArgument: (args) => {
    const filtered = hasFilters(args, CA_FILTER_KEYS);
    if (args.caId !== undefined && filtered) {
      return [{ property: "caId", reason: "give caId or filters (commonName, status, …), not both" }];
    }
    if (args.caId === undefined && !filtered) {
      return [{ property: "caId", reason: `give caId, or at least one filter: ${CA_FILTER_KEYS.join(", ")}` }];
    }
    return [];
  },
  async run({ client }, { caId, ...filters }) {
    const ca = caId !== undefined ? await client.cas.find(caId) : onlyOne(await findCas(client, filters));
    if (!ca) throw new CcmLookupError(`getPrivateCa: no CA has the id ${JSON.stringify(caId)}`);
    // The CA's own certificate when CCM exports it (ACTIVED or EXPIRED), as PrivateCa reads it.
    const [tags, pems] = await Promise.all([client.cas.tags.list(ca.caId), caCertificateOnce(client, ca, {})]);
    return {
      ...caFields(ca),
      tags,
      certificatePem: pems.certificatePem,
      // A root's chain comes back empty.
      certificateChainPem: pems.certificateChainPem || undefined,
    };
  },
});

function onlyOne(cas: CaInfo[]): CaInfo {
  const [only, ...more] = cas;
  if (only && more.length === 0) return only;
  throw new CcmLookupError(
    only
      ? `getPrivateCa: ${cas.length} CAs match the filters; narrow them (or give caId): ${candidateList(cas, (ca) => ca.caId)}`
      : "getPrivateCa: no CA matches the filters",
    cas.map((ca) => ca.caId),
  );
}
