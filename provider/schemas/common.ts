// The response primitives every operation shares: coercions for what the service answers (the
// subject and issued-object shapes, list queries, validity, subject alternative names and tags
// have files of their own).
// Request shapes are camelCase zod schemas (the args resources take) with one explicit mapper to
// the API's snake_case body; response shapes are snake_case zod schemas with one explicit mapper
// to a camelCase result.
//
// Responses: where the docs and the live service differ (docs/api-facts.md §12) both forms are accepted —
// numbers may arrive as numeric strings, booleans as "true"/"false", PEMs with "\r\n".
import { z } from "zod";
import { normalizePem } from "../pem.js";

// ---------------------------------------------------------------------------------------------
// Response primitives

/** A millisecond timestamp (number, numeric string or ISO text) → ISO 8601; 0 / null → undefined. */
export const wireTimestamp = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((value, ctx): string | undefined => {
    if (value === null || value === undefined || value === "" || value === 0 || value === "0") return undefined;
    const ms = typeof value === "number" || /^\d+$/.test(value) ? Number(value) : Date.parse(value);
    if (!Number.isFinite(ms)) {
      ctx.addIssue({ code: "custom", message: `not a timestamp: ${String(value).slice(0, 40)}` });
      return z.NEVER;
    }
    return new Date(ms).toISOString();
  });

/** An integer that may arrive as a numeric string. */
export const wireInt = z
  .union([z.number().int(), z.string().regex(/^-?\d+$/)])
  .nullish()
  .transform((value) => (value === null || value === undefined ? undefined : Number(value)));

/** A boolean that may arrive as "true"/"false". */
export const wireBool = z
  .union([z.boolean(), z.enum(["true", "false", "TRUE", "FALSE", "True", "False"])])
  .nullish()
  .transform((value) => (value === null || value === undefined ? undefined : String(value).toLowerCase() === "true"));

/** Optional text; null and "" become undefined. */
export const wireText = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value) => (value === null || value === undefined || value === "" ? undefined : String(value)));

/** Optional PEM text, normalised ("\n", final newline). */
export const wirePem = z
  .string()
  .nullish()
  .transform((value) => {
    if (value === null || value === undefined) return undefined;
    const pem = normalizePem(value);
    return pem === "" ? undefined : pem;
  });

/** Required PEM text, normalised. */
export const wirePemRequired = z
  .string()
  .min(1)
  .transform((value) => normalizePem(value));

/** Flattens zod issues into short "path: message" strings (no values, so no secrets). */
export function issuesOf(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}
