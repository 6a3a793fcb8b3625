// The plugin's lifecycle (provider/plugin/lifecycle.ts) with a stand-in server and handlers: what
// the engine's Cancel refuses and what it lets finish, a stop that waits for calls in flight, and
// the exit once the engine is gone — judged by a real gRPC server on loopback playing the engine.
// The same behaviour through the real CLI: test/languages/interrupt.languages.test.ts.
import { PassThrough } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import * as grpc from "@grpc/grpc-js";
import { afterEach, describe, expect, it } from "vitest";
import { PluginLifecycle } from "../../provider/plugin/lifecycle.js";

type Callback = (error: unknown, value?: unknown) => void;
type Call = (call: unknown, callback: Callback) => void;

class StandInServer {
  shutdown: "graceful" | "forced" | undefined;
  tryShutdown(callback: (error?: Error) => void): void {
    this.shutdown = "graceful";
    callback();
  }
  forceShutdown(): void {
    this.shutdown = "forced";
  }
}

/** A lifecycle over handlers that answer only when the test says so. */
function harness() {
  const server = new StandInServer();
  const exits: number[] = [];
  const lifecycle = new PluginLifecycle(server, (code) => exits.push(code));
  const waiting: { method: string; answer: () => void }[] = [];
  const handler =
    (method: string): Call =>
    (_call, callback) =>
      waiting.push({ method, answer: () => callback(null, `${method} done`) });
  const handlers = { create: handler("create"), read: handler("read") };
  const service = lifecycle.wrap(handlers as unknown as grpc.UntypedServiceImplementation) as unknown as Record<
    string,
    Call
  >;
  const invoke = (method: string) =>
    new Promise<{ error: unknown; value: unknown }>((resolve) =>
      service[method]?.({}, (error, value) => resolve({ error, value })),
    );
  return { server, exits, lifecycle, waiting, invoke };
}

describe("the plugin's lifecycle", () => {
  it("after Cancel a create is refused unsent; the create in flight and a read still get their answers", async () => {
    const { waiting, invoke } = harness();
    const inFlight = invoke("create");
    expect(await invoke("cancel")).toMatchObject({ error: null });
    const refused = await invoke("create");
    expect(refused.error).toMatchObject({ code: grpc.status.CANCELLED });
    expect(String((refused.error as { details: string }).details)).toContain("nothing was sent to the API");
    const read = invoke("read");
    expect(waiting.map((w) => w.method)).toEqual(["create", "read"]); // the refused create never ran
    for (const w of waiting) w.answer();
    expect(await inFlight).toEqual({ error: null, value: "create done" });
    expect(await read).toEqual({ error: null, value: "read done" });
  });

  it("stop waits for the calls in flight, then shuts the server down gracefully and exits 0", async () => {
    const { server, exits, lifecycle, waiting, invoke } = harness();
    const inFlight = invoke("create");
    const stopped = lifecycle.stop(10_000);
    await sleep(50);
    expect(exits).toEqual([]);
    expect((await invoke("create")).error).toMatchObject({ code: grpc.status.CANCELLED });
    waiting[0]?.answer();
    await inFlight;
    await stopped;
    expect(server.shutdown).toBe("graceful");
    expect(exits).toEqual([0]);
  });

  describe("with an engine on loopback", () => {
    let engine: grpc.Server | undefined;
    afterEach(() => engine?.forceShutdown());

    async function startEngine(): Promise<string> {
      engine = new grpc.Server();
      const port = await new Promise<number>((resolve, reject) =>
        engine?.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) =>
          error ? reject(error) : resolve(bound),
        ),
      );
      return `127.0.0.1:${port}`;
    }

    it("stays while the engine answers, even when stdin ends", async () => {
      const address = await startEngine();
      const { exits, lifecycle } = harness();
      const stdin = new PassThrough();
      lifecycle.watchEngine(address, stdin);
      stdin.end();
      await sleep(1000);
      expect(exits).toEqual([]);
    });

    it("exits once stdin ends and the engine's address refuses, after the call in flight", async () => {
      const address = await startEngine();
      engine?.forceShutdown();
      const { exits, lifecycle, waiting, invoke } = harness();
      const inFlight = invoke("create");
      const stdin = new PassThrough();
      lifecycle.watchEngine(address, stdin);
      stdin.end();
      await sleep(1000);
      expect(exits).toEqual([]); // the create in flight runs to its end first
      waiting[0]?.answer();
      expect(await inFlight).toEqual({ error: null, value: "create done" });
      for (let i = 0; i < 50 && exits.length === 0; i++) await sleep(100);
      expect(exits).toEqual([0]);
    });
  });
});
