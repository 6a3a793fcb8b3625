// During `pulumi preview`, inputs computed from other resources (a CA's id, say) reach the provider
// as this sentinel string, whatever their declared type (pulumi/pulumi#6310). `check` and `diff`
// must treat it as "some valid value, not known yet" — never as a bad value.
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN;
}

/** True when the value, or anything nested in it, is not known yet. */
export function containsUnknown(value: unknown): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value !== null && typeof value === "object") return Object.values(value).some(containsUnknown);
  return false;
}

/** The value at a property path, or undefined when the path leaves the object. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/**
 * True when the value at the path, or any value on the way to it, is not known yet — or, for a
 * nested property, anything inside it (a rule about an object cannot be judged while part of it is
 * unknown). Rules about the whole input must name the property they concern.
 */
export function unknownAlong(root: unknown, path: readonly PropertyKey[]): boolean {
  let node: unknown = root;
  if (isUnknown(node)) return true;
  for (const key of path) {
    if (node === null || typeof node !== "object") return false;
    node = (node as Record<PropertyKey, unknown>)[key];
    if (isUnknown(node)) return true;
  }
  return path.length > 0 && containsUnknown(node);
}
