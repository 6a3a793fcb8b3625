import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // e2e tests drive the real Pulumi CLI; each takes seconds, so give them room and run test
    // files in parallel across the two cores.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: "forks",
    reporters: ["default"],
  },
});
