// The entry of the protocol-2 shim (provider/resources/shared/shim.ts): the serialized provider holds only
// `configure`, which calls attach(provider, type, request) once per process and per `__provider`
// text. attach keeps the stack config and gives that object the dynamic-provider methods, each
// forwarding to dispatch — the one path old (protocol 1) and new state share. Its signature is
// frozen like dispatch's: state written by every later version calls it.
import type * as pulumi from "@pulumi/pulumi";
import { rememberStackConfig } from "../kernel/context.js";
import { HANDLER_METHODS, type HandlerMethod } from "../kernel/handlers.js";
import { dispatch } from "./dispatch.js";

type Method = (...args: unknown[]) => Promise<unknown>;

const methodsByType = new Map<string, Record<HandlerMethod, Method>>();

export function attach(provider: object, type: string, request: pulumi.dynamic.ConfigureRequest | undefined): void {
  rememberStackConfig(request?.config);
  // An unknown type still gets its methods: dispatch then explains the version mismatch at each
  // call, where the host's fallbacks for missing methods would silently pass inputs through.
  Object.assign(provider, methodsFor(type));
}

function methodsFor(type: string): Record<HandlerMethod, Method> {
  let methods = methodsByType.get(type);
  if (!methods) {
    methods = Object.fromEntries(
      HANDLER_METHODS.map((method) => [method, (...args: unknown[]) => dispatch(type, method, args)]),
    ) as Record<HandlerMethod, Method>;
    methodsByType.set(type, methods);
  }
  return methods;
}
