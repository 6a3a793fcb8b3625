// The reference pages of the functions (docs/reference/Get….md): one per function of the registry,
// with its description, how to call it in each language (reference-function-calls.ts), its
// arguments, its result and the named object types the result holds. Built from the declarations
// and the schema.json `functions` they generate, as the resource pages are (reference-docs.ts).
import type { FunctionDeclaration } from "../functions/shared/declaration.js";
import { typeToken } from "../type-tokens.js";
import { type CallFacts, callSection } from "./reference-function-calls.js";
import {
  cell,
  type Json,
  type PropertySpec,
  referencedTypes,
  refToken,
  type TypeSpec,
  typeLink,
  typeName,
  typeText,
} from "./reference-markdown.js";
import { capitalize } from "./schema-types.js";

interface ObjectSpec {
  properties?: Record<string, PropertySpec>;
  required?: string[];
}

interface FunctionSpec {
  description?: string;
  inputs?: ObjectSpec;
  outputs: ObjectSpec;
}

/** A function's page name: `GetPrivateCa.md` (the TypeScript TSDoc links these). */
export const functionPageName = (name: string) => `${capitalize(name)}.md`;

/** A type: an enum with its values, an object type as a link to its section on the page. */
function typeWithValues(spec: PropertySpec, types: Record<string, TypeSpec>): string {
  return typeText(spec, (ref) => {
    const values = types[refToken(ref)]?.enum;
    if (!values) return typeLink(ref);
    const listed = values.map((v) => `\`${v.value}\``);
    return `${typeName(ref)}: ${listed.slice(0, -1).join(", ")} or ${listed.at(-1)}`;
  });
}

/** The object types (not enums) a page describes in sections of their own. */
const isObjectType = (type: TypeSpec | undefined) => type !== undefined && !type.enum;

/** The rows of a result or an object type: whether each property is always there. */
function presenceRows(object: ObjectSpec, types: Record<string, TypeSpec>): string[] {
  const always = new Set(object.required ?? []);
  return Object.entries(object.properties ?? {}).map(
    ([key, spec]) =>
      `| \`${key}\` | ${typeWithValues(spec, types)} | ${always.has(key) ? "always" : "optional"} | ${cell(spec.description)} |`,
  );
}

function argumentSection(spec: FunctionSpec, types: Record<string, TypeSpec>): string[] {
  const properties = Object.entries(spec.inputs?.properties ?? {});
  if (properties.length === 0) return ["## Arguments", "", "None.", ""];
  const required = new Set(spec.inputs?.required ?? []);
  return [
    "## Arguments",
    "",
    "| argument | type | required | description |",
    "|---|---|---|---|",
    ...properties.map(
      ([key, property]) =>
        `| \`${key}\` | ${typeWithValues(property, types)} | ${required.has(key) ? "yes" : ""} | ${cell(property.description)} |`,
    ),
    "",
  ];
}

function typeSection(token: string, types: Record<string, TypeSpec>): string[] {
  const type = types[token] as TypeSpec;
  return [
    `### ${typeName(token)}`,
    "",
    ...(type.description ? [cell(type.description), ""] : []),
    "| property | type | present | description |",
    "|---|---|---|---|",
    ...presenceRows(type, types),
    "",
  ];
}

/** One function's page, from its declaration and the schema built from the registries. */
export function functionPage(declaration: FunctionDeclaration, schema: Json): string {
  const token = typeToken("native", declaration.name);
  const spec = (schema.functions as Record<string, FunctionSpec>)[token];
  if (!spec) throw new Error(`reference docs: schema.json has no function ${token}`);
  const types = schema.types as Record<string, TypeSpec>;
  const facts: CallFacts = {
    token,
    hasInputs: spec.inputs !== undefined,
    required: new Set(spec.inputs?.required ?? []),
    firstOutput: Object.keys(spec.outputs.properties ?? {})[0] ?? "",
    resourceNames: new Set(Object.keys(schema.resources as Json).map(typeName)),
  };
  const outputSpecs = Object.values(spec.outputs.properties ?? {});
  const inputSpecs = Object.values(spec.inputs?.properties ?? {});
  const named = referencedTypes([...inputSpecs, ...outputSpecs], types, isObjectType);
  const lines = [
    `# ${capitalize(declaration.name)}`,
    "",
    "<!-- Generated from the function's declaration by `npm run docs`: edit the declaration, not this page. -->",
    "",
    declaration.description,
    "",
    `A function (a Pulumi invoke): it reads CCM and changes nothing.${
      facts.hasInputs
        ? " Arguments it refuses fail the call before any request is sent, and the error names each of them."
        : ""
    }`,
    "",
    ...callSection(declaration, facts),
    ...argumentSection(spec, types),
    "## Result",
    "",
    "*optional*: absent when CCM does not report it.",
    "",
    "| property | type | present | description |",
    "|---|---|---|---|",
    ...presenceRows(spec.outputs, types),
    "",
  ];
  if (named.length > 0) {
    lines.push("## Types", "");
    for (const typeToken of named) lines.push(...typeSection(typeToken, types));
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

/** Every function's page, by file name. */
export function functionPages(schema: Json, functions: readonly FunctionDeclaration[]): Map<string, string> {
  return new Map(functions.map((f) => [functionPageName(f.name), functionPage(f, schema)]));
}

/** The index page's rows: every function with its description. */
export function functionIndexRows(functions: readonly FunctionDeclaration[]): string[] {
  return functions.map((f) => `| [${f.name}](${functionPageName(f.name)}) | ${cell(f.description)} |`);
}
