// The partial create of test/languages/partial-create.languages.test.ts from the TypeScript program
// on the generated Node.js SDK (test/languages/nodejs-sdk): the certificate's tagging fails once with
// a 403 after the API made it, so `up` fails and the plugin's ErrorResourceInitFailed makes the
// engine keep the certificate. The next `up` finishes it on the same certificate, a preview changes
// nothing, and destroy leaves nothing — the emulator's inventory equal to `stack export` each time.
import path from "node:path";
import { afterAll, beforeAll, describe } from "vitest";
import { nodejsSdkProject } from "../../bench/lib/nodejs-sdk.mjs";
import { TestEmulator } from "../harness/emulator.js";
import type { TestStack } from "../harness/stack.js";
import { repoRoot } from "./cli.js";
import { partialCreateSuite } from "./partial-create-suite.js";

describe("a create that fails half-way from the TypeScript program on the generated Node.js SDK", () => {
  let emulator: TestEmulator;
  let project: { dir: string; dispose: () => void };
  let stack: TestStack;

  beforeAll(async () => {
    project = nodejsSdkProject(path.join(repoRoot, "test/languages/nodejs-sdk"));
    emulator = await TestEmulator.start();
    stack = emulator.stack({
      program: project.dir,
      env: { PATH: [path.join(repoRoot, "bin"), process.env.PATH].join(path.delimiter) },
    });
  }, 900_000);
  afterAll(async () => {
    await emulator?.setFaults([]);
    await stack?.dispose().catch(() => undefined);
    project?.dispose();
    await emulator?.close();
  });

  partialCreateSuite(
    () => emulator,
    () => stack,
  );
});
