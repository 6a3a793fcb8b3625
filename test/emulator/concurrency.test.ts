// Updates of one document sent side by side, against the durable file store (whose reads show a
// write only once it is on disk): none may be lost.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { useEmulator } from "./helpers/client.js";
import { applyCertificate, createRoot } from "./helpers/fixtures.js";

const CERTS = "/v1/private-certificates";

const dataDir = mkdtempSync(join(tmpdir(), "ccm-emulator-concurrency-"));
// Registered first, so it runs last (after hooks run in reverse): the file store closes before.
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const api = useEmulator({ dataDir, resetEachTest: false });

test("20 tag creations on one certificate at once all land", async () => {
  const id = await applyCertificate(api, await createRoot(api));
  const keys = Array.from({ length: 20 }, (_, i) => `k${i}`);
  const answers = await Promise.all(
    keys.map((key) => api.post(`${CERTS}/${id}/tags/create`, { tags: [{ key, value: "v" }] })),
  );
  expect(answers.map((answer) => answer.status)).toEqual(keys.map(() => 204));
  const tags = (await api.get(`${CERTS}/${id}/tags`)).json.tags.map((tag: { key: string }) => tag.key);
  expect(tags.sort()).toEqual([...keys].sort());
});
