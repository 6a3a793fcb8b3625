// The TSDoc of the resources' public Args interfaces (every file under provider/resources), read with the
// TypeScript parser when schema.json is generated: the schema's input descriptions, and the names
// of its enums, come from the text and type names TypeScript users see, so there is one copy of
// them. Syntax only, no type checker: an Args property names its type directly
// (`pulumi.Input<CaType>`, `pulumi.Input<pulumi.Input<KeyUsage>[]>`), which is all the schema needs,
// and parsing a dozen files stays fast enough for the schema test.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export interface PropertyDoc {
  /** The property's TSDoc text (tags left out), or undefined when it has none. */
  description: string | undefined;
  /** The type named under pulumi.Input and arrays ("CaType", "ValidityArgs"); undefined for string, unions, maps. */
  typeName: string | undefined;
}

export interface InterfaceDoc {
  description: string | undefined;
  properties: ReadonlyMap<string, PropertyDoc>;
}

/** Where the Args interfaces live, under the package root (the sources ship in the package). */
export const ARGS_SOURCE_DIRS = [path.join("provider", "resources"), path.join("provider", "functions")];

/** The exported interfaces of every `.ts` file under the resources' and functions' folders, by name. */
export function readArgsDocs(root: string): ReadonlyMap<string, InterfaceDoc> {
  const docs = new Map<string, InterfaceDoc>();
  const parents = new Map<string, string[]>();
  for (const dir of ARGS_SOURCE_DIRS) readInto(docs, parents, path.join(root, dir));
  // An interface that extends another read here (GetPrivateCaArgs extends CaFilterArgs) has its
  // properties too; parents from elsewhere (zod-inferred types, pulumi's) carry no TSDoc to read.
  const withInherited = (name: string, doc: InterfaceDoc): InterfaceDoc => {
    const known = (parents.get(name) ?? []).flatMap((parent) => {
      const parentDoc = docs.get(parent);
      return parentDoc ? [...withInherited(parent, parentDoc).properties] : [];
    });
    return known.length === 0 ? doc : { ...doc, properties: new Map([...known, ...doc.properties]) };
  };
  return new Map([...docs].map(([name, doc]) => [name, withInherited(name, doc)]));
}

function readInto(docs: Map<string, InterfaceDoc>, parents: Map<string, string[]>, dir: string): void {
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
  for (const file of files.sort()) {
    const text = readFileSync(path.join(dir, file), "utf8");
    // Parent links on: the JSDoc lookup walks up from a property to its interface.
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    for (const statement of source.statements) {
      if (!ts.isInterfaceDeclaration(statement) || !isExported(statement)) continue;
      const name = statement.name.text;
      // Names are looked up across files (ValidityArgs is declared once, used by three resources).
      if (docs.has(name)) throw new Error(`args-docs: interface ${name} is exported twice in ${dir}`);
      docs.set(name, { description: docText(statement), properties: propertiesOf(statement) });
      const extended = (statement.heritageClauses ?? []).flatMap((clause) => clause.types);
      parents.set(
        name,
        extended.flatMap((type) => (ts.isIdentifier(type.expression) ? [type.expression.text] : [])),
      );
    }
  }
}

function isExported(node: ts.InterfaceDeclaration): boolean {
  return node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false;
}

function propertiesOf(node: ts.InterfaceDeclaration): Map<string, PropertyDoc> {
  const properties = new Map<string, PropertyDoc>();
  for (const member of node.members) {
    if (!ts.isPropertySignature(member) || !(ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) continue;
    properties.set(member.name.text, { description: docText(member), typeName: namedType(member.type) });
  }
  return properties;
}

/**
 * The comment of the declaration's nearest TSDoc block, lines joined into paragraphs: the source
 * wraps at 120 columns, which is no break a reader of the SDK docs should see.
 */
function docText(node: ts.Node): string | undefined {
  const blocks = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const text = ts.getTextOfJSDocComment(blocks.at(-1)?.comment)?.trim();
  if (!text) return undefined;
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, " ").trim())
    .join("\n\n");
}

/** `pulumi.Input<X>`, `pulumi.Input<pulumi.Input<X>[]>`, `X[]` → "X", when X is a plain named type. */
function namedType(node: ts.TypeNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (ts.isArrayTypeNode(node)) return namedType(node.elementType);
  if (!ts.isTypeReferenceNode(node)) return undefined;
  const name = ts.isIdentifier(node.typeName) ? node.typeName.text : node.typeName.right.text;
  const [argument, ...more] = node.typeArguments ?? [];
  if (name === "Input" && argument !== undefined && more.length === 0) return namedType(argument);
  return node.typeArguments === undefined ? name : undefined;
}
