// schema.json is what the plugin serves: it must be what the zod schemas, SECRET_PROPERTIES and
// CONFIG_SETTINGS say today (regenerate with `npm run schema`).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CONFIG_SETTINGS } from "../../provider/config.js";
import { buildSchema } from "../../provider/plugin/schema-gen.js";
import { SECRET_PROPERTIES } from "../../provider/resources/secrets.js";

const root = path.resolve(import.meta.dirname, "../..");
const committed = JSON.parse(readFileSync(path.join(root, "schema.json"), "utf8"));
const version = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).version as string;

interface PropertySpec {
  secret?: boolean;
  $ref?: string;
  items?: PropertySpec;
}

describe("schema.json", () => {
  it("is the one generated from the handlers' zod schemas (run `npm run schema` after changing them)", () => {
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildSchema(version))));
  });

  it("flags exactly SECRET_PROPERTIES as secret, in inputs and outputs", () => {
    for (const [type, secrets] of Object.entries(SECRET_PROPERTIES)) {
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
