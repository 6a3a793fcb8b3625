// schema.json is what the plugin serves: it must be what the zod schemas, the Args interfaces'
// TSDoc, the registry's declarations and CONFIG_SETTINGS say today (regenerate with `npm run schema`).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CONFIG_SETTINGS } from "../../provider/config.js";
import { readArgsDocs } from "../../provider/plugin/args-docs.js";
import { buildSchema } from "../../provider/plugin/schema-gen.js";
import { RESOURCES } from "../../provider/resources/registry.js";

const root = path.resolve(import.meta.dirname, "../..");
const committed = JSON.parse(readFileSync(path.join(root, "schema.json"), "utf8"));
const version = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).version as string;

interface PropertySpec {
  secret?: boolean;
  description?: string;
  $ref?: string;
  items?: PropertySpec;
}

type Properties = Record<string, PropertySpec> | undefined;

/** Every property map of the schema, by where it is: config, provider, resources, object types. */
function propertyMaps(schema: typeof committed): [string, Properties][] {
  const maps: [string, Properties][] = [
    ["config", schema.config.variables],
    ["provider inputs", schema.provider.inputProperties],
  ];
  for (const [token, resource] of Object.entries(schema.resources as Record<string, Record<string, Properties>>)) {
    maps.push([`${token} inputs`, resource.inputProperties], [`${token} outputs`, resource.properties]);
  }
  for (const [token, type] of Object.entries(schema.types as Record<string, { properties?: Properties }>)) {
    if (type.properties) maps.push([token, type.properties]);
  }
  return maps;
}

describe("schema.json", () => {
  it("is the one generated from the handlers' zod schemas (run `npm run schema` after changing them)", () => {
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildSchema(version, root))));
  });

  it("describes every property: inputs, outputs, object types and config (inputs from the Args TSDoc)", () => {
    const undescribed = propertyMaps(committed).flatMap(([where, properties]) =>
      Object.entries(properties ?? {})
        .filter(([, spec]) => typeof spec.description !== "string" || spec.description.trim() === "")
        .map(([key]) => `${where}: ${key}`),
    );
    expect(undescribed).toEqual([]);
    expect(committed.resources["huaweicloud-ccm:index:PrivateCa"].inputProperties.pendingDays.description).toMatch(
      /7–30/,
    );
  });

  it("names enums after their TypeScript types, never a bare generic word", () => {
    const names = Object.entries(committed.types as Record<string, { enum?: unknown }>)
      .filter(([, type]) => type.enum !== undefined)
      .map(([token]) => token.slice(token.lastIndexOf(":") + 1));
    expect(names).toEqual(expect.arrayContaining(["CaType", "RevocationReason", "CertificateBundleType"]));
    for (const name of names) expect(["Type", "Kind", "Name", "Value", "Status", "Mode"]).not.toContain(name);
    expect(committed.resources["huaweicloud-ccm:index:PrivateCa"].inputProperties.type.$ref).toBe(
      "#/types/huaweicloud-ccm:index:CaType",
    );
  });

  it("flags exactly the declared secrets as secret, in inputs and outputs", () => {
    for (const { name: type, secrets } of RESOURCES) {
      const resource = committed.resources[`huaweicloud-ccm:index:${type}`];
      const secretOutputs = Object.entries(resource.properties as Record<string, PropertySpec>)
        .filter(([, spec]) => spec.secret)
        .map(([key]) => key);
      expect(secretOutputs.sort(), type).toEqual([...secrets].sort());
      for (const [key, spec] of Object.entries(resource.inputProperties as Record<string, PropertySpec>)) {
        expect(spec.secret === true, `${type}.${key}`).toBe((secrets as readonly string[]).includes(key));
      }
    }
  });

  it("describes every provider setting, secret ones marked", () => {
    for (const setting of CONFIG_SETTINGS) {
      expect(committed.config.variables[setting.key]).toMatchObject({
        type: "string",
        description: expect.any(String),
      });
      expect(committed.config.variables[setting.key].secret === true).toBe(setting.secret);
    }
  });

  it("turns zod enums into schema enums", () => {
    const certificate = committed.resources["huaweicloud-ccm:index:PrivateCertificate"].inputProperties;
    const ref = (certificate.keyUsages as PropertySpec).items?.$ref ?? "";
    const values = committed.types[ref.replace("#/types/", "")].enum.map((e: { value: string }) => e.value);
    expect(values).toContain("digitalSignature");
    expect(committed.resources["huaweicloud-ccm:index:PrivateCertificate"].requiredInputs).toEqual(
      expect.arrayContaining(["issuerId", "validity"]),
    );
  });
});

describe("readArgsDocs (the TSDoc the schema's inputs take)", () => {
  it("reads a property's TSDoc as unwrapped text, and the type it names under pulumi.Input and arrays", () => {
    const ca = readArgsDocs(root).get("PrivateCaArgs")?.properties;
    expect(ca?.get("type")?.typeName).toBe("CaType");
    expect(ca?.get("keyUsages")?.typeName).toBe("KeyUsage");
    expect(ca?.get("validity")?.typeName).toBe("ValidityArgs");
    expect(ca?.get("tags")?.typeName).toBeUndefined();
    expect(ca?.get("issuerId")?.typeName).toBeUndefined();
    // Wrapped at 120 columns in the source, one paragraph in the schema.
    expect(ca?.get("pendingDays")?.description).toBe(
      "Days the CA stays restorable after `pulumi destroy` (DELETE ?pending_days=, 7–30; default 7). Updated in place.",
    );
  });
});
