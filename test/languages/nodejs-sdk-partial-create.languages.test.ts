// The partial create of test/languages/partial-create.languages.test.ts from the TypeScript program
// on the generated Node.js SDK (test/languages/nodejs-sdk): the certificate's tagging fails once with
// a 403 after the API made it, so `up` fails and the plugin's ErrorResourceInitFailed makes the
// engine keep the certificate. The next `up` finishes it on the same certificate, a preview changes
// nothing, and destroy leaves nothing — the emulator's inventory equal to `stack export` each time.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodejsSdkProject } from "../../bench/lib/nodejs-sdk.mjs";
import { TestEmulator } from "../harness/emulator.js";
import { resourcesOfType, type TestStack } from "../harness/stack.js";
import { repoRoot } from "./cli.js";
import { CERTIFICATE, inventoryMatchesState } from "./inventory.js";

/** The step after creation that fails: tagging the new certificate (403: not retried). */
const TAGGING = { method: "POST", path: "^/v1/private-certificates/[^/]+/tags/create$" };

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

  it("up fails after the certificate exists; the stack holds it, once, and says what comes next", async () => {
    await emulator.setFaults([{ kind: "error", status: 403, error_code: "PCA.00030203", count: 1, ...TAGGING }]);
    const failure = await stack.up().then(
      () => "",
      (error: Error) => error.message,
    );
    expect(await emulator.control("GET", "faults")).toEqual({ rules: [] });
    await emulator.setFaults([]);
    const state = await stack.exportState();
    await inventoryMatchesState(emulator, state);
    const [certificate, ...others] = resourcesOfType(state, CERTIFICATE);
    expect(others).toEqual([]);
    const id = String(certificate?.id);
    expect(certificate?.outputs).toMatchObject({ certificateId: id, status: "UNKNOWN" });
    expect(failure).toContain(`certificate ${id} was created, but `);
    expect(failure).toMatch(/HTTP 403 PCA\.00030203/);
    expect(failure).toContain("It is kept in the stack: the next `pulumi up` finishes it");
    expect((await emulator.inventory()).certificates.find((c) => c.id === id)?.tags).toEqual([]);
  });

  it("the next up finishes the job on the same certificate: tagged, nothing left to change", async () => {
    const [before] = resourcesOfType(await stack.exportState(), CERTIFICATE);
    const { outputs } = await stack.up();
    expect(outputs.certificateId?.value).toBe(before?.id);
    expect(outputs.status?.value).toBe("ISSUED");
    await inventoryMatchesState(emulator, await stack.exportState());
    const tagged = (await emulator.inventory()).certificates.find((c) => c.id === before?.id);
    expect(tagged?.tags).toEqual([{ key: "app", value: "demo" }]);
    expect(await stack.previewNoChanges()).toEqual({ same: 5 });
  });

  it("destroy leaves nothing behind", async () => {
    expect(await stack.destroy()).toEqual({ delete: 5 }); // the stack, two CAs, the certificate, its bundle
    const state = await stack.exportState();
    await inventoryMatchesState(emulator, state);
    expect(state.deployment.resources ?? []).toEqual([]);
  });
});
