// The reference pages under docs/reference are generated from the registries' declarations
// (`npm run docs`), a page per resource and per function: this fails when a committed page is
// stale, missing or left over, or when a function page names a call its SDK does not have.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FUNCTIONS } from "../../provider/functions/registry.js";
import { REFERENCE_DIR, referencePages } from "../../provider/plugin/reference-docs.js";
import { functionPageName } from "../../provider/plugin/reference-docs-functions.js";
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

  it("has a page per resource and per function of the registries and an index, nothing else", () => {
    const committed = readdirSync(path.join(root, REFERENCE_DIR)).filter((f) => f.endsWith(".md"));
    expect(committed.sort()).toEqual([...pages.keys()].sort());
    expect(pages.size).toBe(RESOURCES.length + FUNCTIONS.length + 1);
    expect(FUNCTIONS.map((f) => functionPageName(f.name))).toEqual([
      "GetPrivateCa.md",
      "GetPrivateCas.md",
      "GetPrivateCertificate.md",
      "GetPrivateCertificates.md",
      "GetQuotas.md",
    ]);
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

describe("the function pages", () => {
  const pages = referencePages(buildSchema(version, root));
  const sdk = (file: string) => readFileSync(path.join(root, "sdk", file), "utf8");

  it.each(FUNCTIONS.map((f) => [f.name] as const))("%s's page names the calls its SDKs define", (name) => {
    const page = pages.get(functionPageName(name)) ?? "";
    expect(page).toContain(`import { ${name}, ${name}Output } from "pulumi-huaweicloud-ccm";`);
    expect(page).toContain(`function: huaweicloud-ccm:${name}\n`);
    const go = sdk(`go/huaweicloudccm/${name}.go`);
    for (const [, call] of page.matchAll(/ccm\.(\w+)\(ctx/g)) expect(go).toContain(`func ${call}(ctx *pulumi.Context`);
    const snake = name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    const python = sdk(`python/pulumi_huaweicloud_ccm/${snake}.py`);
    for (const [, call] of page.matchAll(/ccm\.(\w+)\(/g))
      expect(python + go).toMatch(new RegExp(`(def |func )${call}\\(`));
  });

  it("calls getPrivateCa LookupPrivateCa in Go, lists enum values and says which results are always there", () => {
    const page = pages.get("GetPrivateCa.md") ?? "";
    expect(page).toContain("ccm.LookupPrivateCaOutput(ctx, ccm.LookupPrivateCaOutputArgs{");
    expect(page).toContain("ccm.get_private_ca_output(common_name=");
    expect(page).toMatch(/\| `status` \| CaStatus: `PENDING`, `ACTIVED`, `DISABLED`, `DELETED` or `EXPIRED` \| {2}\| /);
    expect(page).toMatch(/\| `caId` \| string \| always \| /);
    expect(page).toMatch(/\| `certificatePem` \| string \| optional \| /);
    expect(pages.get("GetPrivateCertificate.md")).toMatch(/\| `certificateId` \| string \| yes \| /);
    expect(pages.get("GetPrivateCas.md")).toMatch(/## Types\n\n### PrivateCaSummary\n/);
    expect(pages.get("GetPrivateCertificates.md")).toMatch(/### PrivateCertificateSummary\n/);
    expect(pages.get("README.md")).toContain("| [getQuotas](GetQuotas.md) | ");
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
