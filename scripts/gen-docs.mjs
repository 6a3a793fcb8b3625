// Writes what is derived from the built package's registry: the reference pages (docs/reference/)
// and the output properties of each resource class (between markers in its file): `npm run docs`.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, "..");
const { buildSchema } = require(path.join(root, "dist/provider/plugin/schema-gen.js"));
const { REFERENCE_DIR, referencePages } = require(path.join(root, "dist/provider/plugin/reference-docs.js"));
const { RESOURCES } = require(path.join(root, "dist/provider/resources/registry.js"));
const { OUTPUT_GROUPS, classFileOf, classOutputLines, outputLines, withClassOutputs } = require(
  path.join(root, "dist/provider/resources/class-outputs.js"),
);

const dir = path.join(root, REFERENCE_DIR);
mkdirSync(dir, { recursive: true });
// A page of a resource that is gone goes too.
for (const file of readdirSync(dir)) if (file.endsWith(".md")) rmSync(path.join(dir, file));
const version = require(path.join(root, "package.json")).version;
for (const [file, text] of referencePages(buildSchema(version, root))) writeFileSync(path.join(dir, file), text);

for (const declaration of RESOURCES) {
  const file = path.join(root, "provider/resources", classFileOf(declaration));
  writeFileSync(file, withClassOutputs(readFileSync(file, "utf8"), classOutputLines(declaration)));
}
for (const group of OUTPUT_GROUPS) {
  const file = path.join(root, "provider/resources", group.file);
  writeFileSync(file, withClassOutputs(readFileSync(file, "utf8"), outputLines(group.outputs)));
}
