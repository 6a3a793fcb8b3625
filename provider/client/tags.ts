// Tags of a certificate or a CA: list, add (create or overwrite), remove — in batches of the
// 20 the API accepts per call.

import { z } from "zod";
import { CcmLookupError } from "../errors.js";
import { wireInt } from "../schemas/common.js";
import { TAG_LIMITS } from "../schemas/enums.js";
import { type Tags, tagListWire, tagsArgs, tagsFromWire, toTagListBody } from "../schemas/tags.js";
import type { OperationName } from "./operations.js";
import type { CallSpec, Transport } from "./transport.js";
import { requireId, validateArgs } from "./validate.js";

const OPS = {
  certificate: {
    param: "certificate_id",
    list: "listCertificateTags",
    create: "createCertificateTags",
    delete: "deleteCertificateTags",
    filter: "filterCertificateInstances",
  },
  CA: {
    param: "ca_id",
    list: "listCaTags",
    create: "createCaTags",
    delete: "deleteCaTags",
    filter: "filterCaInstances",
  },
} as const satisfies Record<
  string,
  { param: string; list: OperationName; create: OperationName; delete: OperationName; filter: OperationName }
>;

/** The filter endpoint's largest page (its limit is 10, 20 or 50). */
const FILTER_PAGE = 50;

const instancesWire = z.looseObject({
  total_count: wireInt,
  resources: z
    .array(z.looseObject({ resource_id: z.string() }))
    .nullish()
    .transform((v) => v ?? []),
});

export class TagApi {
  readonly #t: Transport;
  readonly #ops: (typeof OPS)[keyof typeof OPS];

  constructor(transport: Transport, kind: keyof typeof OPS) {
    this.#t = transport;
    this.#ops = OPS[kind];
  }

  async list(id: string): Promise<Tags> {
    const call: CallSpec = { op: this.#ops.list, params: { [this.#ops.param]: requireId("id", id) } };
    const response = await this.#t.send(call);
    return tagsFromWire(this.#t.parseJson(call, response, tagListWire));
  }

  /**
   * The ids of every object carrying all of `tags` (key → value), through the resource-instance
   * filter, page by page; refuses to read more than `maxIds`.
   */
  async idsTagged(tags: Tags, maxIds: number): Promise<Set<string>> {
    const filter = Object.entries(validateArgs("tags", tagsArgs, tags)).map(([key, value]) => ({
      key,
      values: [value],
    }));
    const ids = new Set<string>();
    for (let offset = 0; ; offset += FILTER_PAGE) {
      const call: CallSpec = { op: this.#ops.filter, body: { tags: filter, limit: FILTER_PAGE, offset } };
      const page = this.#t.parseJson(call, await this.#t.send(call), instancesWire);
      const total = page.total_count ?? 0;
      // The first page says how many there are: past the bound, fail before reading the rest.
      if (total > maxIds) {
        throw new CcmLookupError(
          `${total} objects carry these tags, more than the ${maxIds} a lookup reads; narrow the tags`,
        );
      }
      for (const resource of page.resources) ids.add(resource.resource_id);
      if (page.resources.length < FILTER_PAGE || offset + FILTER_PAGE >= total) return ids;
    }
  }

  /** Creates or overwrites the given tags. */
  async add(id: string, tags: Tags): Promise<void> {
    await this.#batches(this.#ops.create, id, tags);
  }

  /** Removes the given tags (key and value as currently set). */
  async remove(id: string, tags: Tags): Promise<void> {
    await this.#batches(this.#ops.delete, id, tags);
  }

  async #batches(op: OperationName, id: string, tags: Tags): Promise<void> {
    const parsed = validateArgs("tags", tagsArgs, tags);
    const entries = Object.entries(parsed);
    for (let i = 0; i < entries.length; i += TAG_LIMITS.maxPerRequest) {
      const batch = Object.fromEntries(entries.slice(i, i + TAG_LIMITS.maxPerRequest));
      await this.#t.send({ op, params: { [this.#ops.param]: requireId("id", id) }, body: toTagListBody(batch) });
    }
  }
}
