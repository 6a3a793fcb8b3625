// The one persistence interface (as fake-gcs-server's backend.Storage): the model talks only to
// this, and test/emulator/store.contract.test.ts runs the same suite against every implementation.
//
// Reads are synchronous (both stores serve them from memory); writes resolve only once the change
// is durable, so a route answers after its write has landed and an acknowledged write survives a
// crash of the process (the file store's guarantee; the memory store has nothing to lose it to).

/** Collection name → document type. Documents are plain JSON values. */
export type CollectionMap = { [name: string]: object };

export interface Store<M extends CollectionMap> {
  /** "memory" or "files", for logs and the health endpoint. */
  readonly kind: string;
  /** A copy of the document, or undefined. */
  get<C extends keyof M & string>(collection: C, id: string): M[C] | undefined;
  /** Copies of every document of a collection, in no particular order. */
  list<C extends keyof M & string>(collection: C): M[C][];
  /** How many documents a collection holds (cheaper than list().length: nothing is copied). */
  count<C extends keyof M & string>(collection: C): number;
  /** Create or replace; resolves once durable. Later writes to one id land in call order. */
  put<C extends keyof M & string>(collection: C, id: string, doc: M[C]): Promise<void>;
  /** Remove (a missing id is not an error); resolves once durable. */
  delete<C extends keyof M & string>(collection: C, id: string): Promise<void>;
  /** Remove every document of every collection. */
  clear(): Promise<void>;
  /** Wait for pending writes, release resources. */
  close(): Promise<void>;
}

export class StoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StoreError";
  }
}
