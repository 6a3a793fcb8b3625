// `npm run test:languages`: the native plugin driven from a YAML program (YAML language host) and a
// Go program (Go Automation API, inline). Kept out of `npm test`: the first run builds the YAML host
// and the SDK generator from Go modules.
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
