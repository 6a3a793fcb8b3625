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

  it("schema.json names every member so", () => {
    for (const type of Object.values(types)) {
      if (!type.enum) continue;
      expect(type.enum.map((member) => member.name)).toEqual(enumMemberNames(type.enum.map((member) => member.value)));
    }
  });
});
