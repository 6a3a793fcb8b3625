// Validates caller arguments against the shared schemas before anything is sent.
import type { z } from "zod";
import { CcmInvalidArgumentError } from "../errors.js";
import { issuesOf } from "../schemas/common.js";

export function validateArgs<S extends z.ZodType>(what: string, schema: S, args: unknown): z.output<S> {
  const parsed = schema.safeParse(args);
  if (!parsed.success) throw new CcmInvalidArgumentError(what, issuesOf(parsed.error));
  return parsed.data;
}

export function requireId(what: string, id: string): string {
  if (typeof id !== "string" || id.trim() === "") throw new CcmInvalidArgumentError(what, ["must be a non-empty id"]);
  return id;
}
