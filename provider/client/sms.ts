// SMS (Server Migration Service): a migration task's certificates and keys.
import { type SmsCertKey, smsCertKeyFromWire, smsCertKeyWire } from "../schemas/sms.js";
import type { CallSpec, Transport } from "./transport.js";
import { requireId } from "./validate.js";

export class SmsApi {
  readonly #t: Transport;

  constructor(transport: Transport) {
    this.#t = transport;
  }

  /** GET /v3/tasks/{task_id}/certkey. `enableCaCert` asks for the CA certificate too (the
   * documented default is false). Every private key in the result is secret. */
  async getCertKey(taskId: string, options: { enableCaCert?: boolean } = {}): Promise<SmsCertKey> {
    const call: CallSpec = {
      op: "getSmsCertKey",
      params: { task_id: requireId("taskId", taskId) },
      query: options.enableCaCert === undefined ? {} : { enable_ca_cert: String(options.enableCaCert) },
    };
    const response = await this.#t.send(call);
    return smsCertKeyFromWire(this.#t.parseJson(call, response, smsCertKeyWire));
  }
}
