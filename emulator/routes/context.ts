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

/**
 * An operation on one resource that answers 204 No Content: `act` gets the resource's id (checked by
 * uuidParam first) and the answer goes out only once its write has landed.
 */
export function noContentOn(
  param: "certificate_id" | "ca_id",
  act: (ctx: RouteContext, id: string) => Promise<unknown>,
): RouteHandler {
  return async (ctx) => {
    await act(ctx, uuidParam(ctx, param));
    return noContent;
  };
}

export function ok(json: unknown): Reply {
  return { status: 200, json };
}

/**
 * A list operation's answer: the total, and under `key` the page's records through `view`, every one
 * seen at the same instant (so a status derived from the clock cannot differ within one answer).
 */
export function listReply<R>(
  ctx: RouteContext,
  key: string,
  page: { total: number; items: readonly R[] },
  view: (record: R, now: number) => unknown,
): Reply {
  const now = ctx.model.now();
  return ok({ total: page.total, [key]: page.items.map((record) => view(record, now)) });
}
