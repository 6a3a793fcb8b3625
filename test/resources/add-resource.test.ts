// CONTRIBUTING's "Adding a resource", done for a throwaway resource: one declaration (Args with
// TSDoc, zod inputs, what each change does, secrets, outputs, handlers) added to the registry's
// list is all that the schema, the reference page, the handlers' check and diff, the secret lists
// and the type-token readers need. Nothing here is restated per resource.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { handlerContext } from "../../provider/kernel/context.js";
import { referencePages } from "../../provider/plugin/reference-docs.js";
import { buildSchema } from "../../provider/plugin/schema-gen.js";
import { RESOURCE_TYPE_NAMES, RESOURCES } from "../../provider/resources/registry.js";
import { checkResource } from "../../provider/resources/shared/check.js";
import { defineResource } from "../../provider/resources/shared/declaration.js";
import { replacementDiff } from "../../provider/resources/shared/diff.js";
import { typeToken, typeTokenParser } from "../../provider/type-tokens.js";

// Step 1: the declaration — inputs, facts, outputs, handlers.
const probeInputs = z.strictObject({ label: z.string().min(1), token: z.string().max(8), size: z.number().optional() });
type ProbeInputs = z.output<typeof probeInputs>;
interface ProbeOutputs extends ProbeInputs {
  probeId: string;
  echo: string;
}
const PROBE = defineResource<typeof probeInputs, ProbeOutputs, "Probe">({
  name: "Probe",
  description: "A throwaway resource that proves the recipe.",
  inputs: probeInputs,
  inputFacts: {
    label: { change: "replace" },
    token: { change: "replace", secret: true },
    size: { change: "update", default: "1" },
  },
  outputs: {
    probeId: { type: "string", description: "The probe's id.", isId: true },
    echo: { type: "string", description: "The label, echoed.", secret: true },
  },
  handlers: (_context, declared) => ({
    check: async (_olds, news) => checkResource(declared, probeInputs, news),
    diff: async (_id, olds, news) => replacementDiff(declared.diffPlan, olds, news),
    create: async (inputs) => ({ id: "p-1", outs: { ...inputs, probeId: "p-1", echo: inputs.label } }),
    read: async (id, props) => ({ id, ...(props ? { props } : {}) }),
    update: async (_id, olds, news) => ({ outs: { ...olds, ...news } }),
    delete: async () => {},
  }),
});

// Step 2: its public Args, whose TSDoc the schema and the reference page read.
const PROBE_ARGS = `import type * as pulumi from "@pulumi/pulumi";
export interface ProbeArgs {
  /** What the probe is called. */
  label: pulumi.Input<string>;
  /** A secret of at most 8 characters. */
  token: pulumi.Input<string>;
  /** How big, changed in place. */
  size?: pulumi.Input<number>;
}
`;

// Step 3: one more line in the registry's list.
const declarations = [...RESOURCES, PROBE];

const root = mkdtempSync(path.join(tmpdir(), "ccm-recipe-"));
// The schema reads the Args TSDoc of the resources and of the functions (which it also lists).
for (const folder of ["resources", "functions"]) {
  const sources = path.resolve(import.meta.dirname, "../../provider", folder);
  cpSync(sources, path.join(root, "provider", folder), { recursive: true });
}
mkdirSync(path.join(root, "provider/resources/probe"));
writeFileSync(path.join(root, "provider/resources/probe/declaration.ts"), PROBE_ARGS);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("adding a resource through the registry", () => {
  const schema = buildSchema("0.0.0", root, {}, declarations);
  const resource = (schema.resources as Record<string, Record<string, Record<string, Record<string, unknown>>>>)[
    typeToken("native", "Probe")
  ];

  it("the schema has it: inputs described from its Args, outputs and secrets as declared", () => {
    expect(resource?.inputProperties?.label).toEqual({ type: "string", description: "What the probe is called." });
    expect(resource?.inputProperties?.token).toMatchObject({ secret: true });
    expect(resource?.properties?.echo).toEqual({ type: "string", description: "The label, echoed.", secret: true });
    expect(resource?.properties?.probeId).toEqual({ type: "string", description: "The probe's id." });
  });

  it("its reference page says what a change of each input does", () => {
    const page = referencePages(schema, declarations).get("Probe.md") ?? "";
    expect(page).toContain("| `token` | string | yes |  | yes | replace | A secret of at most 8 characters. |");
    expect(page).toContain("| `size` | number |  | 1 |  | in place | How big, changed in place. |");
  });

  it("its handlers check with its secrets and diff with its plan", async () => {
    const handlers = PROBE.handlers(handlerContext());
    const bad = await handlers.check({}, { label: "a", token: "far-too-long-secret" });
    expect(JSON.stringify(bad.failures)).not.toContain("far-too-long-secret");
    expect(bad.failures?.[0]).toMatchObject({ property: "" });
    expect(PROBE.diffPlan).toEqual({ replaceOn: ["label", "token"], updateOn: ["size"], unordered: [] });
    expect(
      await handlers.diff("p-1", { label: "a", token: "t", probeId: "p-1", echo: "a" }, { label: "b", token: "t" }),
    ).toMatchObject({ changes: true, replaces: ["label"] });
    expect(PROBE.secrets).toEqual(["token", "echo"]);
  });

  it("type tokens of both front ends are read as ours once its name is listed", () => {
    const parse = typeTokenParser([...RESOURCE_TYPE_NAMES, PROBE.name]);
    expect(parse(typeToken("dynamic", "Probe"))).toEqual({ kind: "resource", frontEnd: "dynamic", name: "Probe" });
    expect(parse(typeToken("native", "Probe"))).toEqual({ kind: "resource", frontEnd: "native", name: "Probe" });
    expect(typeTokenParser(RESOURCE_TYPE_NAMES)(typeToken("native", "Probe"))).toMatchObject({ kind: "unknown" });
  });
});
