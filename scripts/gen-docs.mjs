// Writes the reference pages (docs/reference/) from the built package's registry: `npm run docs`.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, "..");
const { buildSchema } = require(path.join(root, "dist/provider/plugin/schema-gen.js"));
const { REFERENCE_DIR, referencePages } = require(path.join(root, "dist/provider/plugin/reference-docs.js"));

const dir = path.join(root, REFERENCE_DIR);
mkdirSync(dir, { recursive: true });
// A page of a resource that is gone goes too.
for (const file of readdirSync(dir)) if (file.endsWith(".md")) rmSync(path.join(dir, file));
const version = require(path.join(root, "package.json")).version;
for (const [file, text] of referencePages(buildSchema(version, root))) writeFileSync(path.join(dir, file), text);
