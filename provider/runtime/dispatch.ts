// The entry every serialized shim ends in: protocol 1 calls
// require("pulumi-huaweicloud-ccm/runtime").dispatch(type, method, args) from each method, protocol 2
// reaches it through the methods attach installs. Its signature is frozen (state written by every
// version calls it); what it dispatches to may change freely from version to version: today
// resources/call.ts, the entry the plugin uses too.

import { rememberStackConfig, type StackConfigSource } from "../kernel/context.js";
import type { HandlerMethod } from "../kernel/handlers.js";
import { type CallRequests, call, isHandlerMethod, type Props, UnknownResourceTypeError } from "../resources/call.js";
import { declarationOf } from "../resources/registry.js";
import { reportFailure } from "./failure-report.js";
import { keepYoungGenerationSmall } from "./host-memory.js";

export async function dispatch(type: string, method: string, args: unknown[]): Promise<unknown> {
  try {
    return await run(type, method, args);
  } catch (error) {
    reportFailure(method, error);
    throw error;
  }
}

async function run(type: string, method: string, args: unknown[]): Promise<unknown> {
  keepYoungGenerationSmall();
  if (method === "configure") {
    rememberStackConfig(args[0] as StackConfigSource | undefined);
    return undefined;
  }
  if (!isHandlerMethod(method)) {
    if (!declarationOf(type)) throw new UnknownResourceTypeError(type);
    throw new Error(`pulumi-huaweicloud-ccm: ${type} has no method "${method}"`);
  }
  if (method !== "create" && method !== "update") return callPositional(type, method, args);
  // create(inputs) and update(id, olds, news): the inputs carry the serialized provider.
  const inputs = (method === "create" ? args[0] : args[2]) as Record<string, unknown> | undefined;
  try {
    return await callPositional(type, method, args);
  } catch (error) {
    keepProviderInInitError(error, inputs?.__provider);
    throw error;
  }
}

function callPositional<M extends HandlerMethod>(type: string, method: M, args: unknown[]) {
  const request = (POSITIONAL[method] as (positional: unknown[]) => CallRequests[M])(args);
  return call(type, method, request);
}

/** The dynamic-provider protocol's positional arguments, as call's requests. */
const POSITIONAL: { [M in HandlerMethod]: (args: unknown[]) => CallRequests[M] } = {
  check: ([olds, news]) => ({ olds: olds as Props, news: news as Props }),
  diff: ([id, olds, news]) => ({ id: id as string, olds: olds as Props, news: news as Props }),
  create: ([inputs]) => ({ inputs: inputs as Props }),
  read: ([id, props]) => ({ id: id as string, ...(props === undefined ? {} : { props: props as Props }) }),
  update: ([id, olds, news]) => ({ id: id as string, olds: olds as Props, news: news as Props }),
  delete: ([id, props]) => ({ id: id as string, props: props as Props }),
};

/**
 * GOTCHA: the dynamic-provider host adds `__provider` to the outputs of a successful create or
 * update, but records the `properties` of an error carrying an `id` (ErrorResourceInitFailed: the
 * object exists, a later step failed) as the outputs verbatim. Refresh and destroy load the
 * provider from the outputs, so without it they fail ("code must be a string, not undefined")
 * until an `up` succeeds. Done here, once, so that no handler can forget it.
 */
function keepProviderInInitError(error: unknown, provider: unknown): void {
  if (provider === undefined || typeof error !== "object" || error === null) return;
  const { id, properties } = error as { id?: unknown; properties?: unknown };
  if (typeof id !== "string" || id === "" || typeof properties !== "object" || properties === null) return;
  (properties as Record<string, unknown>).__provider = provider;
}
