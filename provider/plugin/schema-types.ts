// The schema types of inputs, shared by resources and functions: each property's type from its
// zod JSON-schema node, its description and enum name from the TSDoc and types of the public Args
// interface it belongs to (args-docs.ts), objects and enums as named types reused when identical.
import { TYPE_TOKEN_PREFIXES } from "../type-tokens.js";
import { ARGS_SOURCE_DIRS, type InterfaceDoc, type PropertyDoc } from "./args-docs.js";

export type Json = Record<string, unknown>;
export type TypeSpec = Json;

export interface Builder {
  types: Record<string, Json>;
  /** The Args interfaces' TSDoc (args-docs.ts): every input's description and enum names. */
  docs: ReadonlyMap<string, InterfaceDoc>;
}

export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const singular = (s: string) => (s.endsWith("s") ? s.slice(0, -1) : `${s}Item`);

/** A named type: reused when an identical one exists, else qualified by the resource's name. */
export function namedType(builder: Builder, resource: string, name: string, spec: Json): TypeSpec {
  for (const candidate of [name, `${resource}${name}`]) {
    const token = `${TYPE_TOKEN_PREFIXES.native}${candidate}`;
    const existing = builder.types[token];
    if (existing === undefined) builder.types[token] = spec;
    if (existing === undefined || JSON.stringify(existing) === JSON.stringify(spec))
      return { $ref: `#/types/${token}` };
  }
  throw new Error(`schema: type ${name} defined twice differently for ${resource}`);
}

/** The Args interface an object property is typed with (`ValidityArgs` for `validity`). */
function interfaceOf(builder: Builder, where: string, typeName: string | undefined): InterfaceDoc {
  const found = typeName === undefined ? undefined : builder.docs.get(typeName);
  if (!found) {
    throw new Error(
      `schema: ${where} is an object, so its Args property must name an exported interface of ${ARGS_SOURCE_DIRS.join(" or ")}` +
        ` (found ${typeName ?? "no named type"}): its TSDoc describes the object's properties`,
    );
  }
  return found;
}

/** Where a node sits: the resource, the property's type name, and its path for errors. */
interface NodePlace {
  readonly resource: string;
  readonly name: string;
  readonly where: string;
}

/**
 * The schema type of one zod JSON-schema node. `doc` is the Args property it comes from: its TSDoc
 * is the description, and an enum takes the name of the property's TypeScript type (CaType,
 * RevocationReason), so TypeScript users and the SDKs see the same names; naming it after the
 * property instead gave generic names such as `Type`.
 */
function typeOf(
  builder: Builder,
  resource: string,
  name: string,
  node: Json,
  doc: PropertyDoc,
  where: string,
): TypeSpec {
  const description = doc.description === undefined ? {} : { description: doc.description };
  const place: NodePlace = { resource, name, where };
  if (Array.isArray(node.enum) && node.enum.every((v) => typeof v === "string")) {
    return { ...enumType(builder, place, node.enum as string[], doc), ...description };
  }
  if (Array.isArray(node.type)) {
    return { oneOf: (node.type as string[]).map((t) => ({ type: t })), ...description };
  }
  const scalar = scalarType(node, description);
  if (scalar) return scalar;
  switch (node.type) {
    case "array": {
      // The items share the property's type name; the description belongs to the array.
      const itemDoc = { ...doc, description: undefined };
      const items = typeOf(builder, resource, singular(name), (node.items ?? {}) as Json, itemDoc, where);
      return { type: "array", items, ...description };
    }
    case "object":
      return { ...objectType(builder, place, node, doc), ...description };
    default:
      return { $ref: "pulumi.json#/Any", ...description };
  }
}

const SCALARS = new Set(["string", "integer", "number", "boolean"]);

/** The schema type of a JSON-schema scalar node (string, integer, number, boolean); undefined for any other. */
export function scalarType(node: Json, description: { description?: string }): TypeSpec | undefined {
  return typeof node.type === "string" && SCALARS.has(node.type) ? { type: node.type, ...description } : undefined;
}

/** A string enum, as a named type called after the property's TypeScript type. */
function enumType(builder: Builder, place: NodePlace, values: readonly string[], doc: PropertyDoc): TypeSpec {
  if (doc.typeName === undefined) {
    throw new Error(`schema: ${place.where} is an enum, so its Args property must name a type alias: the enum's name`);
  }
  return namedType(builder, place.resource, doc.typeName, {
    type: "string",
    enum: enumMemberNames(values).map((name, i) => ({ value: values[i], name })),
  });
}

/**
 * The names the SDKs give an enum's members, PascalCase as Pulumi's code generators expect: they
 * derive Python's UPPER_SNAKE from it, and read `KEY_COMPROMISE` as camelCase (`KE_Y_COMPROMISE`).
 * An enum with one snake_case value has all its members' words joined (`KeyCompromise`,
 * `Unspecified`, `CreateTime`), so no enum mixes styles; any other keeps its value, its first
 * letter raised (`RSA2048`, `CRLSign` for `cRLSign`, `DigitalSignature`).
 */
export function enumMemberNames(values: readonly string[]): string[] {
  const raise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
  if (!values.some((value) => value.includes("_"))) return values.map(raise);
  return values.map((value) =>
    value
      .split("_")
      .map((word) => raise(word.toLowerCase()))
      .join(""),
  );
}

/** A map (no declared properties), or a named object type described by its Args interface. */
function objectType(builder: Builder, place: NodePlace, node: Json, doc: PropertyDoc): TypeSpec {
  const { resource, name, where } = place;
  const properties = node.properties as Record<string, Json> | undefined;
  if (!properties) {
    const values = (node.additionalProperties ?? {}) as Json;
    const valueType = typeOf(builder, resource, name, values, { description: undefined, typeName: undefined }, where);
    return { type: "object", additionalProperties: valueType };
  }
  const required = (node.required as string[] | undefined) ?? [];
  const args = interfaceOf(builder, where, doc.typeName);
  return namedType(builder, resource, capitalize(name), {
    type: "object",
    ...(args.description === undefined ? {} : { description: args.description }),
    properties: propertiesOf(builder, resource, properties, args, where, capitalize(name)),
    ...(required.length > 0 ? { required } : {}),
  });
}

/** Nested types are named after their path ("Validity" → "ValidityType"), so names stay apart. */
export function propertiesOf(
  builder: Builder,
  resource: string,
  properties: Record<string, Json>,
  args: InterfaceDoc,
  where: string,
  parent = "",
): Record<string, Json> {
  return Object.fromEntries(
    Object.entries(properties).map(([key, node]) => {
      const doc = args.properties.get(key);
      if (!doc) throw new Error(`schema: ${where}.${key} is an input the Args interface does not declare`);
      return [key, typeOf(builder, resource, `${parent}${capitalize(key)}`, node, doc, `${where}.${key}`)];
    }),
  );
}
