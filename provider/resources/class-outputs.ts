// The output properties of each resource class, written from its declaration into the class file
// (between two marker comments) by `npm run docs`: the TSDoc a TypeScript user reads on
// `ca.status` is the declaration's description, the same text the schema and the reference page
// carry. Outputs several resources share (shared/output-facts.ts) are written once, into the base
// class of their group; a class writes only its own, and those it describes differently.
// test/docs/reference.test.ts fails when a class file is stale.
import type { OutputFacts, ResourceDeclaration } from "./shared/declaration.js";
import { EXPORTED_CERTIFICATE_OUTPUTS, ISSUED_OUTPUTS } from "./shared/output-facts.js";

/** A base class that declares a group of shared outputs, and its file under provider/resources. */
export interface OutputGroup {
  readonly file: string;
  readonly outputs: Readonly<Record<string, OutputFacts>>;
}

export const OUTPUT_GROUPS: readonly OutputGroup[] = [
  { file: "shared/issued-resource.ts", outputs: ISSUED_OUTPUTS },
  { file: "shared/exported-certificate.ts", outputs: EXPORTED_CERTIFICATE_OUTPUTS },
];

/** The group a declaration's class extends: the one whose every output it declares. */
export function groupOf(declaration: ResourceDeclaration): OutputGroup | undefined {
  return OUTPUT_GROUPS.find((group) => Object.keys(group.outputs).every((key) => key in declaration.outputs));
}

export const BEGIN_MARKER =
  "  // Outputs, generated from declaration.ts by `npm run docs`: edit the declaration, not these lines.";
export const END_MARKER = "  // End of the generated outputs.";

const TS_TYPES: Readonly<Record<OutputFacts["type"], string>> = {
  string: "string",
  boolean: "boolean",
  stringMap: "Record<string, string>",
  stringArray: "string[]",
};

/** Where a declaration's class lives, under provider/resources: `private-ca/private-ca.ts`. */
export function classFileOf(declaration: ResourceDeclaration): string {
  const kebab = declaration.name.replace(/(?<=[a-z0-9])([A-Z])/g, "-$1").toLowerCase();
  return `${kebab}/${kebab}.ts`;
}

/** A TSDoc block, wrapped to fit the source's 120 columns. */
function tsDoc(text: string): string[] {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line !== "" && `   * ${line} ${word}`.length > 118) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  lines.push(line);
  if (lines.length === 1 && `  /** ${lines[0]} */`.length <= 120) return [`  /** ${lines[0]} */`];
  return ["  /**", ...lines.map((l) => `   * ${l}`), "   */"];
}

/** The generated lines of a class: its outputs but those its group's base class declares alike. */
export function classOutputLines(declaration: ResourceDeclaration): string[] {
  const inherited = groupOf(declaration)?.outputs ?? {};
  const all: Record<string, OutputFacts> = { ...declaration.outputs, ...declaration.derivedOutputs };
  // The same facts object: declared by the base class, once.
  return outputLines(Object.fromEntries(Object.entries(all).filter(([key, facts]) => inherited[key] !== facts)));
}

/** One `declare readonly` per output, each with its description as TSDoc, between the markers. */
export function outputLines(outputs: Readonly<Record<string, OutputFacts>>): string[] {
  const lines = [BEGIN_MARKER];
  for (const [name, facts] of Object.entries(outputs)) {
    const type = `${TS_TYPES[facts.type]}${facts.optional ? " | undefined" : ""}`;
    const secret = facts.secret ? " Secret." : "";
    lines.push(...tsDoc(`${facts.description}${secret}`), `  declare readonly ${name}: pulumi.Output<${type}>;`);
  }
  lines.push(END_MARKER);
  return lines;
}

/** `source` with its generated block replaced by `lines`; throws when the markers are missing. */
export function withClassOutputs(source: string, lines: readonly string[]): string {
  const all = source.split("\n");
  const begin = all.indexOf(BEGIN_MARKER);
  const end = all.indexOf(END_MARKER);
  if (begin < 0 || end < begin) throw new Error("class-outputs: the class file has no generated-outputs markers");
  return [...all.slice(0, begin), ...lines, ...all.slice(end + 1)].join("\n");
}
