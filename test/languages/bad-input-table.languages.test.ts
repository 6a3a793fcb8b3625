// The standing bad-input table (test/resources/bad-input-cases.ts) through the native plugin: each
// case becomes a resource of a YAML program, and `pulumi preview` must refuse it — the property
// named, what is allowed said, no API call made, no secret echoed. The YAML host type-checks a
// program against the schema before running it, so the engine refuses some cases first: one
// preview of every case at once finds those (the type checker reports all its errors together),
// and each must still name its property. The rest are packed into previews as the dynamic table
// packs them (groupCases) and judged on the plugin's own refusals. A secret reaches the program as
// a YAML program takes one: from secret stack config.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestEmulator } from "../harness/emulator.js";
import { BAD_INPUT_CASES, type BadInputCase } from "../resources/bad-input-cases.js";
import { groupCases, refusalsOf } from "../resources/bad-input-table.js";
import { CliProject } from "./cli.js";
import { yamlHostDir } from "./hosts.js";
import { secretsFromConfig, stringLeaves, writeYamlProgram } from "./yaml-program.js";

const PROJECT = "ccm-yaml-bad-input-table";

/** Each input that holds one of the table's secrets, and the secret stack config that carries it. */
const SECRETS = new Map(
  BAD_INPUT_CASES.flatMap((item, index) =>
    stringLeaves(item.args)
      .filter((leaf) => item.secret !== undefined && leaf.includes(item.secret))
      .map((leaf, nth) => [leaf, `caseSecret${index}x${nth}`] as const),
  ),
);

/** The YAML host's type errors in the Diagnostics, by the program line they point at. */
function typeErrorsByLine(output: string): Map<number, string> {
  const plain = output.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g"), "");
  const diagnostics = plain.slice(plain.lastIndexOf("Diagnostics:"));
  const errors = new Map<number, string>();
  for (const block of diagnostics.split(/\n\s*Error: /).slice(1)) {
    const line = /on Pulumi\.yaml line (\d+):/.exec(block)?.[1];
    if (line) errors.set(Number(line), block.split(/\n\s*(?:warning|error): |\nResources:/)[0] ?? block);
  }
  return errors;
}

/** The type checker names a property where it reports on it: "<name>: Cannot assign …", a
 * missing one, or "Property <name> does not exist". Each segment of the path must be named. */
function typeErrorNames(error: string, property: string): boolean {
  const segments = property.split(/[.[\]]/).filter((s) => s !== "" && !/^\d+$/.test(s));
  return segments.every(
    (segment) =>
      new RegExp(`^\\s*${segment}: `, "m").test(error) || error.includes(`Property ${segment} does not exist`),
  );
}

/** What the type checker says is allowed: the enum's values, the known properties, or the type. */
const TYPE_ERROR_SAYS_ALLOWED = /Allowed values are|Existing properties are|to (type )?'[^']+'$|Missing required/m;

interface Outcome {
  item: BadInputCase;
  by: "type check" | "plugin" | "nobody";
  named: boolean;
  allowedSaid: boolean;
  secretKept: boolean;
  message: string;
}

describe(`bad-input table through the native plugin (YAML): ${BAD_INPUT_CASES.length} cases`, () => {
  let emulator: TestEmulator;
  let source: string;
  let project: CliProject;
  const outcomes: Outcome[] = [];
  const typeChecked = new Set<BadInputCase>();
  const started = performance.now();
  let previews = 0;

  /** Writes the program and runs a preview that must fail; returns the CLI's output. */
  async function failingPreview(resources: { name: string; item: BadInputCase | undefined; args: object }[]) {
    const used = new Set<string>();
    const lineOf = writeYamlProgram(
      project.dir,
      PROJECT,
      resources.map(({ name, item, args }) => ({
        name,
        type: item?.type ?? "",
        properties: secretsFromConfig(args, SECRETS, used) as Record<string, unknown>,
      })),
      used,
    );
    previews += 1;
    const output = await project.pulumi("preview").then(
      (stdout) => `(the preview succeeded)\n${stdout}`,
      (error: Error) => error.message,
    );
    return { output, lineOf };
  }

  beforeAll(async () => {
    emulator = await TestEmulator.start();
    source = mkdtempSync(path.join(tmpdir(), "ccm-bad-input-yaml-"));
    writeYamlProgram(source, PROJECT, []);
    project = new CliProject({ source, path: [yamlHostDir()] });
    const { config, secrets } = emulator.stackConfig();
    await project.init(config, secrets);
    // set-all: `config set <key> <value>` would take a PEM's leading "-----" for a flag.
    const pairs = [...SECRETS].flatMap(([value, name]) => ["--secret", `${name}=${value}`]);
    await project.pulumi("config", "set-all", ...pairs);
  }, 900_000);
  afterAll(async () => {
    const count = (by: Outcome["by"]) => outcomes.filter((o) => o.by === by).length;
    const totals = {
      cases: BAD_INPUT_CASES.length,
      previews,
      refusedByTypeCheck: count("type check"),
      refusedByPlugin: count("plugin"),
      notRefused: count("nobody"),
      propertyNamed: outcomes.filter((o) => o.named).length,
      allowedSaid: outcomes.filter((o) => o.allowedSaid).length,
      secretsKept: outcomes.filter((o) => o.item.secret !== undefined && o.secretKept).length,
      secrets: BAD_INPUT_CASES.filter((item) => item.secret !== undefined).length,
      apiCalls: await emulator?.requestCount(),
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
    console.log(`bad-input table through the plugin, totals: ${JSON.stringify(totals)}`);
    for (const o of outcomes.filter((o) => o.by === "type check" && (!o.named || !o.allowedSaid))) {
      console.log(
        `type check refuses ${o.item.type} / ${o.item.name} without naming ${o.item.property}:\n${o.message}`,
      );
    }
    project?.dispose();
    if (source) rmSync(source, { recursive: true, force: true });
    await emulator?.close();
  });

  it("the engine's type check refuses some cases first, each naming its property", async () => {
    const secretCases = BAD_INPUT_CASES.filter((item) => item.secret !== undefined);
    expect(secretCases.every((item) => stringLeaves(item.args).some((leaf) => SECRETS.has(leaf)))).toBe(true);
    const resources = BAD_INPUT_CASES.map((item, index) => ({
      name: `case${index}`,
      item,
      args: groupCases([item])[0]?.args ?? {},
    }));
    const { output, lineOf } = await failingPreview(resources);
    const errors = typeErrorsByLine(output);
    expect(errors.size, output).toBeGreaterThan(0);
    for (const { name, item } of resources) {
      const error = errors.get(lineOf.get(name) ?? 0);
      if (!item || error === undefined) continue;
      typeChecked.add(item);
      const named = typeErrorNames(error, item.property);
      const secretKept = item.secret === undefined || !output.includes(item.secret);
      outcomes.push({
        item,
        by: "type check",
        named,
        allowedSaid: TYPE_ERROR_SAYS_ALLOWED.test(error),
        secretKept,
        message: error,
      });
      expect.soft(named, `${item.type} / ${item.name}: the type error names ${item.property}:\n${error}`).toBe(true);
      expect.soft(secretKept, `${item.type} / ${item.name}: no secret in the output`).toBe(true);
    }
    expect(errors.size, "every type error is one case's").toBe(typeChecked.size);
    expect(await emulator.requestCount()).toBe(0);
  });

  it("the plugin's check refuses every other case, naming the property and what is allowed", async () => {
    const groups = groupCases(BAD_INPUT_CASES.filter((item) => !typeChecked.has(item)));
    for (const group of groups) {
      const { output } = await failingPreview([{ name: "bad", item: group.cases[0], args: group.args }]);
      expect(typeErrorsByLine(output).size, `no type error left in:\n${output}`).toBe(0);
      const refusals = refusalsOf(output);
      for (const item of group.cases) {
        const naming = refusals.filter((r) => r.property === item.property);
        const refused = naming.length > 0 || refusals.some((r) => item.allowed.test(r.reason));
        const allowedSaid = naming.some((r) => item.allowed.test(r.reason));
        const secretKept = item.secret === undefined || !output.includes(item.secret);
        const by = refused ? "plugin" : "nobody";
        outcomes.push({ item, by, named: naming.length > 0, allowedSaid, secretKept, message: output });
        const context = `${item.type} / ${item.name}; refusals: ${JSON.stringify(refusals.map((r) => [r.property, r.reason]))}`;
        expect.soft(refused, `refused at preview: ${context}`).toBe(true);
        expect.soft(naming.length > 0, `names ${item.property}: ${context}`).toBe(true);
        expect.soft(allowedSaid, `says what is allowed (${item.allowed}): ${context}`).toBe(true);
        expect.soft(secretKept, `does not echo the secret: ${item.type} / ${item.name}`).toBe(true);
      }
      expect(await emulator.requestCount()).toBe(0);
    }
    expect(outcomes).toHaveLength(BAD_INPUT_CASES.length);
  });
});
