import { randomUUID } from "node:crypto";
import { chmod, mkdir, open, readdir, readFile, rename, rm, unlink } from "node:fs/promises";
import { join } from "node:path";
import { CachedStore } from "./cached.js";
import { type CollectionMap, StoreError } from "./types.js";

const MARKER = "ccm-emulator-store.json";
const FORMAT = 1;
// Documents hold private keys: owner-only files and directories, whatever the umask.
const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

/**
 * A directory of JSON files, one per document: `<dir>/<collection>/<id>.json`. Every write goes to
 * a temporary file that is fsync'ed, renamed over the target, and then the directory is fsync'ed,
 * so after put() resolves the document survives a SIGKILL or power loss, and a crash mid-write
 * leaves the old document intact (rename is atomic). Reads come from an in-memory copy loaded at
 * open, which changes only once the write is durable: memory is never ahead of the disk, so a
 * failed write leaves both as they were. Writes to the same document are chained so they land in
 * call order. Files are 0600 and directories 0700 (documents hold private keys).
 */
export class FileStore<M extends CollectionMap> extends CachedStore<M, string> {
  readonly kind = "files";
  readonly #dir: string;
  readonly #chains = new Map<string, Promise<void>>();
  /** Bumped by every chained write to a document, so clear() can tell a later write landed. */
  readonly #generations = new Map<string, number>();
  readonly #madeDirs = new Set<string>();

  private constructor(dir: string) {
    super((text) => JSON.parse(text));
    this.#dir = dir;
  }

  /** Opens (creating if needed) the store at `dir` and loads every document into memory. */
  static async open<M extends CollectionMap>(dir: string): Promise<FileStore<M>> {
    const store = new FileStore<M>(dir);
    await store.#load();
    return store;
  }

  async #load(): Promise<void> {
    await mkdir(this.#dir, { recursive: true, mode: DIR_MODE });
    await chmod(this.#dir, DIR_MODE);
    const marker = join(this.#dir, MARKER);
    const existing = await readFile(marker, "utf8").catch(() => undefined);
    if (existing === undefined) {
      await writeDurably(this.#dir, MARKER, JSON.stringify({ format: FORMAT }));
    } else {
      const parsed: unknown = JSON.parse(existing);
      const format = typeof parsed === "object" && parsed !== null ? Reflect.get(parsed, "format") : undefined;
      if (format !== FORMAT) throw new StoreError(`unsupported data directory format ${String(format)}`);
    }
    for (const entry of await readdir(this.#dir, { withFileTypes: true })) {
      // Directories starting with "." are not collections (the CLI keeps its TLS material in ".tls").
      if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
      const collection = decodeName(entry.name);
      const docs = new Map<string, string>();
      const collectionDir = join(this.#dir, entry.name);
      // Data directories written before files were owner-only are tightened on open.
      await chmod(collectionDir, DIR_MODE);
      for (const file of await readdir(collectionDir)) {
        if (file.startsWith(".")) {
          // A temporary file left by a crash before its rename: the write was never acknowledged.
          await rm(join(collectionDir, file), { force: true });
          continue;
        }
        if (!file.endsWith(".json")) continue;
        await chmod(join(collectionDir, file), FILE_MODE);
        docs.set(decodeName(file.slice(0, -".json".length)), await readFile(join(collectionDir, file), "utf8"));
      }
      this.collections.set(collection, docs);
      this.#madeDirs.add(collection);
    }
  }

  put<C extends keyof M & string>(collection: C, id: string, doc: M[C]): Promise<void> {
    const text = JSON.stringify(doc);
    return this.#chain(collection, id, async () => {
      const dir = await this.#collectionDir(collection);
      await writeDurably(dir, `${encodeName(id)}.json`, text);
      this.docs(collection).set(id, text);
    });
  }

  delete<C extends keyof M & string>(collection: C, id: string): Promise<void> {
    return this.#chain(collection, id, async () => {
      const dir = await this.#collectionDir(collection);
      await unlinkIfPresent(join(dir, `${encodeName(id)}.json`));
      await syncDirectory(dir);
      this.docs(collection).delete(id);
    });
  }

  async clear(): Promise<void> {
    const dirs: string[] = [];
    const removals: Promise<void>[] = [];
    const removed: { docs: Map<string, string>; id: string; key: string; generation: number }[] = [];
    for (const [collection, docs] of this.collections) {
      const dir = join(this.#dir, encodeName(collection));
      if (this.#madeDirs.has(collection)) dirs.push(dir);
      for (const id of [...docs.keys()]) {
        // Chained like every write, so a put still in flight cannot land after its removal.
        removals.push(this.#chain(collection, id, () => unlinkIfPresent(join(dir, `${encodeName(id)}.json`))));
        const key = chainKey(collection, id);
        removed.push({ docs, id, key, generation: this.#generations.get(key) ?? 0 });
      }
    }
    await Promise.all(removals);
    // One fsync per directory makes all the unlinks durable; only then do they leave memory,
    // except documents written again meanwhile (their newer write is on disk and in memory).
    for (const dir of dirs) await syncDirectory(dir);
    for (const { docs, id, key, generation } of removed) {
      if ((this.#generations.get(key) ?? 0) === generation) docs.delete(id);
    }
  }

  async close(): Promise<void> {
    await this.#settled();
  }

  async #settled(): Promise<void> {
    await Promise.allSettled([...this.#chains.values()]);
  }

  #chain(collection: string, id: string, write: () => Promise<void>): Promise<void> {
    const key = chainKey(collection, id);
    this.#generations.set(key, (this.#generations.get(key) ?? 0) + 1);
    const previous = this.#chains.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(write);
    this.#chains.set(key, next);
    const forget = () => {
      if (this.#chains.get(key) === next) this.#chains.delete(key);
    };
    next.then(forget, forget);
    return next.catch((error: unknown) => {
      throw new StoreError(`could not write ${collection}/${id}`, { cause: error });
    });
  }

  async #collectionDir(collection: string): Promise<string> {
    const dir = join(this.#dir, encodeName(collection));
    if (!this.#madeDirs.has(collection)) {
      await mkdir(dir, { recursive: true, mode: DIR_MODE });
      await syncDirectory(this.#dir);
      this.#madeDirs.add(collection);
    }
    return dir;
  }
}

function chainKey(collection: string, id: string): string {
  return `${collection}\u0000${id}`;
}

async function writeDurably(dir: string, name: string, text: string): Promise<void> {
  const temporary = join(dir, `.${name}.${randomUUID()}.tmp`);
  const handle = await open(temporary, "wx", FILE_MODE);
  try {
    await handle.writeFile(text, "utf8");
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, join(dir, name));
  await syncDirectory(dir);
}

async function unlinkIfPresent(file: string): Promise<void> {
  await unlink(file).catch((error: unknown) => {
    if (!isMissing(error)) throw error;
  });
}

/** fsync on the directory makes the rename (or unlink) itself durable. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

// Ids become file names: percent-encoding keeps "/" and ".." out, and encoding "." means no
// document file starts with "." (reserved for temporary files).
function encodeName(name: string): string {
  return encodeURIComponent(name).replace(/\./g, "%2E").replace(/\*/g, "%2A");
}

function decodeName(name: string): string {
  return decodeURIComponent(name);
}

function isMissing(error: unknown): boolean {
  return typeof error === "object" && error !== null && Reflect.get(error, "code") === "ENOENT";
}
