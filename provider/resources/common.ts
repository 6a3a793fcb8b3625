// Pieces every resource's handlers share: partial-create errors that keep the id in state, the
// engine's "gone" answer for read, property helpers for the inputs the engine hands back, and the
// subject as outputs show it.
import type { DistinguishedName } from "../schemas/common.js";

/**
 * Thrown when a create made the object but a later step failed (waiting, tagging, reading it
 * back). The dynamic-provider host turns an error carrying `id` into ErrorResourceInitFailed, so
 * the engine records the object in state instead of forgetting it: nothing is orphaned, and the
 * next `pulumi up` finishes the job (an update). `properties` become the recorded outputs; the
 * runtime's dispatch adds `__provider` to them, which refresh and destroy need.
 */
export class ResourceInitError extends Error {
  readonly reasons: string[];
  constructor(
    readonly id: string,
    readonly properties: Record<string, unknown>,
    what: string,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`${what} ${id} was created, but ${reason}`, { cause });
    this.name = "ResourceInitError";
    this.reasons = [reason];
  }
}

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
