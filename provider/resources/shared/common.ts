// Pieces every resource's handlers share: the engine's "gone" answer for read, property helpers
// for the inputs the engine hands back, and the subject as outputs show it. (A create that fails
// half-way throws ResourceInitError, from provider/errors.ts.)
import type { DistinguishedName } from "../../schemas/distinguished-name.js";

/** The answer read gives when the object no longer exists: an empty id removes it from state. */
export const GONE = { id: "" } as const;

/** Copies only the defined entries, so optional outputs do not appear as nulls in state. */
export function definedEntries<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Inputs as the engine passes them, without the serialized provider. */
export function withoutProvider<T extends object>(value: T): Omit<T, "__provider"> {
  const { __provider: _ignored, ...rest } = value as T & { __provider?: unknown };
  return rest;
}

/** A subject as the outputs show it: the fields the service reported, none as null. */
export function subjectOf(info: { distinguishedName: DistinguishedName }): Record<string, string> {
  return definedEntries({ ...info.distinguishedName }) as Record<string, string>;
}
