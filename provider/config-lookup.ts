// Where a setting's value is found: the stack config (namespaced key, then the bare key for
// callers outside Pulumi), then the setting's environment variables in the table's order. A
// blank value counts as unset. Every finding carries its source (a key or variable name, never
// the value), so an error can say which place held the bad value.
import { CONFIG_NAMESPACE, CONFIG_SETTINGS, type ConfigSetting } from "./config-settings.js";

/** The stack config or the environment: names to values. */
export type Env = Readonly<Record<string, string | undefined>>;

/** A value and the name of the place it came from. */
export interface Found {
  readonly value: string;
  readonly source: string;
}

/** Looks a stack-config key up, namespaced first, then bare (for callers outside Pulumi). */
export function fromStack(stack: Env, key: string): Found | undefined {
  for (const name of [`${CONFIG_NAMESPACE}:${key}`, key]) {
    const value = stack[name];
    if (value !== undefined && value.trim() !== "")
      return { value: value.trim(), source: `${CONFIG_NAMESPACE}:${key}` };
  }
  return undefined;
}

export function fromEnv(env: Env, names: readonly string[]): Found | undefined {
  for (const name of names) {
    const value = env[name];
    if (value !== undefined && value.trim() !== "") return { value: value.trim(), source: name };
  }
  return undefined;
}

export function setting(key: string): ConfigSetting {
  const found = CONFIG_SETTINGS.find((s) => s.key === key);
  if (!found) throw new TypeError(`unknown setting ${key}`);
  return found;
}

/** A setting from the stack config, else from its environment variables. */
export function lookup(stack: Env, env: Env, key: string): Found | undefined {
  return fromStack(stack, key) ?? fromEnv(env, setting(key).env);
}

/** Every place a setting is looked up: the namespaced stack key, then its variables. */
export function placesOf(key: string): string[] {
  return [`${CONFIG_NAMESPACE}:${key}`, ...setting(key).env];
}
