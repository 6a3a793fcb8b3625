import type { Reply } from "../http.js";
import { ApiError } from "../model/errors.js";
import type { Model } from "../model/index.js";
import { UUID_PATTERN } from "../model/limits.js";

/** What a route handler gets: the model, the path parameters, the query and the parsed JSON body. */
export interface RouteContext {
  readonly model: Model;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: unknown;
}

export type RouteHandler = (ctx: RouteContext) => Reply | Promise<Reply>;

/**
 * A UUID path parameter. A malformed one is refused as the live service does (PCA.10010105, seen
 * when a client sent the literal "{certificate_id}", docs/api-facts.md §4.2).
 */
export function uuidParam(ctx: RouteContext, name: "certificate_id" | "ca_id"): string {
  const value = ctx.params[name] ?? "";
  if (!UUID_PATTERN.test(value)) throw new ApiError("invalidParameterFormat", `Parameter name: ${name}.`);
  return value;
}

export const noContent: Reply = { status: 204, empty: true };

export function ok(json: unknown): Reply {
  return { status: 200, json };
}
