// Tag routes, the same shapes under /v1/private-certificates and /v1/private-certificate-authorities.

import type { TaggedKind } from "../model/tags.js";
import { noContent, ok, type RouteContext, type RouteHandler, uuidParam } from "./context.js";

function idOf(ctx: RouteContext, kind: TaggedKind): string {
  return uuidParam(ctx, kind === "certificate" ? "certificate_id" : "ca_id");
}

export function tagRoutes(kind: TaggedKind): Record<"create" | "delete" | "list" | "domain", RouteHandler> {
  return {
    create: async (ctx) => {
      await ctx.model.createTags(kind, idOf(ctx, kind), ctx.body);
      return noContent;
    },
    delete: async (ctx) => {
      await ctx.model.deleteTags(kind, idOf(ctx, kind), ctx.body);
      return noContent;
    },
    list: (ctx) => ok({ tags: ctx.model.listTags(kind, idOf(ctx, kind)).map(({ key, value }) => ({ key, value })) }),
    domain: (ctx) => ok({ tags: ctx.model.domainTags(kind) }),
  };
}
