// Small readers for JSON request fields. Each one either returns a typed value or throws the API
// error the caller names, so validators read like the docs' tables.

import { ApiError, type ErrorName } from "./errors.js";

export type JsonObject = { [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function requireObject(value: unknown, field: string, error: ErrorName = "incorrectParameter"): JsonObject {
  if (!isObject(value)) throw new ApiError(error, `Parameter ${field} must be an object.`);
  return value;
}

/**
 * How every field reader is called: the object, the field's name, the error to throw, and the path the message
 * names (the field's own name unless it is nested, e.g. "distinguished_name.country").
 */
export type FieldReader<T> = (obj: JsonObject, field: string, error?: ErrorName, path?: string) => T;

/**
 * The reader of one JSON type: the field's value when `read` accepts it, undefined when the field is absent or
 * null (the API's "not given"), and otherwise the caller's error saying what the field `must` be.
 */
function optionalField<T>(must: string, read: (value: unknown) => T | undefined): FieldReader<T | undefined> {
  return (obj, field, error = "incorrectParameter", path = field) => {
    const value = obj[field];
    if (value === undefined || value === null) return undefined;
    const typed = read(value);
    if (typed === undefined) throw new ApiError(error, `Parameter ${path} must be ${must}.`);
    return typed;
  };
}

/** `optional`, refusing an absent field with the same error. */
function requiredField<T>(optional: FieldReader<T | undefined>): FieldReader<T> {
  return (obj, field, error = "incorrectParameter", path = field) => {
    const value = optional(obj, field, error, path);
    if (value === undefined) throw new ApiError(error, `Parameter ${path} is required.`);
    return value;
  };
}

export const optionalString = optionalField("a string", (value) => (typeof value === "string" ? value : undefined));

export const requireString = requiredField(optionalString);

/** A string field that must be one of `allowed`. */
export function optionalEnum<T extends string>(allowed: readonly T[]): FieldReader<T | undefined> {
  return (obj, field, error = "incorrectParameter", path = field) => {
    const value = optionalString(obj, field, error, path);
    return value === undefined ? undefined : checkEnum(value, allowed, error, path);
  };
}

export function requireEnum<T extends string>(allowed: readonly T[]): FieldReader<T> {
  return requiredField(optionalEnum(allowed));
}

export function checkEnum<T extends string>(value: string, allowed: readonly T[], error: ErrorName, path: string): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) {
    throw new ApiError(error, `Parameter ${path} must be one of ${allowed.join(", ")}.`);
  }
  return found;
}

/** An integer given as a JSON number or, where a client sends one (the Terraform provider does), a decimal string. */
export const optionalInteger = optionalField("an integer", toInteger);

export function toInteger(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value === "string" && /^-?\d{1,16}$/.test(value)) return Number(value);
  return undefined;
}

export const optionalBoolean = optionalField("a boolean", (value) => (typeof value === "boolean" ? value : undefined));

/** `true`/`false` as a JSON boolean or as the strings "true"/"false" (the docs type some flags as strings). */
export function booleanOrString(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (value === "true") return true;
  if (value === "false") return false;
  return undefined;
}

export const optionalArray = optionalField<unknown[]>("an array", (value) =>
  Array.isArray(value) ? value : undefined,
);

export function checkLength(
  value: string,
  min: number,
  max: number,
  path: string,
  error: ErrorName = "incorrectParameter",
): string {
  const length = [...value].length;
  if (length < min || length > max) {
    throw new ApiError(error, `Parameter ${path} must be ${min}–${max} characters long.`);
  }
  return value;
}
