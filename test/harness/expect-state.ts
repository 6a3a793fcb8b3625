// Assertions the e2e tests make alike about what Pulumi keeps and prints: secrets encrypted in
// `pulumi stack export`, hidden in `pulumi stack output`, and no-change previews that never reach
// the API (the diff is made from state alone).
import { expect } from "vitest";
import { resourceTypeNameOf } from "../../provider/runtime/resource-types.js";
import { DEMO_AK, DEMO_SK, type TestEmulator } from "./emulator.js";
import {
  type OutputValue,
  type ResourceChanges,
  resourcesOfType,
  type StackExport,
  type StackResource,
  type TestStack,
} from "./stack.js";

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

/**
 * A stack whose resource of `type` holds secrets: `pulumi stack export` shows no PEM or credential
 * in plaintext and each of `stored` encrypted among the resource's outputs, and `pulumi stack
 * output` prints `[secret]` for each of `printed`. Returns the resource as exported.
 */
export async function expectSecretsHidden(
  stack: TestStack,
  type: string,
  stored: readonly string[],
  printed: readonly string[],
): Promise<StackResource | undefined> {
  const state = await stack.exportState();
  expectNoPlaintextSecrets(state);
  const [resource] = resourcesOfType(state, type);
  expectSecretOutputs(resource, stored);
  await expectOutputsHidden(stack, printed);
  return resource;
}

/** `step` (a no-change preview, a destroy of what the service owns) reports exactly `expected` and makes zero API calls. */
export async function expectWithoutApiCalls(
  emulator: TestEmulator,
  step: () => Promise<ResourceChanges>,
  expected: ResourceChanges,
): Promise<void> {
  const before = await emulator.requestCount();
  expect(await step()).toEqual(expected);
  expect(await emulator.requestCount()).toBe(before);
}

/** `pulumi preview --expect-no-changes` plans exactly `expected` and makes zero API calls. */
export function expectNoChangePreviewWithoutApiCalls(
  stack: TestStack,
  emulator: TestEmulator,
  expected: ResourceChanges,
): Promise<void> {
  return expectWithoutApiCalls(emulator, () => stack.previewNoChanges(), expected);
}

/**
 * A refresh of resources that did not change: it reports `expected`, makes `apiCalls` API
 * requests, leaves a no-change preview and the stack's outputs as `outputs` (by default, as they
 * were before the refresh).
 */
export async function expectRefreshKeeps(
  stack: TestStack,
  emulator: TestEmulator,
  expected: ResourceChanges,
  apiCalls: number,
  outputs?: Record<string, OutputValue>,
): Promise<void> {
  const before = await emulator.requestCount();
  const outputsBefore = outputs ?? (await stack.outputs());
  expect(await stack.refresh()).toEqual(expected);
  expect(await emulator.requestCount()).toBe(before + apiCalls);
  await stack.previewNoChanges();
  expect(await stack.outputs()).toEqual(outputsBefore);
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
