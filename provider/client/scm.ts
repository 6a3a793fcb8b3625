// SCM (SSL Certificate Manager v3): export a certificate with its key.
import { type ScmExportedCertificate, scmExportFromWire, scmExportWire } from "../schemas/scm.js";
import type { CallSpec, Transport } from "./transport.js";
import { requireId } from "./validate.js";

export class ScmApi {
  readonly #t: Transport;

  constructor(transport: Transport) {
    this.#t = transport;
  }

  /** POST /v3/scm/certificates/{id}/export (no body). The private key is secret. */
  async exportCertificate(certificateId: string): Promise<ScmExportedCertificate> {
    const call: CallSpec = {
      op: "exportScmCertificate",
      params: { certificate_id: requireId("certificateId", certificateId) },
    };
    const response = await this.#t.send(call);
    return scmExportFromWire(this.#t.parseJson(call, response, scmExportWire));
  }
}
