// A node:http server on 127.0.0.1 for client tests: counts TCP connections, records requests
// (with their raw body) and lets each test answer as it likes — including never answering or
// destroying the socket, to play a lost response.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterAll, beforeAll } from "vitest";
import { closeAllPools } from "../../provider/client/http.js";

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage["headers"];
  readonly body: string;
}

export type Handler = (req: RecordedRequest, res: ServerResponse, index: number) => void | Promise<void>;

export interface LocalServer {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** TCP connections accepted so far. */
  connections(): number;
  setHandler(handler: Handler): void;
  close(): Promise<void>;
}

/**
 * One server for a whole test file, handed to `use` before the tests run. Afterwards the client's
 * pooled connections are closed first: the server's close waits for its open sockets.
 */
export function useLocalServer(use: (server: LocalServer) => void): void {
  let server: LocalServer | undefined;
  beforeAll(async () => {
    server = await startLocalServer();
    use(server);
  });
  afterAll(async () => {
    await closeAllPools();
    await server?.close();
  });
}

export async function startLocalServer(handler: Handler = json(200, {})): Promise<LocalServer> {
  let current = handler;
  let accepted = 0;
  const sockets = new Set<Socket>();
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const recorded = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(recorded);
      Promise.resolve(current(recorded, res, requests.length - 1)).catch((error: unknown) => {
        res.statusCode = 599;
        res.end(String(error));
      });
    });
  });
  server.keepAliveTimeout = 30_000;
  server.on("connection", (socket: Socket) => {
    accepted++;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    connections: () => accepted,
    setHandler: (next) => {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Answers JSON with `status` (and extra headers). */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", "x-request-id": "req-local", ...headers });
    res.end(text);
  };
}

/** Destroys the connection without answering (a reset after the request was written). */
export const reset: Handler = (_req, res) => {
  res.socket?.destroy();
};
