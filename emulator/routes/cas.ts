// Private CA routes (docs/api-facts.md §3): parse the request, call the model, shape the answer.

import { crlfChain, crlfPem } from "../model/pem.js";
import { noContent, ok, type RouteContext, uuidParam } from "./context.js";
import { caView } from "./views.js";

export async function createCa(ctx: RouteContext) {
  const record = await ctx.model.createCa(ctx.body);
  return ok({ ca_id: record.id });
}

export function showCa(ctx: RouteContext) {
  return ok(caView(ctx.model.getCa(uuidParam(ctx, "ca_id")), ctx.model.now()));
}

export function listCas(ctx: RouteContext) {
  const page = ctx.model.listCas(ctx.query);
  const now = ctx.model.now();
  return ok({ total: page.total, certificate_authorities: page.items.map((record) => caView(record, now)) });
}

export async function activateCa(ctx: RouteContext) {
  await ctx.model.activateCa(uuidParam(ctx, "ca_id"), ctx.body);
  return noContent;
}

export async function disableCa(ctx: RouteContext) {
  await ctx.model.disableCa(uuidParam(ctx, "ca_id"));
  return noContent;
}

export async function enableCa(ctx: RouteContext) {
  await ctx.model.enableCa(uuidParam(ctx, "ca_id"));
  return noContent;
}

export async function deleteCa(ctx: RouteContext) {
  await ctx.model.deleteCa(uuidParam(ctx, "ca_id"), ctx.query.get("pending_days"));
  return noContent;
}

export async function restoreCa(ctx: RouteContext) {
  await ctx.model.restoreCa(uuidParam(ctx, "ca_id"));
  return noContent;
}

export async function revokeCa(ctx: RouteContext) {
  await ctx.model.revokeCa(uuidParam(ctx, "ca_id"), ctx.body);
  return noContent;
}

export function exportCaCertificate(ctx: RouteContext) {
  const exported = ctx.model.exportCaCertificate(uuidParam(ctx, "ca_id"));
  return ok({ certificate: crlfPem(exported.certificatePem), certificate_chain: crlfChain(exported.chainPems) });
}

export async function exportCaCsr(ctx: RouteContext) {
  const csr = await ctx.model.exportCaCsr(uuidParam(ctx, "ca_id"));
  return ok({ csr: crlfPem(csr) });
}

export async function importCaCertificate(ctx: RouteContext) {
  await ctx.model.importCaCertificate(uuidParam(ctx, "ca_id"), ctx.body);
  return noContent;
}

export function caQuotas(ctx: RouteContext) {
  return ok({ quotas: { resources: [ctx.model.quotas("ca")] } });
}
