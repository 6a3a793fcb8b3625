// Builds schema.json (package `huaweicloud-ccm`) from the registry's declarations: each resource's
// description, its input properties from its zod input schema (types, enums, required), their
// descriptions and enum names from the TSDoc and types of its public Args interface (args-docs.ts),
// its outputs and secret flags as declared, and provider config from CONFIG_SETTINGS.
// `npm run schema` writes it; test/plugin/schema.test.ts fails when it is stale.
import { z } from "zod";
import { CONFIG_SETTINGS } from "../config.js";
import { RESOURCES } from "../resources/registry.js";
import type { OutputFacts, ResourceDeclaration } from "../resources/shared/declaration.js";
import { PACKAGE_NAME, TYPE_TOKEN_PREFIXES, typeToken } from "../type-tokens.js";
import { ARGS_SOURCE_DIR, type InterfaceDoc, type PropertyDoc, readArgsDocs } from "./args-docs.js";

type Json = Record<string, unknown>;
type TypeSpec = Json;

interface Builder {
  types: Record<string, Json>;
  /** The Args interfaces' TSDoc (args-docs.ts): every input's description and enum names. */
  docs: ReadonlyMap<string, InterfaceDoc>;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const singular = (s: string) => (s.endsWith("s") ? s.slice(0, -1) : `${s}Item`);

/** A named type: reused when an identical one exists, else qualified by the resource's name. */
function namedType(builder: Builder, resource: string, name: string, spec: Json): TypeSpec {
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
      `schema: ${where} is an object, so its Args property must name an exported interface of ${ARGS_SOURCE_DIR}` +
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
  switch (node.type) {
    case "string":
    case "integer":
    case "number":
    case "boolean":
      return { type: node.type, ...description };
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

/** A string enum, as a named type called after the property's TypeScript type. */
function enumType(builder: Builder, place: NodePlace, values: readonly string[], doc: PropertyDoc): TypeSpec {
  if (doc.typeName === undefined) {
    throw new Error(`schema: ${place.where} is an enum, so its Args property must name a type alias: the enum's name`);
  }
  return namedType(builder, place.resource, doc.typeName, {
    type: "string",
    enum: values.map((value) => ({ value, name: value })),
  });
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
function propertiesOf(
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

function outputType(spec: OutputFacts): TypeSpec {
  const description = { description: spec.description };
  if (spec.type === "stringMap") return { type: "object", additionalProperties: { type: "string" }, ...description };
  if (spec.type === "stringArray") return { type: "array", items: { type: "string" }, ...description };
  return { type: spec.type, ...description };
}

function markSecrets(properties: Record<string, Json>, secrets: readonly string[]): void {
  for (const key of secrets) {
    const property = properties[key];
    if (property) property.secret = true;
  }
}

function resourceSpec(builder: Builder, declaration: ResourceDeclaration): Json {
  const { name: type, inputs, description, outputs, derivedOutputs, secrets } = declaration;
  const json = z.toJSONSchema(inputs, { io: "input", unrepresentable: "any" }) as Json;
  const args = builder.docs.get(`${type}Args`);
  if (!args) throw new Error(`schema: ${type} needs its public ${type}Args interface in ${ARGS_SOURCE_DIR}`);
  const inputProperties = propertiesOf(builder, type, (json.properties ?? {}) as Record<string, Json>, args, type);
  const properties: Record<string, Json> = structuredClone(inputProperties);
  for (const [key, spec] of Object.entries({ ...outputs, ...derivedOutputs })) properties[key] = outputType(spec);
  markSecrets(inputProperties, secrets);
  markSecrets(properties, secrets);
  return {
    description,
    inputProperties,
    requiredInputs: (json.required as string[] | undefined) ?? [],
    properties,
  };
}

/** What a release sets in the schema; the committed schema.json leaves both unset. */
export interface ReleaseSettings {
  /** Where the engine downloads a missing plugin (e.g. github://api.github.com/<org>/<repo>); the SDKs carry it. */
  pluginDownloadURL?: string;
  /** The Go SDK's module path (its repository's URL path); example.invalid/… until a release names one. */
  goImportBasePath?: string;
}

/** The provider's settings (CONFIG_SETTINGS) as schema config variables, without defaults: the
 * provider applies those itself when it resolves its configuration (config.ts). */
function configVariables(): Record<string, Json> {
  return Object.fromEntries(
    CONFIG_SETTINGS.map((s) => [
      s.key,
      {
        type: "string",
        description: `${s.description}${s.env.length > 0 ? ` (environment: ${s.env.join(", ")})` : ""}`,
        ...(s.secret ? { secret: true } : {}),
      },
    ]),
  );
}

const UNRELEASED_GO_PATH = "example.invalid/pulumi-huaweicloud-ccm/sdk/go/huaweicloudccm";

/** `root`: the package root, whose provider/resources/*.ts hold the Args interfaces' TSDoc. */
export function buildSchema(
  version: string,
  root: string,
  release: ReleaseSettings = {},
  declarations: readonly ResourceDeclaration[] = RESOURCES,
): Json {
  const builder: Builder = { types: {}, docs: readArgsDocs(root) };
  const resources: Record<string, Json> = {};
  for (const declaration of declarations)
    resources[typeToken("native", declaration.name)] = resourceSpec(builder, declaration);
  const configWithoutDefaults = configVariables();
  return {
    name: PACKAGE_NAME,
    displayName: "Huawei Cloud CCM",
    version,
    description: "Huawei Cloud Cloud Certificate Manager (CCM) private CAs and private certificates.",
    ...(release.pluginDownloadURL ? { pluginDownloadURL: release.pluginDownloadURL } : {}),
    license: "Apache-2.0",
    keywords: ["pulumi", "huaweicloud", "ccm", "certificates", "category/security"],
    config: { variables: configWithoutDefaults },
    provider: { description: "The provider of the huaweicloud-ccm package.", inputProperties: configWithoutDefaults },
    resources,
    types: builder.types,
    // respectSchemaVersion: the SDKs ask the engine for this plugin version (not a path-derived v1).
    language: {
      go: {
        importBasePath: release.goImportBasePath ?? UNRELEASED_GO_PATH,
        generateResourceContainerTypes: false,
        respectSchemaVersion: true,
      },
      nodejs: { packageName: "@pulumi-huaweicloud-ccm/sdk", respectSchemaVersion: true },
      python: { packageName: "pulumi_huaweicloud_ccm", respectSchemaVersion: true },
      csharp: { rootNamespace: "HuaweiCloudCcm" },
    },
  };
}
