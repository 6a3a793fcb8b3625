// The control plane (/_emulator/...): health, reset, inventory and request counts, clock, and the
// gateway's answer for paths that are no API.

import { describe, expect, test } from "vitest";
import { CONTROL, useEmulator } from "./helpers/client.js";
import { applyCertificate, createRoot, expectError } from "./helpers/fixtures.js";

const CERTS = "/v1/private-certificates";
const DAY = 86_400_000;

const api = useEmulator();

test("health needs no credentials", async () => {
  const response = await api.get("/_emulator/health", CONTROL);
  expect(response.status).toBe(200);
  expect(response.json).toEqual({ status: "ok", service: "ccm-emulator", store: "memory", auth: true, tls: false });
});

describe("inventory", () => {
  test("every CA and certificate with status, names, serial, revocation reason, tags, times", async () => {
    const root = await createRoot(api);
    const id = await applyCertificate(api, root);
    await api.post(`${CERTS}/${id}/tags/create`, { tags: [{ key: "k", value: "v" }] });
    await api.post(`${CERTS}/${id}/revoke`, { reason: "KEY_COMPROMISE" });
    const inventory = (await api.get("/_emulator/inventory", CONTROL)).json;
    expect(inventory.certificate_authorities).toHaveLength(1);
    expect(inventory.certificate_authorities[0]).toMatchObject({
      id: root,
      type: "ROOT",
      status: "ACTIVED",
      common_name: "Emulator Test Root",
      issuer_id: null,
      revocation_reason: null,
      tags: [],
      deleted: false,
    });
    expect(inventory.certificates).toEqual([
      expect.objectContaining({
        id,
        status: "REVOKED",
        common_name: "leaf.example.com",
        issuer_id: root,
        issuer_name: "Emulator Test Root",
        serial_number: expect.stringMatching(/^[0-9a-f]+$/),
        revocation_reason: "KEY_COMPROMISE",
        tags: [{ key: "k", value: "v" }],
        create_time: expect.any(Number),
        deleted: false,
      }),
    ]);
  });

  test("request counts by route template; control requests and unknown paths", async () => {
    const root = await createRoot(api);
    await applyCertificate(api, root);
    await api.get(`${CERTS}/${root}`);
    await api.get(`${CERTS}/${root}`);
    await api.get("/_emulator/health", CONTROL);
    await api.get("/v1/nothing-here");
    const { requests } = (await api.get("/_emulator/inventory", CONTROL)).json;
    expect(requests).toEqual({
      total: 5,
      by_route: {
        "GET (no such API)": 1,
        "GET /v1/private-certificates/{certificate_id}": 2,
        "POST /v1/private-certificate-authorities": 1,
        "POST /v1/private-certificates": 1,
      },
    });
  });

  test("requests refused by the gateway (auth) are still counted", async () => {
    await api.get(CERTS, { auth: "none" });
    expect((await api.get("/_emulator/inventory", CONTROL)).json.requests.total).toBe(1);
  });
});

describe("reset", () => {
  test("empties the store and the counters and puts the clock back", async () => {
    await createRoot(api);
    await api.post("/_emulator/clock", { offset_ms: DAY }, CONTROL);
    expect((await api.post("/_emulator/reset", undefined, CONTROL)).status).toBe(204);
    const inventory = (await api.get("/_emulator/inventory", CONTROL)).json;
    expect(inventory.certificate_authorities).toEqual([]);
    expect(inventory.requests.total).toBe(0);
    expect(inventory.clock.offset_ms).toBe(0);
  });
});

describe("clock", () => {
  test("offset_ms sets, advance_ms adds; certificates expire by it", async () => {
    const root = await createRoot(api);
    const id = await applyCertificate(api, root, { validity: { type: "DAY", value: 1 } });
    expect((await api.post("/_emulator/clock", { offset_ms: DAY / 2 }, CONTROL)).json.offset_ms).toBe(DAY / 2);
    expect((await api.get(`${CERTS}/${id}`)).json.status).toBe("ISSUED");
    const moved = (await api.post("/_emulator/clock", { advance_ms: DAY }, CONTROL)).json;
    expect(moved.offset_ms).toBe(DAY + DAY / 2);
    expect(Math.abs(moved.now - (Date.now() + moved.offset_ms))).toBeLessThan(5_000);
    expect((await api.get(`${CERTS}/${id}`)).json.status).toBe("EXPIRED");
    expect((await api.get("/_emulator/clock", CONTROL)).json.offset_ms).toBe(DAY + DAY / 2);
    // Signatures are still checked against real time, since clients sign with theirs.
    const signed = await api.get(CERTS, { auth: "aksk" });
    expect(signed.status).toBe(200);
    // The Date header is the service's (shifted) clock, the one create_time is written with.
    const served = Date.parse(signed.headers.get("date") ?? "");
    expect(Math.abs(served - (Date.now() + DAY + DAY / 2))).toBeLessThan(5_000);
  });

  test("refuses a body without an integer offset", async () => {
    for (const body of [{}, { offset_ms: "1" }, { advance_ms: 1.5 }]) {
      const response = await api.post("/_emulator/clock", body, CONTROL);
      expect(response.status).toBe(400);
      expect(response.json.error_code).toBe("EMULATOR.CONTROL");
    }
  });
});

describe("unknown paths", () => {
  test("an unknown control endpoint is 404 EMULATOR.CONTROL", async () => {
    const response = await api.get("/_emulator/nothing", CONTROL);
    expect(response.status).toBe(404);
    expect(response.json.error_code).toBe("EMULATOR.CONTROL");
  });

  test("a path or method that is no API is 404 APIG.0101, before authentication", async () => {
    const response = await api.get("/v1/nothing-here", { auth: "none" });
    expectError(response, 404, "APIG.0101");
    expect(response.json.request_id).toMatch(/^[0-9a-f]{32}$/);
    expectError(await api.call("PUT", CERTS), 404, "APIG.0101");
  });

  test("a body over 1 MiB is refused", async () => {
    expectError(await api.call("POST", CERTS, { rawBody: "x".repeat(1024 * 1024 + 1) }), 413, "APIG.0201");
  });
});
