// What the language tests compare after every step: the emulator's inventory against the state
// `pulumi stack export` shows (the native plugin's types).
import { expect } from "vitest";
import type { InventoryEntry, TestEmulator } from "../harness/emulator.js";
import { expectSecretOutputs } from "../harness/expect-state.js";
import { resourcesOfType, type StackExport } from "../harness/stack.js";

export const CERTIFICATE = "huaweicloud-ccm:index:PrivateCertificate";
export const CA = "huaweicloud-ccm:index:PrivateCa";
export const BUNDLE = "huaweicloud-ccm:index:CertificateBundle";

export const live = (entries: InventoryEntry[]) => entries.filter((e) => !e.deleted).map((e) => e.id);

/** What exists in the emulator is what the stack holds: nothing orphaned, nothing duplicated. */
export async function inventoryMatchesState(emulator: TestEmulator, state: StackExport): Promise<void> {
  const inventory = await emulator.inventory();
  const held = (type: string) => resourcesOfType(state, type).map((r) => String(r.id));
  expect(live(inventory.certificates).sort()).toEqual(held(CERTIFICATE).sort());
  expect(live(inventory.certificate_authorities).sort()).toEqual(held(CA).sort());
  expect(state.deployment.pending_operations ?? []).toEqual([]);
}

/**
 * The exported state holds neither the bundle's private key nor the provider's secret key in
 * plaintext, keeps each of `secretOutputs` of the bundle encrypted, and equals the inventory.
 */
export async function expectSecretsKept(
  emulator: TestEmulator,
  state: StackExport,
  privateKeyPem: unknown,
  secretOutputs: readonly string[],
): Promise<void> {
  const text = JSON.stringify(state);
  for (const secret of [privateKeyPem, emulator.stackConfig().secrets["huaweicloud-ccm:secretKey"]]) {
    expect(text).not.toContain(String(secret).slice(30, 90));
  }
  expectSecretOutputs(resourcesOfType(state, BUNDLE)[0], secretOutputs);
  await inventoryMatchesState(emulator, state);
}
