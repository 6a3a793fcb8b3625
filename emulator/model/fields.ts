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

export function optionalString(
  obj: JsonObject,
  field: string,
  error: ErrorName = "incorrectParameter",
  path = field,
): string | undefined {
  const value = obj[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw new ApiError(error, `Parameter ${path} must be a string.`);
  return value;
}

export function requireString(
  obj: JsonObject,
  field: string,
  error: ErrorName = "incorrectParameter",
  path = field,
): string {
  const value = optionalString(obj, field, error, path);
  if (value === undefined) throw new ApiError(error, `Parameter ${path} is required.`);
  return value;
}

export function requireEnum<T extends string>(
  obj: JsonObject,
  field: string,
  allowed: readonly T[],
  error: ErrorName = "incorrectParameter",
  path = field,
): T {
  const value = requireString(obj, field, error, path);
  return checkEnum(value, allowed, error, path);
}

export function optionalEnum<T extends string>(
  obj: JsonObject,
  field: string,
  allowed: readonly T[],
  error: ErrorName = "incorrectParameter",
  path = field,
): T | undefined {
  const value = optionalString(obj, field, error, path);
  return value === undefined ? undefined : checkEnum(value, allowed, error, path);
}

export function checkEnum<T extends string>(value: string, allowed: readonly T[], error: ErrorName, path: string): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) {
    throw new ApiError(error, `Parameter ${path} must be one of ${allowed.join(", ")}.`);
  }
  return found;
}

/** An integer given as a JSON number or, where a client sends one (the Terraform provider does), a decimal string. */
export function optionalInteger(
  obj: JsonObject,
  field: string,
  error: ErrorName = "incorrectParameter",
  path = field,
): number | undefined {
  const value = obj[field];
  if (value === undefined || value === null) return undefined;
  const parsed = toInteger(value);
  if (parsed === undefined) throw new ApiError(error, `Parameter ${path} must be an integer.`);
  return parsed;
}

export function toInteger(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value === "string" && /^-?\d{1,16}$/.test(value)) return Number(value);
  return undefined;
}

export function optionalBoolean(
  obj: JsonObject,
  field: string,
  error: ErrorName = "incorrectParameter",
  path = field,
): boolean | undefined {
  const value = obj[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean") throw new ApiError(error, `Parameter ${path} must be a boolean.`);
  return value;
}

/** `true`/`false` as a JSON boolean or as the strings "true"/"false" (the docs type some flags as strings). */
export function booleanOrString(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (value === "true") return true;
  if (value === "false") return false;
  return undefined;
}

export function optionalArray(
  obj: JsonObject,
  field: string,
  error: ErrorName = "incorrectParameter",
  path = field,
): unknown[] | undefined {
  const value = obj[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw new ApiError(error, `Parameter ${path} must be an array.`);
  return value;
}

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
