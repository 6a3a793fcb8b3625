// The native plugin from a TypeScript program on the generated Node.js SDK (test/languages/nodejs-sdk),
// not the dynamic-provider classes: the program type-checks against the built SDK's declarations,
// then preview, up, a no-change preview that makes no API call, refresh, `pulumi import` of a
// certificate made outside the stack (and a no-change preview of the program that then states it),
// destroy, and no secret in plaintext in `pulumi stack export`. Run like the other TypeScript e2e
// tests: scripts/pulumi-stack.mjs, the Automation API with an inline program (no Node language host
// here); with pulumi-language-nodejs on PATH, `pulumi up` in the program's directory instead.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importIntoRunnerStack, NODE_HOST_ON_PATH, nodejsSdkProject, typeCheck } from "../../bench/lib/nodejs-sdk.mjs";
import { TestEmulator } from "../harness/emulator.js";
import { type OutputValue, resourcesOfType, type TestStack } from "../harness/stack.js";
import { repoRoot } from "./cli.js";
import { CA, CERTIFICATE, expectSecretsKept, inventoryMatchesState, live } from "./inventory.js";
import { applyLegacyCertificate, importedLegacyInputs } from "./legacy-certificate.js";

const HOW = NODE_HOST_ON_PATH
  ? "pulumi-language-nodejs on PATH: the CLI in the program's directory"
  : "no pulumi-language-nodejs here: Automation API, inline program";

describe(`TypeScript program on the generated Node.js SDK through the native plugin (${HOW})`, () => {
  let emulator: TestEmulator;
  let project: { dir: string; dispose: () => void };
  let stack: TestStack;
  let outputs: Record<string, OutputValue>;

  beforeAll(async () => {
    project = nodejsSdkProject(path.join(repoRoot, "test/languages/nodejs-sdk"));
    emulator = await TestEmulator.start();
    stack = emulator.stack({
      program: project.dir,
      inDirectory: NODE_HOST_ON_PATH,
      // The plugin on PATH: the engine starts it for the huaweicloud-ccm package, as for YAML and Go.
      env: { PATH: [path.join(repoRoot, "bin"), process.env.PATH].join(path.delimiter) },
    });
  }, 900_000);
  afterAll(async () => {
    await stack?.dispose().catch(() => undefined);
    project?.dispose();
    await emulator?.close();
  });

  it("the program type-checks against the SDK's declarations", () => {
    expect(typeCheck(project.dir)).toBe("");
  });

  it("preview plans everything, up creates it through the plugin with the bundle's key as a secret", async () => {
    expect(await stack.preview()).toEqual({ create: 5 });
    const up = await stack.up();
    outputs = up.outputs;
    expect(up.changes).toEqual({ create: 5 });
    expect(outputs.status).toEqual({ value: "ISSUED", secret: false });
    expect(outputs.privateKeyPem?.secret).toBe(true);
    expect(String(outputs.privateKeyPem?.value)).toMatch(/^-----BEGIN (EC )?PRIVATE KEY-----/);
    const state = await stack.exportState();
    // The native plugin's tokens and provider, not the dynamic provider's: no code in state.
    expect(resourcesOfType(state, CA)).toHaveLength(2);
    expect(resourcesOfType(state, "pulumi:providers:huaweicloud-ccm")).toHaveLength(1);
    expect(JSON.stringify(state)).not.toContain("pulumi-nodejs:dynamic");
    expect(JSON.stringify(state)).not.toContain("__provider");
    expect((await emulator.inventory()).certificates.map((c) => c.tags)).toEqual([[{ key: "app", value: "demo" }]]);
    await inventoryMatchesState(emulator, state);
  });

  it("a second preview changes nothing and makes no API call; refresh changes nothing", async () => {
    const before = await emulator.requestCount();
    expect(await stack.previewNoChanges()).toEqual({ same: 5 });
    expect(await emulator.requestCount()).toBe(before);
    expect(await stack.refresh()).toEqual({ same: 5 });
  });

  it("pulumi import adopts a certificate made outside the stack, with the validity it was made for", async () => {
    const issuerId = String(outputs.rootCaId?.value);
    const certificateId = await applyLegacyCertificate(emulator.client(), issuerId);
    const { stateDir } = stack;
    const inDirectory = NODE_HOST_ON_PATH;
    await importIntoRunnerStack({
      stateDir,
      stack: "test",
      type: CERTIFICATE,
      name: "legacy",
      id: certificateId,
      inDirectory,
    });
    const imported = resourcesOfType(await stack.exportState(), CERTIFICATE).find((r) => r.id === certificateId);
    expect(imported?.outputs).toMatchObject({ status: "ISSUED", certificateId });
    expect(imported?.inputs).toEqual(importedLegacyInputs(issuerId));
  });

  it("the program that states the imported inputs plans no change", async () => {
    expect(await stack.previewNoChanges({ CCM_TAKEN_OVER: "1" })).toEqual({ same: 6 });
  });

  it("the exported state holds no secret in plaintext, and equals the emulator's inventory", async () => {
    await expectSecretsKept(emulator, await stack.exportState(), outputs.privateKeyPem?.value, ["privateKeyPem"]);
  });

  it("destroy deletes everything, the imported certificate too", async () => {
    expect(await stack.destroy({ CCM_TAKEN_OVER: "1" })).toEqual({ delete: 6 });
    expect(live((await emulator.inventory()).certificates)).toEqual([]);
    await inventoryMatchesState(emulator, await stack.exportState());
  });
});
