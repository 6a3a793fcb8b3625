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

/** A property's type in words: alternatives, lists and maps spelled out, a named type as `named` puts it. */
export function typeText(spec: PropertySpec, named: (ref: string) => string = typeLink): string {
  if (spec.$ref) return named(spec.$ref);
  if (spec.oneOf) return spec.oneOf.map((option) => typeText(option, named)).join(" or ");
  if (spec.type === "array") return `list of ${typeText(spec.items ?? {}, named)}`;
  if (spec.type === "object") return `map of ${typeText(spec.additionalProperties ?? { type: "string" }, named)}`;
  return spec.type ?? "any";
}

/** Every named type the properties refer to that `keep` takes, nested ones after their parents, each once. */
export function referencedTypes(
  properties: PropertySpec[],
  types: Record<string, TypeSpec>,
  keep: (type: TypeSpec | undefined) => boolean = () => true,
  seen = new Set<string>(),
): string[] {
  const found: string[] = [];
  const visit = (spec: PropertySpec) => {
    if (spec.items) visit(spec.items);
    if (spec.additionalProperties) visit(spec.additionalProperties);
    for (const option of spec.oneOf ?? []) visit(option);
    if (!spec.$ref) return;
    const token = refToken(spec.$ref);
    const type = types[token];
    if (seen.has(token) || !keep(type)) return;
    seen.add(token);
    found.push(token, ...referencedTypes(Object.values(type?.properties ?? {}), types, keep, seen));
  };
  for (const spec of properties) visit(spec);
  return found;
}
