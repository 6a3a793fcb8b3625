// The connection counter of GET /_emulator/inventory: TCP connections accepted, as a client's
// keep-alive pool sees them. Requests go through node:http agents so each test decides exactly
// how many connections it opens.

import { Agent, request } from "node:http";
import { beforeEach, describe, expect, test } from "vitest";
import { DEMO_CREDENTIALS } from "../../emulator/index.js";
import { useEmulator } from "./helpers/client.js";

interface Counts {
  total: number;
  open: number;
}

// Reset through `send` (one fresh connection, closed after the answer), not fetch's pooled ones.
const api = useEmulator({ resetEachTest: false });
beforeEach(async () => {
  await send("POST", "/_emulator/reset", false);
});

/** One request; `agent: false` opens a fresh connection that is closed after the answer. */
function send(method: string, path: string, agent: Agent | false): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${api.url}${path}`,
      { method, agent, headers: { "X-Auth-Token": DEMO_CREDENTIALS.authToken } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

/** The counts, read over a connection of its own (which the answer already includes). */
async function connections(): Promise<Counts> {
  const { body } = await send("GET", "/_emulator/inventory", false);
  return (JSON.parse(body) as { connections: Counts }).connections;
}

describe("connections in the inventory", () => {
  test("requests on one keep-alive connection count once", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      for (let i = 0; i < 5; i++) expect((await send("GET", "/v1/private-certificates", agent)).status).toBe(200);
      // 1 keep-alive connection + the reader's own.
      expect((await connections()).total).toBe(2);
    } finally {
      agent.destroy();
    }
  });

  test("a connection per request counts each, control-plane connections included", async () => {
    for (let i = 0; i < 3; i++) await send("GET", "/v1/private-certificates", false);
    await send("GET", "/_emulator/health", false);
    expect((await connections()).total).toBe(5);
  });

  test("concurrent requests through a pool of N sockets count N", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 3 });
    try {
      await Promise.all(Array.from({ length: 3 }, () => send("GET", "/v1/private-certificates", agent)));
      expect((await connections()).total).toBe(4);
      // The three idle keep-alive sockets are still open (the reader's own may be closing).
      expect((await connections()).open).toBeGreaterThanOrEqual(3);
    } finally {
      agent.destroy();
    }
  });

  test("reset zeroes the total; open tracks closed sockets", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    await send("GET", "/v1/private-certificates", agent);
    await send("POST", "/_emulator/reset", false);
    expect((await connections()).total).toBe(1);
    const before = (await connections()).open;
    agent.destroy();
    await expect.poll(async () => (await connections()).open).toBeLessThan(before);
  });
});
