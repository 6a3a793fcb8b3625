// Server limits: a cap on open connections, and timeouts for a client that sends its request too
// slowly (a slow-loris holds a connection by never finishing its headers).

import { connect, type Socket } from "node:net";
import { afterEach, expect, test } from "vitest";
import { type Api, startTestEmulator } from "./helpers/client.js";

let api: Api | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await api?.emulator.close();
  api = undefined;
});

function open(target: Api): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(target.emulator.port, "127.0.0.1", () => resolve(socket));
    socket.on("error", reject);
    sockets.push(socket);
  });
}

/** Everything the server sends until it closes the connection. */
function untilClosed(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let received = "";
    socket.on("data", (chunk: Buffer) => {
      received += chunk.toString("latin1");
    });
    socket.on("close", () => resolve(received));
    socket.on("error", () => undefined);
  });
}

test("connections beyond maxConnections are closed at once; the ones inside keep working", async () => {
  api = await startTestEmulator({ maxConnections: 2 });
  const first = await open(api);
  await open(api);
  const third = await open(api);
  expect(await untilClosed(third)).toBe("");
  first.write("GET /_emulator/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  expect(await untilClosed(first)).toMatch(/^HTTP\/1\.1 200 /);
  // A slot is free again.
  expect((await api.get("/_emulator/health", { auth: "none" })).status).toBe(200);
});

test("a client that never finishes its headers is answered 408 and cut off", async () => {
  api = await startTestEmulator({ headersTimeoutMs: 300, requestTimeoutMs: 600 });
  const slow = await open(api);
  slow.write("GET /_emulator/health HTTP/1.1\r\nHost: 127.0.0.1\r\n");
  expect(await untilClosed(slow)).toMatch(/^HTTP\/1\.1 408 /);
});

test("a client that never finishes its body is answered 408 and cut off", async () => {
  api = await startTestEmulator({ headersTimeoutMs: 300, requestTimeoutMs: 600 });
  const slow = await open(api);
  slow.write(
    "POST /_emulator/seed HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{",
  );
  expect(await untilClosed(slow)).toMatch(/^HTTP\/1\.1 408 /);
});

test("limits must be positive integers (0 would switch node:http's limit off)", async () => {
  for (const limit of [{ maxConnections: 0 }, { headersTimeoutMs: -1 }, { requestTimeoutMs: 1.5 }]) {
    await expect(startTestEmulator(limit), JSON.stringify(limit)).rejects.toThrow(RangeError);
  }
});
