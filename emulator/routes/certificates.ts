// Private certificate routes (docs/api-facts.md §2): parse the request, call the model, shape the answer.

import { crlfChain, crlfKey, crlfPem } from "../model/pem.js";
import { subjectToApi } from "../model/subject.js";
import { listReply, noContentOn, ok, type RouteContext, uuidParam } from "./context.js";
import { certificateView } from "./views.js";

export async function applyCertificate(ctx: RouteContext) {
  const record = await ctx.model.applyCertificate(ctx.body);
  return ok({ certificate_id: record.id });
}

export async function applyCertificateByCsr(ctx: RouteContext) {
  const { id } = await ctx.model.applyCertificateByCsr(ctx.body);
  return ok({ certificate_id: id });
}

/** CSR parse (docs/api-facts.md §2.8); the public key with "\r\n" line breaks, as the SDK's field doc says. */
export async function parseCertificateSigningRequest(ctx: RouteContext) {
  const summary = await ctx.model.parseCsr(ctx.body);
  return ok({
    key_algorithm: summary.keyAlgorithm,
    // A string in the SDK model; left out for a key whose size means nothing (none the API issues).
    ...(summary.keyAlgorithmLength === undefined ? {} : { key_algorithm_length: String(summary.keyAlgorithmLength) }),
    signature_algorithm: summary.signatureAlgorithm,
    public_key: crlfPem(summary.publicKeyPem),
    distinguished_name: subjectToApi(summary.distinguishedName),
  });
}

export function showCertificate(ctx: RouteContext) {
  return ok(certificateView(ctx.model.getCertificate(uuidParam(ctx, "certificate_id")), ctx.model.now()));
}

export function listCertificates(ctx: RouteContext) {
  return listReply(ctx, "certificates", ctx.model.listCertificates(ctx.query), certificateView);
}

export const deleteCertificate = noContentOn("certificate_id", (ctx, id) => ctx.model.deleteCertificate(id));
export const revokeCertificate = noContentOn("certificate_id", (ctx, id) => ctx.model.revokeCertificate(id, ctx.body));

export async function exportCertificate(ctx: RouteContext) {
  const result = await ctx.model.exportCertificate(uuidParam(ctx, "certificate_id"), ctx.body);
  if (result.kind === "zip") {
    return { status: 200, bytes: result.data, contentType: "application/octet-stream", fileName: result.fileName };
  }
  const json: Record<string, string> = {
    certificate: crlfPem(result.certificatePem),
    certificate_chain: crlfChain(result.chainPems),
  };
  if (result.privateKeyPem !== undefined) json.private_key = crlfKey(result.privateKeyPem);
  return ok(json);
}

export function certificateQuotas(ctx: RouteContext) {
  return ok({ quotas: { resources: [ctx.model.quotas("certificate")] } });
}
