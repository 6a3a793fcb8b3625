// Tags of a certificate or a CA: list, add (create or overwrite), remove — in batches of the
// 20 the API accepts per call.

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
  },
  CA: { param: "ca_id", list: "listCaTags", create: "createCaTags", delete: "deleteCaTags" },
} as const satisfies Record<
  string,
  { param: string; list: OperationName; create: OperationName; delete: OperationName }
>;

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
