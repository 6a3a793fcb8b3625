// `check` for every resource: validate the user's inputs with the shared zod schema and report
// every bad property at once, named by its path and with the allowed values — while letting values
// that are unknown at preview pass. No API call is ever made from here.

import type { z } from "zod";
import type { CheckFailure, CheckResult } from "../../kernel/handlers.js";
import type { Declared } from "./declaration.js";
import { knownKeysAt, nearestKey } from "./known-keys.js";
import { unknownAlong, valueAt } from "./unknowns.js";

export interface CheckOutcome<T> {
  /** The inputs to store: the parsed (normalised, defaulted) value when everything is known. */
  inputs: T;
  failures: CheckFailure[];
}

export interface CheckOptions {
  /**
   * Top-level properties holding secrets (the resource's declared secrets). GOTCHA: the engine
   * prints the input value of a failed property next to the reason — a secret too, when the
   * program passed it as a plain value — so their failures name the property in the reason
   * instead, where the engine prints no value.
   */
  secrets?: readonly string[];
  /**
   * Rules across properties, judged on the user's inputs; reported with the schema's failures
   * (one per property, the schema's first) and hidden like them.
   */
  crossProperty?: (inputs: Record<string, unknown>) => CheckFailure[];
}

export function checkInputs<S extends z.ZodType>(
  schema: S,
  news: Record<string, unknown>,
  options: CheckOptions = {},
): CheckResult<z.infer<S>> {
  const { __provider, ...userInputs } = news;
  const secrets = options.secrets ?? [];
  const parsed = schema.safeParse(userInputs);
  const schemaFailures = parsed.success
    ? []
    : parsed.error.issues
        .filter((issue) => !unknownAlong(userInputs, issue.path))
        .flatMap((issue) =>
          issue.code === "unrecognized_keys"
            ? issue.keys.map((key) => unknownProperty(schema, issue.path, key))
            : [{ property: propertyPath(issue.path), reason: describeIssue(issue, valueAt(userInputs, issue.path)) }],
        );
  const crossFailures = (options.crossProperty?.(userInputs) ?? []).filter(
    (f) => !schemaFailures.some((g) => g.property === f.property),
  );
  const failures = [...schemaFailures, ...crossFailures].map((failure) =>
    hideSecretValue(failure, secrets, userInputs),
  );
  if (failures.length > 0) return { inputs: news as z.infer<S>, failures };
  if (parsed.success) return { inputs: { ...(parsed.data as object), __provider } as z.infer<S> };
  // Only unknown values failed: keep the inputs as given; the next check (at update time, with
  // everything known) validates them for real.
  return { inputs: news as z.infer<S> };
}

/**
 * A resource's check: its schema, the secrets its declaration names (which its class wraps), and
 * its rules across properties, if any.
 */
export function checkResource<S extends z.ZodType>(
  declared: Declared,
  schema: S,
  news: Record<string, unknown>,
  crossProperty?: CheckOptions["crossProperty"],
): CheckResult<z.infer<S>> {
  return checkInputs(schema, news, { secrets: declared.secrets, ...(crossProperty ? { crossProperty } : {}) });
}

/** "distinguishedName.commonName", "subjectAlternativeNames[2].value". */
export function propertyPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

/**
 * An unknown property, named in the reason with the nearest known one. GOTCHA: reported without a
 * property, because the engine prints a failed property's value and nothing says whether an
 * unknown property holds a secret (a misspelled csrPem is not wrapped in a secret).
 */
function unknownProperty(schema: z.ZodType, path: readonly PropertyKey[], key: string): CheckFailure {
  const known = knownKeysAt(schema, path);
  const nearest = nearestKey(key, known);
  const name = propertyPath([...path, key]);
  const hint = nearest
    ? `did you mean ${propertyPath([...path, nearest])}?`
    : known.length === 0
      ? "none is taken here"
      : `known ones: ${known.map((k) => propertyPath([...path, k])).join(", ")}`;
  return { property: "", reason: `${name} is not a known property; ${hint}` };
}

/**
 * A failure of a secret property that was given a value: named in the reason, so the engine
 * prints no value, and with the value itself never in the text. A missing one ("is required")
 * has nothing to hide and stays a property failure.
 */
function hideSecretValue(
  failure: CheckFailure,
  secrets: readonly string[],
  inputs: Record<string, unknown>,
): CheckFailure {
  const top = failure.property.split(/[.[]/)[0] ?? "";
  const value = inputs[top];
  if (!secrets.includes(top) || value === undefined || value === null) return failure;
  let reason = `${failure.property} ${failure.reason}`;
  if (typeof value === "string" && value !== "") reason = reason.replaceAll(value, "[secret]");
  return { property: "", reason };
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case "invalid_value":
      // Enum values are never secret, so the rejected one is shown (the engine prints nested
      // properties' values as <nil>).
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")} (got ${JSON.stringify(input)})`;
    case "invalid_type":
      return input === undefined ? "is required" : `must be ${expectedKind(issue.expected)} (got ${kindOf(input)})`;
    case "too_small":
      if (issue.origin === "string")
        return issue.minimum === 1 ? "must not be empty" : `must have at least ${issue.minimum} characters`;
      if (issue.origin === "array") return `must have at least ${issue.minimum} entries`;
      return `must be ${issue.inclusive ? "at least" : "greater than"} ${issue.minimum}`;
    case "too_big":
      if (issue.origin === "string") return `must have at most ${issue.maximum} characters`;
      if (issue.origin === "array") return `must have at most ${issue.maximum} entries`;
      return `must be ${issue.inclusive ? "at most" : "less than"} ${issue.maximum}`;
    default:
      return issue.message;
  }
}

/** zod's type names in a user's words. */
function expectedKind(expected: string): string {
  if (expected === "int") return "an integer";
  if (expected === "record") return "an object of string values";
  return article(expected);
}

/** What a value is, in the words a user would use ("an array", "NaN"), never its content. */
function kindOf(input: unknown): string {
  if (input === null) return "null";
  if (Array.isArray(input)) return "an array";
  if (typeof input === "number" && Number.isNaN(input)) return "NaN";
  if (typeof input === "number" && !Number.isFinite(input)) return "an infinite number";
  if (typeof input === "number" && !Number.isInteger(input)) return "a fraction";
  return article(typeof input);
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
