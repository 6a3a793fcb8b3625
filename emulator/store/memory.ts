import type { CollectionMap, Store } from "./types.js";

/**
 * The default store: maps in memory. Documents are cloned on the way in and out so the model can
 * never change stored state by mutating an object it read (the file store behaves the same way,
 * since it parses a fresh copy).
 */
export class MemoryStore<M extends CollectionMap> implements Store<M> {
  readonly kind = "memory";
  readonly #collections = new Map<string, Map<string, object>>();

  #collection(name: string): Map<string, object> {
    let found = this.#collections.get(name);
    if (!found) {
      found = new Map();
      this.#collections.set(name, found);
    }
    return found;
  }

  get<C extends keyof M & string>(collection: C, id: string): M[C] | undefined {
    const doc = this.#collection(collection).get(id);
    return doc === undefined ? undefined : (structuredClone(doc) as M[C]);
  }

  list<C extends keyof M & string>(collection: C): M[C][] {
    return [...this.#collection(collection).values()].map((doc) => structuredClone(doc) as M[C]);
  }

  count<C extends keyof M & string>(collection: C): number {
    return this.#collection(collection).size;
  }

  async put<C extends keyof M & string>(collection: C, id: string, doc: M[C]): Promise<void> {
    this.#collection(collection).set(id, structuredClone(doc));
  }

  async delete<C extends keyof M & string>(collection: C, id: string): Promise<void> {
    this.#collection(collection).delete(id);
  }

  async clear(): Promise<void> {
    this.#collections.clear();
  }

  async close(): Promise<void> {
    // NO-OP: nothing to flush or release.
  }
}
