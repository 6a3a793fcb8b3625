// `npm run test:languages`: everything that goes through the native plugin or a generated SDK — YAML
// programs (YAML language host), Go, Python and the generated Node.js SDK (Automation API, inline),
// the plugin installed from its archive, the release artefacts, chaos and interruptions through the
// plugin, and ccm-orphans across front ends. Kept out of `npm test`: the first run builds the YAML
// host and the SDK generator from Go modules and a Python virtual environment from PyPI.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/languages/**/*.test.ts"],
    testTimeout: 600_000,
    hookTimeout: 1_800_000,
    pool: "forks",
    maxWorkers: 1,
    reporters: ["default"],
  },
});
