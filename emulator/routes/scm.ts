// SCM export (SCM "ExportCertificate"): `POST /v3/scm/certificates/{certificate_id}/export`, no request body.

import { crlfChain, crlfKey, crlfPem } from "../model/pem.js";
import { ok, type RouteContext } from "./context.js";

export function exportScmCertificate(ctx: RouteContext) {
  const record = ctx.model.exportScmCertificate(ctx.params.certificate_id ?? "");
  return ok({
    entire_certificate: crlfChain([record.certificatePem, ...record.chainPems]),
    certificate: crlfPem(record.certificatePem),
    certificate_chain: crlfChain(record.chainPems),
    private_key: crlfKey(record.privateKeyPem),
  });
}
