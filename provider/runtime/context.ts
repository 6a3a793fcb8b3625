// What a handler needs at call time: the stack config the engine handed to `configure`, and a
// client built from it (then from the environment) when the call runs. Nothing here is ever
// serialized into state: this module lives only in the dynamic-provider host process.
import { type CcmClient, createClient } from "../client/index.js";
import { CONFIG_NAMESPACE, CONFIG_SETTINGS } from "../config.js";

/** The part of Pulumi's dynamic-provider Config the runtime reads. */
export interface StackConfigSource {
  get(key: string): string | undefined;
}

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

/** A client for this call. Resolved now, so rotated credentials work for refresh and destroy. */
export function client(): CcmClient {
  return createClient(stackConfig, process.env);
}
