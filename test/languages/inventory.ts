// What the language tests compare after every step: the emulator's inventory against the state
// `pulumi stack export` shows (the native plugin's types).
import { expect } from "vitest";
import type { InventoryEntry, TestEmulator } from "../harness/emulator.js";
import { resourcesOfType, type StackExport } from "../harness/stack.js";

export const CERTIFICATE = "huaweicloud-ccm:index:PrivateCertificate";
export const CA = "huaweicloud-ccm:index:PrivateCa";

export const live = (entries: InventoryEntry[]) => entries.filter((e) => !e.deleted).map((e) => e.id);

/** What exists in the emulator is what the stack holds: nothing orphaned, nothing duplicated. */
export async function inventoryMatchesState(emulator: TestEmulator, state: StackExport): Promise<void> {
  const inventory = await emulator.inventory();
  const held = (type: string) => resourcesOfType(state, type).map((r) => String(r.id));
  expect(live(inventory.certificates).sort()).toEqual(held(CERTIFICATE).sort());
  expect(live(inventory.certificate_authorities).sort()).toEqual(held(CA).sort());
  expect(state.deployment.pending_operations ?? []).toEqual([]);
}
