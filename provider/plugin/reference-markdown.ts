// What the reference pages (reference-docs.ts for resources, reference-docs-functions.ts for
// functions) share: the schema's property and type shapes as they read them, and Markdown cells.

export type Json = Record<string, unknown>;

export interface PropertySpec {
  type?: string;
  $ref?: string;
  items?: PropertySpec;
  additionalProperties?: PropertySpec;
  oneOf?: PropertySpec[];
  description?: string;
}

export interface TypeSpec {
  type: string;
  description?: string;
  enum?: { value: string }[];
  properties?: Record<string, PropertySpec>;
  required?: string[];
}

/** Markdown table cells hold one line and no bare pipe. */
export const cell = (text: string | undefined) => (text ?? "").replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");

/** The last part of a type token or `$ref` (`PrivateCaSummary`). */
export const typeName = (ref: string) => ref.slice(ref.lastIndexOf(":") + 1);

/** The token a `$ref` names (`huaweicloud-ccm:index:CaStatus`). */
export const refToken = (ref: string) => ref.replace("#/types/", "");

/** A link to a type's section on the same page (GitHub's heading anchors). */
export const typeLink = (ref: string) => `[${typeName(ref)}](#${typeName(ref).toLowerCase()})`;
