// Resource-instance filter and count by tags (docs/api-facts.md §2.10), the same shapes under
// /v1/private-certificates and /v1/private-certificate-authorities. resource_detail is the
// resource's details object (as GET by id answers it); resource_name is its common name.

import type { TaggedKind } from "../model/tags.js";
import { ok, type RouteHandler } from "./context.js";
import { caView, certificateView } from "./views.js";

const tagsOf = (tags: readonly { key: string; value: string }[]) => tags.map(({ key, value }) => ({ key, value }));

export function resourceInstanceRoutes(kind: TaggedKind): Record<"filter" | "count", RouteHandler> {
  return {
    filter: (ctx) => {
      const now = ctx.model.now();
      const resources =
        kind === "certificate"
          ? ctx.model.filterInstances("certificate", ctx.body).items.map((record) => ({
              resource_id: record.id,
              resource_detail: certificateView(record, now),
              tags: tagsOf(record.tags),
              resource_name: record.distinguishedName.commonName,
            }))
          : ctx.model.filterInstances("ca", ctx.body).items.map((record) => ({
              resource_id: record.id,
              resource_detail: caView(record, now),
              tags: tagsOf(record.tags),
              resource_name: record.distinguishedName.commonName,
            }));
      return ok({ total_count: ctx.model.countInstances(kind, ctx.body), resources });
    },
    count: (ctx) => ok({ total_count: ctx.model.countInstances(kind, ctx.body) }),
  };
}
