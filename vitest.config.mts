import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The YAML and Go programs (minutes of Go builds on a clean cache): `npm run test:languages`.
    exclude: [...configDefaults.exclude, "test/languages/**"],
    // e2e tests drive the real Pulumi CLI; each takes seconds, so give them room. An e2e file spends
    // much of its time waiting on the engine and its child processes, so three files run at once:
    // vitest's default on a 2-core machine is one worker, which runs the suite serially.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: "forks",
    maxWorkers: 3,
    reporters: ["default"],
  },
});
