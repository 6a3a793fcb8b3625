// Builds schema.json (package `huaweicloud-ccm`) from what the handlers enforce: each resource's
// input properties from its zod input schema (types, enums, required), secret flags from
// SECRET_PROPERTIES, provider config from CONFIG_SETTINGS, and the outputs each resource adds
// (outputs.ts). `npm run schema` writes it; test/plugin/schema.test.ts fails when it is stale.
import { z } from "zod";
import { CONFIG_SETTINGS } from "../config.js";
import { certificateBundleInputs } from "../resources/certificate-bundle.handlers.js";
import { intermediateCaCertificateInputs } from "../resources/intermediate-ca-certificate.handlers.js";
import { migrationTaskCertKeyInputs } from "../resources/migration-task-cert-key.handlers.js";
import { privateCaInputs } from "../resources/private-ca.handlers.js";
import { privateCertificateInputs } from "../resources/private-certificate.handlers.js";
import { scmCertificateBundleInputs } from "../resources/scm-certificate-bundle.handlers.js";
import { SECRET_PROPERTIES } from "../resources/secrets.js";
import type { ResourceTypeName } from "../resources/shim.js";
import { EXTRA_OUTPUTS, type OutputSpec } from "./outputs.js";

export const PACKAGE = "huaweicloud-ccm";

const RESOURCES: Record<ResourceTypeName, { inputs: z.ZodType; description: string }> = {
  PrivateCa: {
    inputs: privateCaInputs,
    description: "A CCM private CA: root or subordinate, created, imported or activated.",
  },
  PrivateCertificate: {
    inputs: privateCertificateInputs,
    description: "A certificate issued by a CCM private CA, with a service-generated key or from your CSR.",
  },
  IntermediateCaCertificate: {
    inputs: intermediateCaCertificateInputs,
    description: "Signs a pending subordinate CA's CSR with an issuing CA, which activates the subordinate.",
  },
  CertificateBundle: {
    inputs: certificateBundleInputs,
    description: "The PEMs (and PFX/JKS keystores) of a private certificate, exported from CCM.",
  },
  ScmCertificateBundle: {
    inputs: scmCertificateBundleInputs,
    description: "A certificate exported from SCM (Huawei Cloud SSL Certificate Manager).",
  },
  MigrationTaskCertKey: {
    inputs: migrationTaskCertKeyInputs,
    description: "The certificates and keys of an SMS migration task's agent channels.",
  },
};

type Json = Record<string, unknown>;
type TypeSpec = Json;

interface Builder {
  types: Record<string, Json>;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const singular = (s: string) => (s.endsWith("s") ? s.slice(0, -1) : `${s}Item`);

/** A named type: reused when an identical one exists, else qualified by the resource's name. */
function namedType(builder: Builder, resource: string, name: string, spec: Json): TypeSpec {
  for (const candidate of [name, `${resource}${name}`]) {
    const token = `${PACKAGE}:index:${candidate}`;
    const existing = builder.types[token];
    if (existing === undefined) builder.types[token] = spec;
    if (existing === undefined || JSON.stringify(existing) === JSON.stringify(spec))
      return { $ref: `#/types/${token}` };
  }
  throw new Error(`schema: type ${name} defined twice differently for ${resource}`);
}

function typeOf(builder: Builder, resource: string, name: string, node: Json): TypeSpec {
  const description = typeof node.description === "string" ? { description: node.description } : {};
  if (Array.isArray(node.enum) && node.enum.every((v) => typeof v === "string")) {
    return namedType(builder, resource, capitalize(name), {
      type: "string",
      enum: (node.enum as string[]).map((value) => ({ value, name: value })),
    });
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
    case "array":
      return {
        type: "array",
        items: typeOf(builder, resource, singular(name), (node.items ?? {}) as Json),
        ...description,
      };
    case "object": {
      const properties = node.properties as Record<string, Json> | undefined;
      if (!properties) {
        const values = (node.additionalProperties ?? {}) as Json;
        return { type: "object", additionalProperties: typeOf(builder, resource, name, values), ...description };
      }
      const required = (node.required as string[] | undefined) ?? [];
      return namedType(builder, resource, capitalize(name), {
        type: "object",
        properties: propertiesOf(builder, resource, properties, capitalize(name)),
        ...(required.length > 0 ? { required } : {}),
      });
    }
    default:
      return { $ref: "pulumi.json#/Any", ...description };
  }
}

/** Nested types are named after their path ("Validity" → "ValidityType"), so names stay apart. */
function propertiesOf(
  builder: Builder,
  resource: string,
  properties: Record<string, Json>,
  parent = "",
): Record<string, Json> {
  return Object.fromEntries(
    Object.entries(properties).map(([key, node]) => [
      key,
      typeOf(builder, resource, `${parent}${capitalize(key)}`, node),
    ]),
  );
}

function outputType(spec: OutputSpec): TypeSpec {
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

function resourceSpec(builder: Builder, type: ResourceTypeName): Json {
  const { inputs, description } = RESOURCES[type];
  const json = z.toJSONSchema(inputs, { io: "input", unrepresentable: "any" }) as Json;
  const inputProperties = propertiesOf(builder, type, (json.properties ?? {}) as Record<string, Json>);
  const properties: Record<string, Json> = structuredClone(inputProperties);
  for (const [key, spec] of Object.entries(EXTRA_OUTPUTS[type])) properties[key] = outputType(spec);
  const secrets = SECRET_PROPERTIES[type];
  markSecrets(inputProperties, secrets);
  markSecrets(properties, secrets);
  return {
    description,
    inputProperties,
    requiredInputs: (json.required as string[] | undefined) ?? [],
    properties,
  };
}

export function buildSchema(version: string): Json {
  const builder: Builder = { types: {} };
  const resources: Record<string, Json> = {};
  for (const type of Object.keys(RESOURCES) as ResourceTypeName[]) {
    resources[`${PACKAGE}:index:${type}`] = resourceSpec(builder, type);
  }
  const config = Object.fromEntries(
    CONFIG_SETTINGS.map((s) => [
      s.key,
      {
        type: "string",
        description: `${s.description}${s.env.length > 0 ? ` (environment: ${s.env.join(", ")})` : ""}`,
        ...(s.secret ? { secret: true } : {}),
        ...(s.default !== undefined ? { default: s.default } : {}),
      },
    ]),
  );
  const configWithoutDefaults = Object.fromEntries(
    Object.entries(config).map(([key, { default: _d, ...rest }]) => [key, rest]),
  );
  return {
    name: PACKAGE,
    displayName: "Huawei Cloud CCM",
    version,
    description: "Huawei Cloud Cloud Certificate Manager (CCM) private CAs and private certificates.",
    license: "Apache-2.0",
    keywords: ["pulumi", "huaweicloud", "ccm", "certificates", "category/security"],
    config: { variables: configWithoutDefaults },
    provider: { description: "The provider of the huaweicloud-ccm package.", inputProperties: configWithoutDefaults },
    resources,
    types: builder.types,
    // respectSchemaVersion: the SDKs ask the engine for this plugin version (not a path-derived v1).
    language: {
      go: {
        importBasePath: "example.invalid/pulumi-huaweicloud-ccm/sdk/go/huaweicloudccm",
        generateResourceContainerTypes: false,
        respectSchemaVersion: true,
      },
      nodejs: { packageName: "@pulumi-huaweicloud-ccm/sdk", respectSchemaVersion: true },
      python: { packageName: "pulumi_huaweicloud_ccm", respectSchemaVersion: true },
      csharp: { rootNamespace: "HuaweiCloudCcm" },
    },
  };
}
