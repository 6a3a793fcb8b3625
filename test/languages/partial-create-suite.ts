// The partial create every front end of the native plugin must survive, as one suite: the
// certificate's tagging fails once with a 403 after the API made it, so `up` fails and the plugin's
// ErrorResourceInitFailed makes the engine keep the certificate; the next `up` finishes it on the
// same certificate, a preview changes nothing, and destroy leaves nothing — the emulator's
// inventory equal to `stack export` each time. Each language's test gives the suite its stack.
import { expect, it } from "vitest";
import type { TestEmulator } from "../harness/emulator.js";
import { type OutputValue, resourcesOfType, type StackExport } from "../harness/stack.js";
import { CERTIFICATE, inventoryMatchesState } from "./inventory.js";

/** Tagging the new certificate refused once (403: not retried): the step after creation that fails. */
export const TAGGING_REFUSED_ONCE = {
  kind: "error",
  status: 403,
  error_code: "PCA.00030203",
  count: 1,
  method: "POST",
  path: "^/v1/private-certificates/[^/]+/tags/create$",
};

/** What the user is told by the failed `up`: what exists, which step failed, what comes next. */
export function expectKeptInStackMessage(failure: string, certificateId: string): void {
  expect(failure).toContain(`certificate ${certificateId} was created, but `);
  expect(failure).toMatch(/HTTP 403 PCA\.00030203/);
  expect(failure).toContain("It is kept in the stack: the next `pulumi up` finishes it");
}

/** A stack of the quickstart (two CAs, a certificate tagged app=demo, its bundle) in some language. */
export interface QuickstartStack {
  up(): Promise<{ outputs?: Record<string, OutputValue> }>;
  previewNoChanges(): Promise<Record<string, number>>;
  destroy(): Promise<Record<string, number>>;
  exportState(): Promise<StackExport>;
}

/** The three steps, as `it`s of the caller's describe block. */
export function partialCreateSuite(emulator: () => TestEmulator, stack: () => QuickstartStack): void {
  it("up fails after the certificate exists; the stack holds it, once, and says what comes next", async () => {
    await emulator().setFaults([TAGGING_REFUSED_ONCE]);
    const failure = await stack()
      .up()
      .then(
        () => "",
        (error: Error) => error.message,
      );
    expect(await emulator().control("GET", "faults")).toEqual({ rules: [] });
    await emulator().setFaults([]);
    const state = await stack().exportState();
    await inventoryMatchesState(emulator(), state);
    const [certificate, ...others] = resourcesOfType(state, CERTIFICATE);
    expect(others).toEqual([]);
    const id = String(certificate?.id);
    expect(certificate?.outputs).toMatchObject({ certificateId: id, status: "UNKNOWN" });
    expectKeptInStackMessage(failure, id);
    expect((await emulator().inventory()).certificates.find((c) => c.id === id)?.tags).toEqual([]);
  });

  it("the next up finishes the job on the same certificate: tagged, nothing left to change", async () => {
    const [before] = resourcesOfType(await stack().exportState(), CERTIFICATE);
    const { outputs } = await stack().up();
    expect(outputs?.certificateId?.value).toBe(before?.id);
    expect(outputs?.status?.value).toBe("ISSUED");
    await inventoryMatchesState(emulator(), await stack().exportState());
    const tagged = (await emulator().inventory()).certificates.find((c) => c.id === before?.id);
    expect(tagged?.tags).toEqual([{ key: "app", value: "demo" }]);
    expect(await stack().previewNoChanges()).toEqual({ same: 5 });
  });

  it("destroy leaves nothing behind", async () => {
    expect(await stack().destroy()).toEqual({ delete: 5 }); // the stack, two CAs, the certificate, its bundle
    const state = await stack().exportState();
    await inventoryMatchesState(emulator(), state);
    expect(state.deployment.resources ?? []).toEqual([]);
  });
}
