// CA and certificate quotas (docs/api-facts.md §2.9): how many the account may have and has.
import { z } from "zod";
import { wireInt } from "../schemas/common.js";
import type { OperationName } from "./operations.js";
import type { Transport } from "./transport.js";

const quotaWire = z.looseObject({
  quotas: z.looseObject({
    resources: z.array(z.looseObject({ type: z.string(), used: wireInt, quota: wireInt })),
  }),
});

export interface Quota {
  readonly quota: number;
  readonly used: number;
}

export interface Quotas {
  readonly certificateAuthorities: Quota;
  readonly certificates: Quota;
}

export class QuotaApi {
  readonly #t: Transport;

  constructor(transport: Transport) {
    this.#t = transport;
  }

  /** Both quotas, each from its own endpoint. */
  async read(): Promise<Quotas> {
    const [certificateAuthorities, certificates] = await Promise.all([
      this.#read("getCaQuota", "CERTIFICATE_AUTHORITY"),
      this.#read("getCertificateQuota", "CERTIFICATE"),
    ]);
    return { certificateAuthorities, certificates };
  }

  async #read(op: OperationName, type: string): Promise<Quota> {
    const call = { op };
    const wire = this.#t.parseJson(call, await this.#t.send(call), quotaWire);
    const entry = wire.quotas.resources.find((resource) => resource.type === type);
    return { quota: entry?.quota ?? 0, used: entry?.used ?? 0 };
  }
}
