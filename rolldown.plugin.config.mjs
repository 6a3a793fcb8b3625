// The native plugin as one CommonJS file (dist/plugin-bundle/main.cjs), every dependency inside:
// the script of the self-contained plugin executable (a Node.js single executable application,
// scripts/plugin-archive.mjs), whose `require` loads only Node's built-in modules. Not minified,
// so a stack trace the user sends us stays readable.
import { defineConfig } from "rolldown";

export default defineConfig({
  input: "provider/plugin/standalone.ts",
  platform: "node",
  output: { file: "dist/plugin-bundle/main.cjs", format: "cjs", codeSplitting: false },
});
