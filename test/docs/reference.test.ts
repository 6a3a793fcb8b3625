// The reference pages under docs/reference are generated from the registry's declarations
// (`npm run docs`): this fails when a committed page is stale, missing or left over.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REFERENCE_DIR, referencePages } from "../../provider/plugin/reference-docs.js";
import { buildSchema } from "../../provider/plugin/schema-gen.js";
import {
  classFileOf,
  classOutputLines,
  OUTPUT_GROUPS,
  outputLines,
  withClassOutputs,
} from "../../provider/resources/class-outputs.js";
import { RESOURCES } from "../../provider/resources/registry.js";

const root = path.resolve(import.meta.dirname, "../..");
const version = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).version as string;

describe("docs/reference", () => {
  const pages = referencePages(buildSchema(version, root));

  it("has a page per resource of the registry and an index, nothing else", () => {
    const committed = readdirSync(path.join(root, REFERENCE_DIR)).filter((f) => f.endsWith(".md"));
    expect(committed.sort()).toEqual([...pages.keys()].sort());
    expect(pages.size).toBe(RESOURCES.length + 1);
  });

  it.each([...pages.keys()])("%s is the generated one (run `npm run docs` after changing a declaration)", (file) => {
    expect(readFileSync(path.join(root, REFERENCE_DIR, file), "utf8")).toBe(pages.get(file));
  });

  it("says of every input whether it is required, secret and what its change does", () => {
    const page = pages.get("PrivateCertificate.md") ?? "";
    expect(page).toMatch(/\| `issuerId` \| string \| yes \| {2}\| {2}\| replace \| /);
    expect(page).toMatch(/\| `csrPem` \| string \| {2}\| {2}\| yes \| replace \| /);
    expect(page).toMatch(/\| `renewBefore` \| string \| {2}\| {2}\| {2}\| in place \| /);
    expect(pages.get("CertificateBundle.md")).toMatch(
      /\| `fullChainPem` \| string \| yes \| .* Computed from `certificatePem` and `certificateChainPem`, not stored\. \|/,
    );
  });
});

describe("the resource classes' outputs", () => {
  it.each(RESOURCES.map((r) => [r.name, r] as const))(
    "%s declares its outputs as its declaration says (run `npm run docs`)",
    (_name, declaration) => {
      const source = readFileSync(path.join(root, "provider/resources", classFileOf(declaration)), "utf8");
      expect(source).toBe(withClassOutputs(source, classOutputLines(declaration)));
    },
  );

  it.each(OUTPUT_GROUPS.map((g) => [g.file, g] as const))(
    "%s declares its group's outputs (run `npm run docs`)",
    (file, group) => {
      const source = readFileSync(path.join(root, "provider/resources", file), "utf8");
      expect(source).toBe(withClassOutputs(source, outputLines(group.outputs)));
    },
  );
});
