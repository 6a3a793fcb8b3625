// Builds schema.json (package `huaweicloud-ccm`) from the registry's declarations: each resource's
// description, its input properties from its zod input schema (types, enums, required), their
// descriptions and enum names from the TSDoc and types of its public Args interface (args-docs.ts),
// its outputs and secret flags as declared, and provider config from CONFIG_SETTINGS.
// `npm run schema` writes it; test/plugin/schema.test.ts fails when it is stale.
import { z } from "zod";
import { CONFIG_SETTINGS } from "../config.js";
import { FUNCTIONS } from "../functions/registry.js";
import type { FunctionDeclaration } from "../functions/shared/declaration.js";
import { RESOURCES } from "../resources/registry.js";
import type { OutputFacts, ResourceDeclaration } from "../resources/shared/declaration.js";
import { PACKAGE_NAME, typeToken } from "../type-tokens.js";
import { ARGS_SOURCE_DIRS, readArgsDocs } from "./args-docs.js";
import { functionSpecs } from "./schema-functions.js";
import { type Builder, type Json, propertiesOf, type TypeSpec } from "./schema-types.js";

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
  if (!args)
    throw new Error(`schema: ${type} needs its public ${type}Args interface in ${ARGS_SOURCE_DIRS.join(" or ")}`);
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

/** `root`: the package root, whose provider/resources and provider/functions hold the Args interfaces' TSDoc. */
export function buildSchema(
  version: string,
  root: string,
  release: ReleaseSettings = {},
  declarations: readonly ResourceDeclaration[] = RESOURCES,
  functions: readonly FunctionDeclaration[] = FUNCTIONS,
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
    functions: functionSpecs(builder, functions),
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
