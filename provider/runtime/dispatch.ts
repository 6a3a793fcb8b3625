// The entry every serialized shim ends in: protocol 1 calls
// require("pulumi-huaweicloud-ccm/runtime").dispatch(type, method, args) from each method, protocol 2
// reaches it through the methods attach installs. Its signature is frozen (state written by every
// version calls it); what it dispatches to may change freely from version to version.

import { rememberStackConfig, type StackConfigSource } from "./context.js";
import { HANDLER_METHODS, type HandlerMethod, type ResourceHandlers } from "./handlers.js";
import { RESOURCE_HANDLERS } from "./table.js";

export async function dispatch(type: string, method: string, args: unknown[]): Promise<unknown> {
  if (method === "configure") {
    rememberStackConfig(args[0] as StackConfigSource | undefined);
    return undefined;
  }
  const handlers = (RESOURCE_HANDLERS as Record<string, ResourceHandlers | undefined>)[type];
  if (!handlers) {
    throw new Error(
      `pulumi-huaweicloud-ccm: no resource type "${type}" in the installed package; the state was written by a newer version — upgrade pulumi-huaweicloud-ccm in the program's node_modules`,
    );
  }
  if (!HANDLER_METHODS.includes(method as HandlerMethod)) {
    throw new Error(`pulumi-huaweicloud-ccm: ${type} has no method "${method}"`);
  }
  const fn = handlers[method as HandlerMethod] as (...a: unknown[]) => Promise<unknown>;
  return fn.apply(handlers, args);
}
