// The dynamic-provider host's runtime entry as one file (dist/runtime/index.cjs, what
// `pulumi-huaweicloud-ccm/runtime` resolves to): the host loads it before its first `check` of
// every preview, up and destroy, on the critical path. Built from the TypeScript sources so zod
// resolves to its ES modules and is tree-shaken: zod's CommonJS entry loads every locale
// and all of its API (~270 ms of CPU for the tsc output, ~130 ms for this file; see
// docs/performance.md). Everything else of the package (the public index, the plugin, the CLI) stays
// tsc's output. Dependencies the host gets from the program's node_modules stay outside.
import { defineConfig } from "rolldown";

export default defineConfig({
  input: "provider/runtime/index.ts",
  platform: "node",
  // undici loads lazily with the first API call; @pulumi/pulumi is the host's own copy.
  external: ["undici", /^@pulumi\//],
  // Not minified, no source map: a stack trace from the host stays readable as it is.
  output: { file: "dist/runtime/index.cjs", format: "cjs" },
});
