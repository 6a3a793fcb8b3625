import type { CollectionMap, Store } from "./types.js";

/**
 * What both stores share: every document held in memory, by collection then id, in a private form V no caller
 * ever holds (the memory store's clone, the file store's JSON text). Each read decodes a fresh copy, so the model
 * can never change stored state by mutating an object it read; the subclass says how a write lands.
 */
export abstract class CachedStore<M extends CollectionMap, V> implements Store<M> {
  abstract readonly kind: string;
  /** Collection name → id → document, as the subclass wrote it. */
  protected readonly collections = new Map<string, Map<string, V>>();
  readonly #decode: (value: V) => unknown;

  protected constructor(decode: (value: V) => unknown) {
    this.#decode = decode;
  }

  /** A collection's documents, made empty on first use. */
  protected docs(collection: string): Map<string, V> {
    let found = this.collections.get(collection);
    if (!found) {
      found = new Map();
      this.collections.set(collection, found);
    }
    return found;
  }

  get<C extends keyof M & string>(collection: C, id: string): M[C] | undefined {
    const value = this.docs(collection).get(id);
    return value === undefined ? undefined : (this.#decode(value) as M[C]);
  }

  list<C extends keyof M & string>(collection: C): M[C][] {
    return [...this.docs(collection).values()].map((value) => this.#decode(value) as M[C]);
  }

  count<C extends keyof M & string>(collection: C): number {
    return this.docs(collection).size;
  }

  abstract put<C extends keyof M & string>(collection: C, id: string, doc: M[C]): Promise<void>;
  abstract delete<C extends keyof M & string>(collection: C, id: string): Promise<void>;
  abstract clear(): Promise<void>;
  abstract close(): Promise<void>;
}
