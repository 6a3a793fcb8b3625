// The partial create of test/languages/partial-create.languages.test.ts from the Python program
// (examples/python-quickstart through the generated SDK): the certificate's tagging fails once with
// a 403 after the API made it, so `up` fails; the plugin's ErrorResourceInitFailed makes the engine
// keep the certificate. Then the next `up` finishes it on the same certificate, a preview changes
// nothing, and destroy leaves nothing — the emulator's inventory equal to `stack export` each time.
import { afterAll, beforeAll, describe } from "vitest";
import { TestEmulator } from "../harness/emulator.js";
import { partialCreateSuite } from "./partial-create-suite.js";
import { PYTHON_PATH, PythonStack, pythonBinDir } from "./python-stack.js";

describe(`a create that fails half-way from the Python program (${PYTHON_PATH})`, () => {
  let emulator: TestEmulator;
  let stack: PythonStack;

  beforeAll(async () => {
    const binDir = pythonBinDir();
    emulator = await TestEmulator.start();
    stack = new PythonStack(binDir, emulator);
  }, 1_800_000);
  afterAll(async () => {
    await emulator?.setFaults([]);
    await stack?.step(["destroy"]).catch(() => undefined);
    stack?.dispose();
    await emulator?.close();
  });

  partialCreateSuite(
    () => emulator,
    () => ({
      up: () => stack.step(["up"]),
      previewNoChanges: async () => (await stack.step(["preview-no-changes"])).changes,
      destroy: async () => (await stack.step(["destroy"])).changes,
      exportState: () => stack.exportState(),
    }),
  );
});
