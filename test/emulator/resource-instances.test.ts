// Resource-instance filter and count by tags (docs/api-facts.md §2.10), for certificates and CAs:
// keys ANDed, a key's values ORed, empty values = any value, matches on resource_name, paging by
// limit (10, 20 or 50) and offset, and the body's documented limits.

import { beforeEach, describe, expect, test } from "vitest";
import { useEmulator } from "./helpers/client.js";
import { applyCertificate, createCa, createRoot, expectError, rootBody, subordinateBody } from "./helpers/fixtures.js";

const CERTS = "/v1/private-certificates";
const CAS = "/v1/private-certificate-authorities";

const api = useEmulator();

async function tag(base: string, id: string, tags: Record<string, string>) {
  const body = { tags: Object.entries(tags).map(([key, value]) => ({ key, value })) };
  expect((await api.post(`${base}/${id}/tags/create`, body)).status).toBe(204);
}

const filter = (base: string, body: unknown) => api.post(`${base}/resource-instances/filter`, body);
const count = (base: string, body: unknown) => api.post(`${base}/resource-instances/count`, body);
const ids = (response: { json: { resources: { resource_id: string }[] } }) =>
  response.json.resources.map((resource) => resource.resource_id).sort();

describe("certificates", () => {
  let root: string;
  let web: string;
  let api2: string;
  let db: string;
  beforeEach(async () => {
    root = await createRoot(api);
    web = await applyCertificate(api, root, { distinguished_name: { common_name: "web.example.com" } });
    api2 = await applyCertificate(api, root, { distinguished_name: { common_name: "api.example.com" } });
    db = await applyCertificate(api, root, { distinguished_name: { common_name: "db.internal" } });
    await tag(CERTS, web, { env: "prod", team: "web" });
    await tag(CERTS, api2, { env: "staging", team: "web" });
    await tag(CERTS, db, { env: "prod" });
  });

  test("the documented shapes: {total_count, resources:[{resource_id, resource_detail, tags, resource_name}]}", async () => {
    const response = await filter(CERTS, {
      tags: [
        { key: "env", values: ["prod"] },
        { key: "team", values: [] },
      ],
    });
    expect(response.status).toBe(200);
    expect(response.json.total_count).toBe(1);
    expect(response.json.resources).toHaveLength(1);
    const [resource] = response.json.resources;
    expect(resource.resource_id).toBe(web);
    expect(resource.resource_name).toBe("web.example.com");
    expect(resource.tags).toEqual([
      { key: "env", value: "prod" },
      { key: "team", value: "web" },
    ]);
    // resource_detail is the certificate as GET by id answers it.
    expect(resource.resource_detail).toEqual((await api.get(`${CERTS}/${web}`)).json);
    expect((await count(CERTS, { tags: [{ key: "env", values: ["prod"] }] })).json).toEqual({ total_count: 2 });
  });

  test("keys AND, values OR, empty values = any value, no tags = everything", async () => {
    expect(ids(await filter(CERTS, { tags: [{ key: "env", values: ["prod", "staging"] }] }))).toEqual(
      [web, api2, db].sort(),
    );
    expect(ids(await filter(CERTS, { tags: [{ key: "team", values: [] }] }))).toEqual([web, api2].sort());
    expect(
      ids(
        await filter(CERTS, {
          tags: [
            { key: "env", values: ["staging"] },
            { key: "team", values: ["web"] },
          ],
        }),
      ),
    ).toEqual([api2]);
    expect(ids(await filter(CERTS, { tags: [{ key: "nope", values: [] }] }))).toEqual([]);
    expect(ids(await filter(CERTS, {}))).toEqual([web, api2, db].sort());
    expect((await count(CERTS, {})).json).toEqual({ total_count: 3 });
  });

  test("matches: resource_name is a substring of the common name", async () => {
    const byName = await filter(CERTS, { matches: [{ key: "resource_name", value: "example.com" }] });
    expect(ids(byName)).toEqual([web, api2].sort());
    const both = { tags: [{ key: "env", values: ["prod"] }], matches: [{ key: "resource_name", value: "example" }] };
    expect(ids(await filter(CERTS, both))).toEqual([web]);
    expect((await count(CERTS, both)).json.total_count).toBe(1);
  });

  test("paging: limit 10, 20 or 50 (default 10) and offset; total_count counts every match", async () => {
    for (let i = 0; i < 11; i++) await applyCertificate(api, root);
    const first = await filter(CERTS, {});
    expect(first.json.total_count).toBe(14);
    expect(first.json.resources).toHaveLength(10);
    const rest = await filter(CERTS, { limit: 10, offset: 10 });
    expect(rest.json.resources).toHaveLength(4);
    const all = [...ids(first), ...ids(rest)];
    expect(new Set(all).size).toBe(14);
    expect((await filter(CERTS, { limit: 20 })).json.resources).toHaveLength(14);
    expect((await filter(CERTS, { limit: 50, offset: 14 })).json).toEqual({ total_count: 14, resources: [] });
  });

  test("deleted certificates are gone from both", async () => {
    expect((await api.delete(`${CERTS}/${db}`)).status).toBe(204);
    expect((await count(CERTS, { tags: [{ key: "env", values: ["prod"] }] })).json.total_count).toBe(1);
  });
});

describe("CAs", () => {
  test("the same shapes under /v1/private-certificate-authorities; only CAs the CA list shows", async () => {
    const root = await createCa(
      api,
      rootBody({ distinguished_name: { ...rootBody().distinguished_name, common_name: "Prod Root" } }),
    );
    const sub = await createCa(api, subordinateBody(root));
    await tag(CAS, root, { env: "prod" });
    await tag(CAS, sub, { env: "dev" });
    const response = await filter(CAS, { tags: [{ key: "env", values: ["prod"] }] });
    expect(response.status).toBe(200);
    expect(response.json.total_count).toBe(1);
    expect(response.json.resources[0]).toMatchObject({
      resource_id: root,
      resource_name: "Prod Root",
      tags: [{ key: "env", value: "prod" }],
    });
    expect(response.json.resources[0].resource_detail).toEqual((await api.get(`${CAS}/${root}`)).json);
    expect((await count(CAS, { tags: [{ key: "env", values: [] }] })).json).toEqual({ total_count: 2 });
    // A PENDING CA deleted at once is gone from the list, and so from the filter.
    const pending = await createCa(api, subordinateBody(undefined));
    expect((await count(CAS, {})).json.total_count).toBe(3);
    expect((await api.delete(`${CAS}/${pending}`, {})).status).toBe(204);
    expect((await count(CAS, {})).json.total_count).toBe(2);
  });
});

describe("refusals (PCA.00020001)", () => {
  const longList = (n: number, make: (i: number) => unknown) => Array.from({ length: n }, (_, i) => make(i));
  test.each([
    ["body not an object", []],
    ["tags not an array", { tags: {} }],
    ["more than 20 keys", { tags: longList(21, (i) => ({ key: `k${i}`, values: [] })) }],
    [
      "a repeated key",
      {
        tags: [
          { key: "k", values: [] },
          { key: "k", values: ["v"] },
        ],
      },
    ],
    ["values missing", { tags: [{ key: "k" }] }],
    ["more than 20 values", { tags: [{ key: "k", values: longList(21, (i) => `v${i}`) }] }],
    ["a repeated value", { tags: [{ key: "k", values: ["v", "v"] }] }],
    ["a bad key", { tags: [{ key: "a/b", values: [] }] }],
    ["limit not 10, 20 or 50", { limit: 15 }],
    ["limit as a string", { limit: "10" }],
    ["a negative offset", { offset: -1 }],
    ["an unknown match key", { matches: [{ key: "status", value: "ISSUED" }] }],
    [
      "a repeated match key",
      {
        matches: [
          { key: "resource_name", value: "a" },
          { key: "resource_name", value: "b" },
        ],
      },
    ],
  ])("%s", async (_name, body) => {
    for (const base of [CERTS, CAS]) {
      expectError(await filter(base, body), 400, "PCA.00020001");
      expectError(await count(base, body), 400, "PCA.00020001");
    }
  });
});
