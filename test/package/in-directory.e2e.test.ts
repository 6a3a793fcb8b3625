// scripts/pulumi-stack.mjs --in-directory: the user's path, `pulumi` in the program's directory
// through the Node language host. Where the host is on PATH the smoke program goes through a whole
// lifecycle that way; where it is not (our machines), the runner refuses at once, naming what is
// missing. Either way the program's directory in the repository is left as it was.
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findLanguageHost } from "../harness/consumer.js";
import { TestStack } from "../harness/stack.js";

const program = "test/programs/smoke";
const programDir = path.resolve(import.meta.dirname, "../..", program);
const languageHost = findLanguageHost();

describe("scripts/pulumi-stack.mjs --in-directory", () => {
  const filesBefore = readdirSync(programDir).sort();
  const stack = new TestStack({ program, config: { message: "hello" }, inDirectory: true });
  // Without a language host no stack was ever made: only the state directory is there to remove.
  afterAll(() => (languageHost ? stack.dispose() : stack.discard()));

  it(languageHost
    ? "runs up → no-change preview → export → destroy through the Node language host"
    : "refuses at once without the Node language host, naming it", async () => {
    if (languageHost) {
      const { outputs, changes } = await stack.up();
      expect(changes).toEqual({ create: 2 });
      expect(outputs.secretValue).toEqual({ value: "s3cr3t-hello", secret: true });
      expect(stack.lastLog).toContain("pulumi-language-nodejs");
      expect(await stack.previewNoChanges()).toEqual({ same: 2 });
      expect(JSON.stringify(await stack.exportState())).not.toContain("s3cr3t-hello");
      expect(await stack.destroy()).toEqual({ delete: 2 });
    } else {
      await expect(stack.up()).rejects.toThrow(/--in-directory needs the Node language host: pulumi-language-nodejs/);
    }
    expect(readdirSync(programDir).sort()).toEqual(filesBefore);
  }, 300_000);
});
