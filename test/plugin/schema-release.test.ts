// What a release sets in the schema (scripts/release.mjs → scripts/gen-schema.mjs): the engine's
// download URL for the plugin and the Go SDK's module path, and nothing else; the committed
// schema.json carries neither (its staleness is test/plugin/schema.test.ts's).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSchema } from "../../provider/plugin/schema-gen.js";

const root = path.resolve(import.meta.dirname, "../..");
const committed = JSON.parse(readFileSync(path.join(root, "schema.json"), "utf8")) as Record<string, unknown>;
const URL = "github://api.github.com/example-org/pulumi-huaweicloud-ccm";
const GO_MODULE = "github.com/example-org/pulumi-huaweicloud-ccm/sdk/go/huaweicloudccm";

describe("the schema a release writes", () => {
  it("names the plugin's download URL and the Go module path, and changes nothing else", () => {
    const plain = buildSchema("1.2.3", root) as { language: { go: Record<string, unknown> } };
    const released = buildSchema("1.2.3", root, { pluginDownloadURL: URL, goImportBasePath: GO_MODULE });
    expect(released).toEqual({
      ...plain,
      pluginDownloadURL: URL,
      language: { ...plain.language, go: { ...plain.language.go, importBasePath: GO_MODULE } },
    });
  });

  it("is not the committed one: schema.json has no download URL and an unreleased Go path", () => {
    expect(committed).not.toHaveProperty("pluginDownloadURL");
    expect(committed).toMatchObject({
      language: { go: { importBasePath: expect.stringMatching(/^example\.invalid\//) } },
    });
  });
});
