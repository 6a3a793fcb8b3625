// The output properties of each resource class, written from its declaration into the class file
// (between two marker comments) by `npm run docs`: the TSDoc a TypeScript user reads on
// `ca.status` is the declaration's description, the same text the schema and the reference page
// carry. test/docs/reference.test.ts fails when a class file is stale.
import type { OutputFacts, ResourceDeclaration } from "./shared/declaration.js";

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

/** The generated lines of a class: one `declare readonly` per output, each with its description. */
export function classOutputLines(declaration: ResourceDeclaration): string[] {
  const outputs: Record<string, OutputFacts> = { ...declaration.outputs, ...declaration.derivedOutputs };
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
