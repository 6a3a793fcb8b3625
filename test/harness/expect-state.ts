// Assertions the e2e tests make alike about what Pulumi keeps and prints: secrets encrypted in
// `pulumi stack export`, hidden in `pulumi stack output`, and no-change previews that never reach
// the API (the diff is made from state alone).
import { expect } from "vitest";
import { resourceTypeNameOf } from "../../provider/runtime/resource-types.js";
import { DEMO_AK, DEMO_SK, type TestEmulator } from "./emulator.js";
import type { ResourceChanges, StackExport, StackResource, TestStack } from "./stack.js";

/** How `pulumi stack export` writes a secret: under Pulumi's secret signature, the value encrypted. */
export const SECRET_IN_STATE = { "4dabf18193072939515e22adb298388d": expect.any(String) };

/** The exported state holds no PEM and neither demo credential in plaintext. */
export function expectNoPlaintextSecrets(state: StackExport): void {
  const text = JSON.stringify(state);
  expect(text).not.toContain("-----BEGIN");
  for (const secret of [DEMO_AK, DEMO_SK]) expect(text).not.toContain(secret);
}

/** Each of `keys` is stored encrypted among the resource's outputs. */
export function expectSecretOutputs(resource: StackResource | undefined, keys: readonly string[]): void {
  for (const key of keys) expect(resource?.outputs?.[key], key).toMatchObject(SECRET_IN_STATE);
}

/** `pulumi stack output` prints `[secret]` for each of `keys`. */
export async function expectOutputsHidden(stack: TestStack, keys: readonly string[]): Promise<void> {
  const output = await stack.outputText();
  for (const key of keys) expect(output).toMatch(new RegExp(`${key}\\s+\\[secret\\]`));
}

/** `pulumi preview --expect-no-changes` plans exactly `expected` and makes zero API calls. */
export async function expectNoChangePreviewWithoutApiCalls(
  stack: TestStack,
  emulator: TestEmulator,
  expected: ResourceChanges,
): Promise<void> {
  const before = await emulator.requestCount();
  expect(await stack.previewNoChanges()).toEqual(expected);
  expect(await emulator.requestCount()).toBe(before);
}

/** Where Pulumi recorded a resource as declared: its `sourcePosition` and the `stackTrace` beside it. */
interface DeclaredAt {
  sourcePosition?: string;
  stackTrace?: Array<{ sourcePosition?: string }>;
}

/**
 * Each of this package's resources in `state` by name, with the source position Pulumi recorded
 * for it; no frame of the recorded stacks is one of this package's (`ownFrame` matches those:
 * the library's files as the program loaded them).
 */
export function declaredPositions(state: StackExport, ownFrame: RegExp): Map<string, string | undefined> {
  const positions = new Map<string, string | undefined>();
  for (const resource of state.deployment.resources ?? []) {
    if (!resourceTypeNameOf(resource.type)) continue;
    const { sourcePosition, stackTrace = [] } = resource as StackResource & DeclaredAt;
    const frames = stackTrace.map((frame) => frame.sourcePosition ?? "");
    expect(
      frames.filter((frame) => ownFrame.test(frame)),
      resource.urn,
    ).toEqual([]);
    if (sourcePosition !== undefined) expect(frames[0], resource.urn).toBe(sourcePosition);
    positions.set(resource.urn.split("::").at(-1) ?? "", sourcePosition);
  }
  return positions;
}
