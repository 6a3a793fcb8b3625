// Writes schema.json from the built package (dist): `npm run schema`.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, "..");
const { buildSchema } = require(path.join(root, "dist/provider/plugin/schema-gen.js"));
const { version } = require(path.join(root, "package.json"));
writeFileSync(path.join(root, "schema.json"), `${JSON.stringify(buildSchema(version, root), null, 2)}\n`);
