// What a handler is given at call time (HandlerContext): a client built from the stack config the
// engine handed to `configure` (then from the environment), a clock (real time, moved by
// CCM_CLOCK_OFFSET_MS), and the warning path. Nothing here is ever serialized into state: this
// module lives only in the process that runs the handlers (the dynamic-provider host, the plugin).
import type { Clock } from "../client/clock.js";
import { type CcmClient, createClient } from "../client/index.js";
import { CONFIG_NAMESPACE, CONFIG_SETTINGS } from "../config.js";
import { warn } from "./warn.js";

/** The part of Pulumi's dynamic-provider Config the runtime reads. */
export interface StackConfigSource {
  get(key: string): string | undefined;
}

/** Time as handlers see it (client/clock.ts): unit tests give a fixed or moving one. */
export type { Clock };

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

/**
 * The variable that moves every handler's "now" (renewal windows, startFrom limits, validity
 * starts) by a number of milliseconds, negative or positive. Read at each call from the process
 * environment, which both front ends (the dynamic-provider host and the plugin) get from the
 * engine, and never stored in state: tests move time with it, together with the emulator's clock
 * (POST /_emulator/clock), instead of waiting for it to pass. Request signing (X-Sdk-Date) keeps
 * real time, as the service's signature check does.
 */
export const CLOCK_OFFSET_ENV = "CCM_CLOCK_OFFSET_MS";

/** CCM_CLOCK_OFFSET_MS as an integer (0 when unset or empty); anything else is refused loudly. */
export function clockOffsetMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[CLOCK_OFFSET_ENV]?.trim();
  if (!raw) return 0;
  const offset = /^[+-]?\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(offset)) {
    throw new Error(`${CLOCK_OFFSET_ENV} must be an integer number of milliseconds, not "${raw}"`);
  }
  return offset;
}

/** Real time, moved by CCM_CLOCK_OFFSET_MS when it is set. */
export const SYSTEM_CLOCK: Clock = { now: () => Date.now() + clockOffsetMs() };
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
