import type { Collections } from "../model/records.js";
import { FileStore } from "./files.js";
import { MemoryStore } from "./memory.js";
import type { Store } from "./types.js";

export type EmulatorStore = Store<Collections>;

/** In memory by default; a durable file store when a data directory is given. */
export async function openStore(dataDir: string | undefined): Promise<EmulatorStore> {
  return dataDir ? FileStore.open<Collections>(dataDir) : new MemoryStore<Collections>();
}

export { FileStore } from "./files.js";
export { MemoryStore } from "./memory.js";
export { type CollectionMap, type Store, StoreError } from "./types.js";
