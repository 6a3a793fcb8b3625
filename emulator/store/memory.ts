import { CachedStore } from "./cached.js";
import type { CollectionMap } from "./types.js";

/**
 * The default store: maps in memory. Documents are cloned on the way in and out so the model can
 * never change stored state by mutating an object it read (the file store behaves the same way,
 * since it parses a fresh copy).
 */
export class MemoryStore<M extends CollectionMap> extends CachedStore<M, object> {
  readonly kind = "memory";

  constructor() {
    super((doc) => structuredClone(doc));
  }

  async put<C extends keyof M & string>(collection: C, id: string, doc: M[C]): Promise<void> {
    this.docs(collection).set(id, structuredClone(doc));
  }

  async delete<C extends keyof M & string>(collection: C, id: string): Promise<void> {
    this.docs(collection).delete(id);
  }

  async clear(): Promise<void> {
    this.collections.clear();
  }

  async close(): Promise<void> {
    // NO-OP: nothing to flush or release.
  }
}
