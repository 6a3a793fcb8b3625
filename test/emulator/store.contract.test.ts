// One contract for every store (fake-gcs-server's testForStorageBackends): the same tests run
// against the memory store and the file store; durability across a reopen applies to stores that
// can be reopened.

import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { FileStore, MemoryStore, type Store, StoreError } from "../../emulator/store/index.js";

type Docs = {
  things: { n: number; label?: string; nested?: { list: number[] } };
  others: { n: number };
};

interface Backend {
  store: Store<Docs>;
  /** A fresh store over the same data, for backends that persist. */
  reopen?: () => Promise<Store<Docs>>;
  dir?: string;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const BACKENDS: Record<string, () => Promise<Backend>> = {
  memory: async () => {
    const store = new MemoryStore<Docs>();
    cleanups.push(() => store.close());
    return { store };
  },
  files: async () => {
    const dir = mkdtempSync(join(tmpdir(), "ccm-emulator-store-"));
    const store = await FileStore.open<Docs>(dir);
    cleanups.push(async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });
    return { store, dir, reopen: () => FileStore.open<Docs>(dir) };
  },
};

describe.each(Object.keys(BACKENDS))("%s store", (name) => {
  const open = BACKENDS[name]!;

  test("put then get returns an equal copy; missing ids are undefined", async () => {
    const { store } = await open();
    const doc = { n: 1, label: "one", nested: { list: [1, 2] } };
    await store.put("things", "a", doc);
    expect(store.get("things", "a")).toEqual(doc);
    expect(store.get("things", "b")).toBeUndefined();
    expect(store.get("others", "a")).toBeUndefined();
  });

  test("documents are copies: changing what was put or read does not change the store", async () => {
    const { store } = await open();
    const doc = { n: 1, nested: { list: [1] } };
    await store.put("things", "a", doc);
    doc.nested.list.push(2);
    const read = store.get("things", "a")!;
    read.n = 99;
    expect(store.get("things", "a")).toEqual({ n: 1, nested: { list: [1] } });
  });

  test("list returns one collection's documents", async () => {
    const { store } = await open();
    await store.put("things", "a", { n: 1 });
    await store.put("things", "b", { n: 2 });
    await store.put("others", "a", { n: 3 });
    expect(
      store
        .list("things")
        .map((d) => d.n)
        .sort(),
    ).toEqual([1, 2]);
    expect(store.list("others")).toEqual([{ n: 3 }]);
    expect([store.count("things"), store.count("others")]).toEqual([2, 1]);
    await store.clear();
    expect(store.count("things")).toBe(0);
  });

  test("put replaces; delete removes; deleting a missing id is fine", async () => {
    const { store } = await open();
    await store.put("things", "a", { n: 1 });
    await store.put("things", "a", { n: 2 });
    expect(store.get("things", "a")).toEqual({ n: 2 });
    await store.delete("things", "a");
    await store.delete("things", "never");
    expect(store.get("things", "a")).toBeUndefined();
    expect(store.list("things")).toEqual([]);
  });

  test("clear removes everything", async () => {
    const { store } = await open();
    await store.put("things", "a", { n: 1 });
    await store.put("others", "b", { n: 2 });
    await store.clear();
    expect(store.list("things")).toEqual([]);
    expect(store.list("others")).toEqual([]);
  });

  test("ids with awkward characters round-trip", async () => {
    const { store } = await open();
    const ids = ["a/b", "..", ".hidden", "%41", "ünï", "with space", "*", "x".repeat(36)];
    for (const [n, id] of ids.entries()) await store.put("things", id, { n });
    for (const [n, id] of ids.entries()) expect(store.get("things", id)).toEqual({ n });
    expect(store.list("things")).toHaveLength(ids.length);
  });

  test("concurrent writes to one id land in call order", async () => {
    const { store, reopen } = await open();
    await Promise.all(Array.from({ length: 25 }, (_, n) => store.put("things", "same", { n })));
    expect(store.get("things", "same")).toEqual({ n: 24 });
    if (reopen) {
      await store.close();
      expect((await reopen()).get("things", "same")).toEqual({ n: 24 });
    }
  });

  test("a put followed at once by a delete leaves nothing, also after a reopen", async () => {
    const { store, reopen } = await open();
    const put = store.put("things", "gone", { n: 1 });
    const removed = store.delete("things", "gone");
    await Promise.all([put, removed]);
    expect(store.get("things", "gone")).toBeUndefined();
    if (reopen) {
      await store.close();
      expect((await reopen()).get("things", "gone")).toBeUndefined();
    }
  });

  test("acknowledged writes are there after a reopen (persistent stores)", async () => {
    const { store, reopen } = await open();
    await store.put("things", "a", { n: 1, nested: { list: [3] } });
    await store.put("others", "b", { n: 2 });
    await store.put("things", "c", { n: 3 });
    await store.delete("things", "c");
    if (!reopen) {
      expect(store.kind).toBe("memory");
      return;
    }
    const again = await reopen();
    expect(again.get("things", "a")).toEqual({ n: 1, nested: { list: [3] } });
    expect(again.get("others", "b")).toEqual({ n: 2 });
    expect(again.get("things", "c")).toBeUndefined();
    await again.clear();
    expect((await reopen()).list("things")).toEqual([]);
  });
});

describe("file store specifics", () => {
  test("a temporary file left by a crash mid-write is ignored and removed on open", async () => {
    const { store, dir, reopen } = await BACKENDS.files!();
    await store.put("things", "a", { n: 1 });
    writeFileSync(join(dir!, "things", ".a.json.0000.tmp"), '{"n": 2');
    const again = await reopen!();
    expect(again.get("things", "a")).toEqual({ n: 1 });
    expect(readdirSync(join(dir!, "things"))).toEqual(["a.json"]);
  });

  test("a data directory of another format is refused", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ccm-emulator-store-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, "ccm-emulator-store.json"), '{"format": 99}');
    await expect(FileStore.open(dir)).rejects.toThrow(/format/);
  });

  test("documents are owner-only files in owner-only directories, also ones written before", async () => {
    const { store, dir, reopen } = await BACKENDS.files!();
    await store.put("things", "a", { n: 1 });
    const mode = (path: string) => statSync(path).mode & 0o777;
    expect(mode(join(dir!, "things", "a.json"))).toBe(0o600);
    expect(mode(join(dir!, "things"))).toBe(0o700);
    expect(mode(dir!)).toBe(0o700);
    expect(mode(join(dir!, "ccm-emulator-store.json"))).toBe(0o600);
    // A data directory from an older version, readable by everyone, is tightened when opened.
    chmodSync(join(dir!, "things", "a.json"), 0o644);
    chmodSync(join(dir!, "things"), 0o755);
    await reopen!();
    expect(mode(join(dir!, "things", "a.json"))).toBe(0o600);
    expect(mode(join(dir!, "things"))).toBe(0o700);
  });

  test("memory is never ahead of the disk: a write or delete that fails changes neither", async () => {
    const { store, dir } = await BACKENDS.files!();
    await store.put("things", "a", { n: 1 });
    // A directory where the document's file should be makes the rename (and the unlink) fail,
    // for root too.
    unlinkSync(join(dir!, "things", "a.json"));
    mkdirSync(join(dir!, "things", "a.json", "blocker"), { recursive: true });
    mkdirSync(join(dir!, "things", "b.json", "blocker"), { recursive: true });
    await expect(store.put("things", "a", { n: 2 })).rejects.toThrow(StoreError);
    await expect(store.put("things", "b", { n: 3 })).rejects.toThrow(StoreError);
    await expect(store.delete("things", "a")).rejects.toThrow(StoreError);
    expect(store.get("things", "a")).toEqual({ n: 1 });
    expect(store.get("things", "b")).toBeUndefined();
    expect(store.count("things")).toBe(1);
    // Once the obstacle is gone, writes go through again.
    rmSync(join(dir!, "things", "b.json"), { recursive: true });
    await store.put("things", "b", { n: 4 });
    expect(store.get("things", "b")).toEqual({ n: 4 });
  });

  test("a document written while clear() runs survives it, on disk and in memory", async () => {
    const { store, reopen } = await BACKENDS.files!();
    await store.put("things", "a", { n: 1 });
    const cleared = store.clear();
    const written = store.put("things", "a", { n: 2 });
    await Promise.all([cleared, written]);
    expect(store.get("things", "a")).toEqual({ n: 2 });
    expect((await reopen!()).get("things", "a")).toEqual({ n: 2 });
  });
});
