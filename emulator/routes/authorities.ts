// Private CA routes (docs/api-facts.md §3): parse the request, call the model, shape the answer.

import { crlfChain, crlfPem } from "../model/pem.js";
import { noContent, ok, type RouteContext, uuidParam } from "./context.js";
import { authorityView } from "./views.js";

export async function createAuthority(ctx: RouteContext) {
  const record = await ctx.model.createAuthority(ctx.body);
  return ok({ ca_id: record.id });
}

export function showAuthority(ctx: RouteContext) {
  return ok(authorityView(ctx.model.getAuthority(uuidParam(ctx, "ca_id")), ctx.model.now()));
}

export function listAuthorities(ctx: RouteContext) {
  const page = ctx.model.listAuthorities(ctx.query);
  const now = ctx.model.now();
  return ok({ total: page.total, certificate_authorities: page.items.map((record) => authorityView(record, now)) });
}

export async function activateAuthority(ctx: RouteContext) {
  await ctx.model.activateAuthority(uuidParam(ctx, "ca_id"), ctx.body);
  return noContent;
}

export async function disableAuthority(ctx: RouteContext) {
  await ctx.model.disableAuthority(uuidParam(ctx, "ca_id"));
  return noContent;
}

export async function enableAuthority(ctx: RouteContext) {
  await ctx.model.enableAuthority(uuidParam(ctx, "ca_id"));
  return noContent;
}

export async function deleteAuthority(ctx: RouteContext) {
  await ctx.model.deleteAuthority(uuidParam(ctx, "ca_id"), ctx.query.get("pending_days"));
  return noContent;
}

export async function restoreAuthority(ctx: RouteContext) {
  await ctx.model.restoreAuthority(uuidParam(ctx, "ca_id"));
  return noContent;
}

export async function revokeAuthority(ctx: RouteContext) {
  await ctx.model.revokeAuthority(uuidParam(ctx, "ca_id"), ctx.body);
  return noContent;
}

export function exportAuthorityCertificate(ctx: RouteContext) {
  const exported = ctx.model.exportAuthorityCertificate(uuidParam(ctx, "ca_id"));
  return ok({ certificate: crlfPem(exported.certificatePem), certificate_chain: crlfChain(exported.chainPems) });
}

export async function exportAuthorityCsr(ctx: RouteContext) {
  const csr = await ctx.model.exportAuthorityCsr(uuidParam(ctx, "ca_id"));
  return ok({ csr: crlfPem(csr) });
}

export async function importAuthorityCertificate(ctx: RouteContext) {
  await ctx.model.importAuthorityCertificate(uuidParam(ctx, "ca_id"), ctx.body);
  return noContent;
}

export function authorityQuotas(ctx: RouteContext) {
  return ok({ quotas: { resources: [ctx.model.quotas("ca")] } });
}
