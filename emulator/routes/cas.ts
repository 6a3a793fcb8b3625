// Private CA routes (docs/api-facts.md §3): parse the request, call the model, shape the answer.

import { crlfChain, crlfPem } from "../model/pem.js";
import { listReply, noContentOn, ok, type RouteContext, uuidParam } from "./context.js";
import { caView } from "./views.js";

export async function createCa(ctx: RouteContext) {
  const record = await ctx.model.createCa(ctx.body);
  return ok({ ca_id: record.id });
}

export function showCa(ctx: RouteContext) {
  return ok(caView(ctx.model.getCa(uuidParam(ctx, "ca_id")), ctx.model.now()));
}

export function listCas(ctx: RouteContext) {
  return listReply(ctx, "certificate_authorities", ctx.model.listCas(ctx.query), caView);
}

export const activateCa = noContentOn("ca_id", (ctx, id) => ctx.model.activateCa(id, ctx.body));
export const disableCa = noContentOn("ca_id", (ctx, id) => ctx.model.disableCa(id));
export const enableCa = noContentOn("ca_id", (ctx, id) => ctx.model.enableCa(id));
export const deleteCa = noContentOn("ca_id", (ctx, id) => ctx.model.deleteCa(id, ctx.query.get("pending_days")));
export const restoreCa = noContentOn("ca_id", (ctx, id) => ctx.model.restoreCa(id));
export const revokeCa = noContentOn("ca_id", (ctx, id) => ctx.model.revokeCa(id, ctx.body));

export function exportCaCertificate(ctx: RouteContext) {
  const exported = ctx.model.exportCaCertificate(uuidParam(ctx, "ca_id"));
  return ok({ certificate: crlfPem(exported.certificatePem), certificate_chain: crlfChain(exported.chainPems) });
}

export async function exportCaCsr(ctx: RouteContext) {
  const csr = await ctx.model.exportCaCsr(uuidParam(ctx, "ca_id"));
  return ok({ csr: crlfPem(csr) });
}

export const importCaCertificate = noContentOn("ca_id", (ctx, id) => ctx.model.importCaCertificate(id, ctx.body));

export const switchCaOcsp = noContentOn("ca_id", (ctx, id) => ctx.model.switchOcsp(id, ctx.body));
export const enableCaCrl = noContentOn("ca_id", (ctx, id) => ctx.model.enableCrl(id, ctx.body));
export const disableCaCrl = noContentOn("ca_id", (ctx, id) => ctx.model.disableCrl(id));

export function consoleConfig(ctx: RouteContext) {
  return ok(ctx.model.consoleConfig());
}

export function caQuotas(ctx: RouteContext) {
  return ok({ quotas: { resources: [ctx.model.quotas("ca")] } });
}
