// Private certificate endpoints (docs/api-facts.md §2): list, delete, revoke, tags and quotas.

import { beforeEach, describe, expect, test } from "vitest";
import { REVOCATION_REASON_NAMES } from "../../provider/schemas/enums.js";
import { useEmulator } from "./helpers/client.js";
import { applyCertificate, CERTS, createRoot, expectError } from "./helpers/fixtures.js";

const api = useEmulator();
let root: string;
beforeEach(async () => {
  root = await createRoot(api);
});

describe("list", () => {
  test("{total, certificates}; name, status, sort and paging", async () => {
    const a = await applyCertificate(api, root, { distinguished_name: { common_name: "alpha.example.com" } });
    await applyCertificate(api, root, { distinguished_name: { common_name: "beta.example.com" } });
    const c = await applyCertificate(api, root, { distinguished_name: { common_name: "gamma.example.org" } });
    await api.post(`${CERTS}/${c}/revoke`, {});
    const all = (await api.get(CERTS)).json;
    expect(all.total).toBe(3);
    expect(all.certificates[0].certificate_id).toBe(c); // create_time DESC by default
    expect((await api.get(CERTS, { query: { name: "example.com" } })).json.total).toBe(2);
    expect((await api.get(CERTS, { query: { status: "REVOKED" } })).json.certificates[0].certificate_id).toBe(c);
    const asc = (await api.get(CERTS, { query: { sort_key: "common_name", sort_dir: "ASC", limit: "1" } })).json;
    expect(asc).toMatchObject({ total: 3 });
    expect(asc.certificates.map((x: { certificate_id: string }) => x.certificate_id)).toEqual([a]);
    expect((await api.get(CERTS, { query: { offset: "2" } })).json.certificates).toHaveLength(1);
    expect((await api.get(CERTS, { query: { limit: "0" } })).json).toEqual({ total: 3, certificates: [] });
  });

  test("default limit is 10", async () => {
    for (let i = 0; i < 11; i++) await applyCertificate(api, root);
    const page = (await api.get(CERTS)).json;
    expect(page.total).toBe(11);
    expect(page.certificates).toHaveLength(10);
  });

  test("refuses bad query values", async () => {
    const bad: Record<string, string>[] = [
      { limit: "1001" },
      { limit: "x" },
      { offset: "-1" },
      { status: "ACTIVED" },
      { sort_key: "serial_number" },
      { sort_dir: "UP" },
      { name: "n".repeat(65) },
    ];
    for (const query of bad) {
      expectError(await api.get(CERTS, { query }), 400, "PCA.00020001");
    }
  });
});

describe("delete and revoke", () => {
  test("delete: 204, immediate, in any status", async () => {
    const issued = await applyCertificate(api, root);
    const revoked = await applyCertificate(api, root);
    await api.post(`${CERTS}/${revoked}/revoke`, {});
    for (const id of [issued, revoked]) {
      const response = await api.delete(`${CERTS}/${id}`);
      expect(response.status).toBe(204);
      expect(response.bytes.length).toBe(0);
      expectError(await api.get(`${CERTS}/${id}`), 400, "PCA.10010002");
      expectError(await api.delete(`${CERTS}/${id}`), 400, "PCA.10010002");
    }
    const inventory = (await api.get("/_emulator/inventory", { auth: "none" })).json;
    expect(inventory.certificates).toEqual([]);
  });

  test("revoke: {} means UNSPECIFIED, a reason is kept, no body is refused, twice is refused", async () => {
    const first = await applyCertificate(api, root);
    const second = await applyCertificate(api, root);
    expectError(await api.post(`${CERTS}/${first}/revoke`), 400, "PCA.00020001");
    expectError(await api.post(`${CERTS}/${first}/revoke`, { reason: "NOT_A_REASON" }), 400, "PCA.00020001");
    expect((await api.post(`${CERTS}/${first}/revoke`, {})).status).toBe(204);
    expect((await api.post(`${CERTS}/${second}/revoke`, { reason: "SUPERSEDED" })).status).toBe(204);
    expect((await api.get(`${CERTS}/${first}`)).json.status).toBe("REVOKED");
    expectError(await api.post(`${CERTS}/${first}/revoke`, {}), 403, "PCA.00030203");
    expectError(
      await api.post(`${CERTS}/${first}/export`, { type: "OTHER", is_compressed: false }),
      403,
      "PCA.00030203",
    );
    const inventory = (await api.get("/_emulator/inventory", { auth: "none" })).json;
    const reasons = Object.fromEntries(
      inventory.certificates.map((c: { id: string; revocation_reason: string }) => [c.id, c.revocation_reason]),
    );
    expect(reasons).toEqual({ [first]: "UNSPECIFIED", [second]: "SUPERSEDED" });
  });

  test("every documented revoke reason is accepted", async () => {
    // The client's list (from the docs, not the emulator's own): each catches the other's slip.
    for (const reason of REVOCATION_REASON_NAMES) {
      const id = await applyCertificate(api, root);
      expect((await api.post(`${CERTS}/${id}/revoke`, { reason })).status).toBe(204);
    }
  });
});

describe("tags", () => {
  test("create (upsert), list, delete by key or key+value, domain tags", async () => {
    const id = await applyCertificate(api, root);
    const tags = `${CERTS}/${id}/tags`;
    expect(
      (
        await api.post(`${tags}/create`, {
          tags: [
            { key: "env", value: "dev" },
            { key: "team", value: "pki" },
          ],
        })
      ).status,
    ).toBe(204);
    expect((await api.post(`${tags}/create`, { tags: [{ key: "env", value: "prod" }] })).status).toBe(204);
    expect((await api.get(tags)).json).toEqual({
      tags: [
        { key: "env", value: "prod" },
        { key: "team", value: "pki" },
      ],
    });
    expect((await api.get(`${CERTS}/tags`)).json).toEqual({
      tags: [
        { key: "env", values: ["prod"] },
        { key: "team", values: ["pki"] },
      ],
    });
    // A value that does not match leaves the tag alone; the key alone removes it.
    await api.call("DELETE", `${tags}/delete`, { body: { tags: [{ key: "env", value: "dev" }] } });
    expect((await api.get(tags)).json.tags).toHaveLength(2);
    const response = await api.call("DELETE", `${tags}/delete`, {
      body: { tags: [{ key: "env", value: "prod" }, { key: "team" }] },
    });
    expect(response.status).toBe(204);
    expect((await api.get(tags)).json).toEqual({ tags: [] });
  });

  test("tag rules: 1–20 per request, key charset and length, no _sys_, no duplicates, value length", async () => {
    const id = await applyCertificate(api, root);
    const create = (body: unknown) => api.post(`${CERTS}/${id}/tags/create`, body);
    for (const body of [
      {},
      { tags: [] },
      { tags: Array.from({ length: 21 }, (_, i) => ({ key: `k${i}`, value: "v" })) },
      { tags: [{ key: "", value: "v" }] },
      { tags: [{ key: "k".repeat(129), value: "v" }] },
      { tags: [{ key: "bad/key", value: "v" }] },
      { tags: [{ key: "_sys_reserved", value: "v" }] },
      { tags: [{ key: " padded", value: "v" }] },
      {
        tags: [
          { key: "dup", value: "1" },
          { key: "dup", value: "2" },
        ],
      },
      { tags: [{ key: "k", value: "v".repeat(256) }] },
      { tags: [{ key: "k", value: "bad<value>" }] },
      { tags: [{ key: "k" }] },
    ]) {
      expectError(await create(body), 400, "PCA.00020001");
    }
    expect((await create({ tags: [{ key: "ok key_1.2:3=4+5-6@x", value: "" }] })).status).toBe(204);
    expectError(
      await api.post(`${CERTS}/00000000-0000-4000-8000-000000000000/tags/create`, { tags: [{ key: "a", value: "b" }] }),
      400,
      "PCA.10010002",
    );
  });
});

test("quotas", async () => {
  await applyCertificate(api, root);
  expect((await api.get(`${CERTS}/quotas`)).json).toEqual({
    quotas: { resources: [{ type: "CERTIFICATE", used: 1, quota: 100000 }] },
  });
});
