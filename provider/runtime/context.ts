// What a handler is given at call time (HandlerContext): a client built from the stack config the
// engine handed to `configure` (then from the environment), a clock, and the warning path. Nothing
// here is ever serialized into state: this module lives only in the dynamic-provider host process.
import { type CcmClient, createClient } from "../client/index.js";
import { CONFIG_NAMESPACE, CONFIG_SETTINGS } from "../config.js";
import { warn } from "./warn.js";

/** The part of Pulumi's dynamic-provider Config the runtime reads. */
export interface StackConfigSource {
  get(key: string): string | undefined;
}

/** Time as handlers see it: unit tests give a fixed or moving one. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

/** Where a handler tells the user something in the `pulumi up` output. */
export interface HandlerLog {
  /** Resolves once the warning is delivered (to the engine, or to stderr without one). */
  warn(message: string): Promise<void>;
}

export interface HandlerContext {
  /**
   * A client for this call, made on first use: check and diff never touch it (a preview makes no
   * API call and needs no credentials), and each call resolves the config anew, so rotated
   * credentials work for refresh and destroy.
   */
  readonly client: CcmClient;
  readonly clock: Clock;
  readonly log: HandlerLog;
}

export const SYSTEM_CLOCK: Clock = { now: () => Date.now() };
export const ENGINE_LOG: HandlerLog = { warn };

let stackConfig: Record<string, string | undefined> = {};

/** Keeps our namespace's settings from the stack config (secrets arrive decrypted here). */
export function rememberStackConfig(source: StackConfigSource | undefined): void {
  const next: Record<string, string | undefined> = {};
  for (const { key } of CONFIG_SETTINGS) {
    const name = `${CONFIG_NAMESPACE}:${key}`;
    const value = source?.get(name);
    if (value !== undefined) next[name] = value;
  }
  stackConfig = next;
}

/** The context for one handler call; `overrides` serve unit tests (a fixed clock, a captured log). */
export function handlerContext(overrides: Partial<Omit<HandlerContext, "client">> = {}): HandlerContext {
  let api: CcmClient | undefined;
  return {
    get client() {
      api ??= createClient(stackConfig, process.env);
      return api;
    },
    clock: overrides.clock ?? SYSTEM_CLOCK,
    log: overrides.log ?? ENGINE_LOG,
  };
}
