// The names the SDKs give enum members (schema.json's enum `name`): Pulumi's Python generator reads
// a name as camelCase, so `KEY_COMPROMISE` would become `KE_Y_COMPROMISE` and `cRLSign` `C_RL_SIGN`.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { enumMemberNames } from "../../provider/plugin/schema-types.js";

interface EnumType {
  enum?: { name: string; value: string }[];
}
const schemaFile = path.join(import.meta.dirname, "../../schema.json");
const types = JSON.parse(readFileSync(schemaFile, "utf8")).types as Record<string, EnumType>;

describe("enum member names", () => {
  it("joins the words of an enum with snake_case values, all of its members alike", () => {
    expect(enumMemberNames(["UNSPECIFIED", "KEY_COMPROMISE", "CERTIFICATE_AUTHORITY_COMPROMISE"])).toEqual([
      "Unspecified",
      "KeyCompromise",
      "CertificateAuthorityCompromise",
    ]);
    expect(enumMemberNames(["create_time", "type", "not_after"])).toEqual(["CreateTime", "Type", "NotAfter"]);
  });

  it("keeps any other value, its first letter raised", () => {
    expect(enumMemberNames(["RSA2048", "EC256", "SM2"])).toEqual(["RSA2048", "EC256", "SM2"]);
    expect(enumMemberNames(["digitalSignature", "cRLSign"])).toEqual(["DigitalSignature", "CRLSign"]);
  });

  it("the generated Python SDK spells each member as its value's words in capitals", () => {
    const enums = readFileSync(
      path.join(import.meta.dirname, "../../sdk/python/pulumi_huaweicloud_ccm/_enums.py"),
      "utf8",
    );
    const members = [...enums.matchAll(/^ {4}([A-Z0-9_]+) = "([^"]+)"$/gm)].map(([, name = "", value = ""]) => ({
      name,
      value,
    }));
    expect(members.length).toBeGreaterThan(50);
    for (const { name, value } of members) {
      // KE_Y_COMPROMISE and C_RL_SIGN split a word; no value here has a one-letter word.
      expect(
        name.split("_").every((word) => word.length > 1),
        `${name} = "${value}"`,
      ).toBe(true);
      expect(name.replaceAll("_", "")).toBe(value.replaceAll("_", "").toUpperCase());
    }
  });

  it("schema.json names every member so", () => {
    for (const type of Object.values(types)) {
      if (!type.enum) continue;
      expect(type.enum.map((member) => member.name)).toEqual(enumMemberNames(type.enum.map((member) => member.value)));
    }
  });
});
