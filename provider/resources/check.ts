// `check` for every resource: validate the user's inputs with the shared zod schema and report
// every bad property at once, named by its path and with the allowed values — while letting values
// that are unknown at preview pass. No API call is ever made from here.
import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { unknownAlong } from "./unknowns.js";

export interface CheckOutcome<T> {
  /** The inputs to store: the parsed (normalised, defaulted) value when everything is known. */
  inputs: T;
  failures: pulumi.dynamic.CheckFailure[];
}

export function checkInputs<S extends z.ZodType>(
  schema: S,
  news: Record<string, unknown>,
): pulumi.dynamic.CheckResult<z.infer<S>> {
  const { __provider, ...userInputs } = news;
  const parsed = schema.safeParse(userInputs);
  if (parsed.success) return { inputs: { ...(parsed.data as object), __provider } as z.infer<S> };
  const failures = parsed.error.issues
    .filter((issue) => !unknownAlong(userInputs, issue.path))
    .map((issue) => ({ property: propertyPath(issue.path), reason: describeIssue(issue) }));
  // Only unknown values failed: keep the inputs as given; the next check (at update time, with
  // everything known) validates them for real.
  return failures.length === 0 ? { inputs: news as z.infer<S> } : { inputs: news as z.infer<S>, failures };
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

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_value") {
    return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
  }
  if (issue.code === "unrecognized_keys") {
    return `unknown propert${issue.keys.length === 1 ? "y" : "ies"} ${issue.keys.join(", ")}`;
  }
  if (issue.code === "invalid_type" && issue.input === undefined) return "is required";
  return issue.message;
}
