// Writes schema.json from the built package (dist): `npm run schema`. A release names its version,
// where the engine downloads the plugin and the Go SDK's module path (scripts/release.mjs):
//
//   node scripts/gen-schema.mjs [--version X] [--plugin-download-url URL] [--go-module PATH] [--out FILE]
//
// Without them the committed schema.json stays as it is: package.json's version, no download URL.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parseArgs } from "node:util";

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, "..");
const { buildSchema } = require(path.join(root, "dist/provider/plugin/schema-gen.js"));
const { values } = parseArgs({
  options: {
    version: { type: "string", default: require(path.join(root, "package.json")).version },
    "plugin-download-url": { type: "string" },
    "go-module": { type: "string" },
    out: { type: "string", default: path.join(root, "schema.json") },
  },
});
const schema = buildSchema(values.version, root, {
  pluginDownloadURL: values["plugin-download-url"],
  goImportBasePath: values["go-module"],
});
writeFileSync(values.out, `${JSON.stringify(schema, null, 2)}\n`);
