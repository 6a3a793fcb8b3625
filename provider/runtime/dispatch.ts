// The entry every serialized shim ends in: protocol 1 calls
// require("pulumi-huaweicloud-ccm/runtime").dispatch(type, method, args) from each method, protocol 2
// reaches it through the methods attach installs. Its signature is frozen (state written by every
// version calls it); what it dispatches to may change freely from version to version.

import { handlerContext, rememberStackConfig, type StackConfigSource } from "../kernel/context.js";
import { HANDLER_METHODS, type HandlerMethod } from "../kernel/handlers.js";
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
  const declaration = declarationOf(type);
  if (!declaration) {
    throw new Error(
      `pulumi-huaweicloud-ccm: no resource type "${type}" in the installed package; the state was written by a newer version — upgrade pulumi-huaweicloud-ccm in the program's node_modules`,
    );
  }
  if (!HANDLER_METHODS.includes(method as HandlerMethod)) {
    throw new Error(`pulumi-huaweicloud-ccm: ${type} has no method "${method}"`);
  }
  const handlers = declaration.handlers(handlerContext());
  const fn = handlers[method as HandlerMethod] as (...a: unknown[]) => Promise<unknown>;
  if (method !== "create" && method !== "update") return fn.apply(handlers, args);
  // create(inputs) and update(id, olds, news): the inputs carry the serialized provider.
  const inputs = (method === "create" ? args[0] : args[2]) as Record<string, unknown> | undefined;
  try {
    return await fn.apply(handlers, args);
  } catch (error) {
    keepProviderInInitError(error, inputs?.__provider);
    throw error;
  }
}

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
