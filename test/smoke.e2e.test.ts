// Proves the toolchain end to end before any CCM code is involved: the real Pulumi CLI, the
// dynamic-provider host, closure serialization, secrets in state, and every lifecycle operation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pulumiVersion, resourcesOfType, TestStack } from "./harness/stack.js";

describe("smoke: a trivial dynamic resource through the real engine", () => {
  const stack = new TestStack({ program: "test/programs/smoke", config: { message: "hello" } });

  beforeAll(async () => {
    // The version the whole test run uses, printed into the CI log.
    console.log(`pulumi version: ${await pulumiVersion()}; node ${process.version}`);
  });
  afterAll(() => stack.dispose());

  it("up creates the resource and returns its outputs", async () => {
    const { outputs, changes } = await stack.up();
    expect(changes).toEqual({ create: 2 });
    expect(outputs.message).toEqual({ value: "hello", secret: false });
    expect(outputs.length).toEqual({ value: 5, secret: false });
    expect(outputs.secretValue).toEqual({ value: "s3cr3t-hello", secret: true });
  });

  it("preview after up reports no changes", async () => {
    expect(await stack.previewNoChanges()).toEqual({ same: 2 });
  });

  it("refresh reads the resource back unchanged", async () => {
    expect(await stack.refresh()).toEqual({ same: 2 });
  });

  it("stack export and stack output never show the secret in plaintext", async () => {
    const state = await stack.exportState();
    // (The provider code itself, serialized into state, contains the template `s3cr3t-${...}`.)
    expect(JSON.stringify(state)).not.toContain("s3cr3t-hello");
    const [echo] = resourcesOfType(state, "pulumi-nodejs:dynamic/ccm-smoke:Echo");
    expect(echo?.outputs?.secretValue).toMatchObject({ "4dabf18193072939515e22adb298388d": expect.any(String) });
    expect(await stack.outputText()).toMatch(/secretValue\s+\[secret\]/);
  });

  it("a changed input plans and performs a replacement", async () => {
    stack.setConfig({ message: "bye" });
    expect(await stack.preview()).toMatchObject({ replace: 1, same: 1 });
    const { outputs } = await stack.up();
    expect(outputs.length).toEqual({ value: 3, secret: false });
  });

  it("destroy removes everything", async () => {
    expect(await stack.destroy()).toEqual({ delete: 2 });
  });
});
