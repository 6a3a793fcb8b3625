// The reference pages under docs/reference/: one per resource of the registry, every property with
// its type, whether it is required, its default, whether it is secret, what a change of it does and
// its description; the functions' pages come from reference-docs-functions.ts, and the index lists
// both. Built from the declarations and from the schema they generate (which carries
// the Args TSDoc), so the pages restate nothing by hand. `npm run docs` writes them;
// test/docs/reference.test.ts fails when a committed page is stale.
import { FUNCTIONS } from "../functions/registry.js";
import type { FunctionDeclaration } from "../functions/shared/declaration.js";
import { RESOURCES } from "../resources/registry.js";
import type { ChangeKind, InputFacts, OutputFacts, ResourceDeclaration } from "../resources/shared/declaration.js";
import { TYPE_TOKEN_PREFIXES, typeToken } from "../type-tokens.js";
import { functionIndexRows, functionPages } from "./reference-docs-functions.js";
import {
  cell,
  type Json,
  type PropertySpec,
  referencedTypes,
  type TypeSpec,
  typeName,
  typeText,
} from "./reference-markdown.js";

/** The directory of the pages, under the package root. */
export const REFERENCE_DIR = "docs/reference";

const ON_CHANGE: Record<ChangeKind, string> = {
  replace: "replace",
  update: "in place",
  custom: "see description",
};

function inputRows(declaration: ResourceDeclaration, resource: Json): string[] {
  const properties = resource.inputProperties as Record<string, PropertySpec>;
  const required = new Set(resource.requiredInputs as string[]);
  return Object.entries(properties).map(([key, spec]) => {
    const facts: InputFacts | undefined = declaration.inputFacts[key];
    const flags = [
      required.has(key) ? "yes" : "",
      cell(facts?.default),
      facts?.secret ? "yes" : "",
      facts ? ON_CHANGE[facts.change] : "",
    ];
    return `| \`${key}\` | ${typeText(spec)} | ${flags.join(" | ")} | ${cell(spec.description)} |`;
  });
}

function outputRows(declaration: ResourceDeclaration, resource: Json): string[] {
  const properties = resource.properties as Record<string, PropertySpec>;
  const declared: Record<string, OutputFacts> = { ...declaration.outputs, ...declaration.derivedOutputs };
  return Object.keys(declared).map((key) => {
    const facts = declared[key] as OutputFacts;
    const derived = declaration.derivedOutputs[key];
    const note = derived ? ` Computed from ${derived.from.map((f) => `\`${f}\``).join(" and ")}, not stored.` : "";
    const spec = properties[key] ?? {};
    return `| \`${key}\` | ${typeText(spec)} | ${facts.secret ? "yes" : ""} | ${cell(facts.description)}${note} |`;
  });
}

function typeSection(token: string, spec: TypeSpec): string[] {
  const lines = [`### ${typeName(token)}`, ""];
  if (spec.description) lines.push(cell(spec.description), "");
  if (spec.enum) {
    lines.push(`One of: ${spec.enum.map((e) => `\`${e.value}\``).join(", ")}.`, "");
    return lines;
  }
  const required = new Set(spec.required ?? []);
  lines.push("| property | type | required | description |", "|---|---|---|---|");
  for (const [key, property] of Object.entries(spec.properties ?? {})) {
    lines.push(
      `| \`${key}\` | ${typeText(property)} | ${required.has(key) ? "yes" : ""} | ${cell(property.description)} |`,
    );
  }
  lines.push("");
  return lines;
}

/** One resource's page, from its declaration and the schema built from the registry. */
export function resourcePage(declaration: ResourceDeclaration, schema: Json): string {
  const resources = schema.resources as Record<string, Json>;
  const types = schema.types as Record<string, TypeSpec>;
  const resource = resources[typeToken("native", declaration.name)] as Json;
  const inputSpecs = Object.values(resource.inputProperties as Record<string, PropertySpec>);
  const lines = [
    `# ${declaration.name}`,
    "",
    "<!-- Generated from the resource's declaration by `npm run docs`: edit the declaration, not this page. -->",
    "",
    declaration.description,
    "",
    `- TypeScript (this package's classes): \`new ${declaration.name}(name, args, opts)\`, type token \`${TYPE_TOKEN_PREFIXES.dynamic}${declaration.name}\`.`,
    `- YAML, Go, Python and the generated Node.js SDK: \`${typeToken("native", declaration.name)}\`.`,
    "",
    "## Inputs",
    "",
    "On change: *replace* makes a new object (created before the old one goes), *in place* updates it.",
    "",
    "| property | type | required | default | secret | on change | description |",
    "|---|---|---|---|---|---|---|",
    ...inputRows(declaration, resource),
    "",
    "## Outputs",
    "",
    "Every input is an output too. Besides them:",
    "",
    "| property | type | secret | description |",
    "|---|---|---|---|",
    ...outputRows(declaration, resource),
    "",
  ];
  const named = referencedTypes(inputSpecs, types);
  if (named.length > 0) {
    lines.push("## Types", "");
    for (const token of named) lines.push(...typeSection(token, types[token] as TypeSpec));
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

/** The index page: every resource and every function with its description. */
export function referenceIndex(
  resources: readonly ResourceDeclaration[] = RESOURCES,
  functions: readonly FunctionDeclaration[] = FUNCTIONS,
): string {
  const rows = resources.map((r) => `| [${r.name}](${r.name}.md) | ${cell(r.description)} |`);
  return [
    "# Reference",
    "",
    "<!-- Generated from the registries by `npm run docs`. -->",
    "",
    "Every resource of the package, each property with its type, default, secrecy and what a change of it does;",
    "then every function (a lookup: it reads, never writes), with how to call it in each language, its",
    "arguments and its result.",
    "",
    "## Resources",
    "",
    "| resource | what it is |",
    "|---|---|",
    ...rows,
    "",
    "## Functions",
    "",
    "| function | what it looks up |",
    "|---|---|",
    ...functionIndexRows(functions),
    "",
  ].join("\n");
}

/** Every page, by file name under REFERENCE_DIR. */
export function referencePages(
  schema: Json,
  resources: readonly ResourceDeclaration[] = RESOURCES,
  functions: readonly FunctionDeclaration[] = FUNCTIONS,
): Map<string, string> {
  const pages = new Map<string, string>([["README.md", referenceIndex(resources, functions)]]);
  for (const declaration of resources) pages.set(`${declaration.name}.md`, resourcePage(declaration, schema));
  for (const [file, text] of functionPages(schema, functions)) pages.set(file, text);
  return pages;
}
