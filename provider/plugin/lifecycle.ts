// The plugin's life beside the engine. The engine starts it in a process group of its own, so a
// user's Ctrl-C never reaches it directly; what it sees instead:
//   - Cancel (the first Ctrl-C, and every normal close): the calls in flight run to the end, so a
//     create that reached the API is answered and recorded; a create, update or delete that comes
//     after it is refused before it sends anything.
//   - SIGINT (the engine closing it; SIGKILL comes 5 s later) or SIGTERM (someone killing it):
//     stop, let calls in flight end (their answers reach the engine and are recorded), exit.
//   - the engine gone (SIGKILL of `pulumi`, a crash): stdin, a pipe from the engine, reaches EOF;
//     a health check of the engine's address confirms it (and, every 30 s, catches an engine gone
//     when stdin was not its pipe). The plugin then finishes what it has in flight — the objects
//     exist either way, and finished ones are what `ccm-orphans` reports — and exits, instead of
//     living on with nobody to talk to.
import * as grpc from "@grpc/grpc-js";
import * as emptyproto from "google-protobuf/google/protobuf/empty_pb";

/** Calls that change something in the cloud: refused once the engine has cancelled. */
const MUTATING = new Set(["create", "update", "delete"]);
/** How long calls in flight may take to end once the engine closed us (it kills us at 5 s). */
const CLOSE_DRAIN_MS = 4_000;
/** How long calls in flight may take once the engine is gone (a create retrying under faults). */
const ORPHAN_DRAIN_MS = 120_000;
/** How long the last answers may take to reach the engine before the plugin exits regardless. */
const FLUSH_MS = 500;
const HEALTH_INTERVAL_MS = 30_000;
const HEALTH_DEADLINE_MS = 5_000;

type Handler = (call: unknown, callback: (error: unknown, value?: unknown) => void) => void;
/** What the lifecycle does to the server: stop it, gently or not. */
type Stoppable = Pick<grpc.Server, "tryShutdown" | "forceShutdown">;
/** The engine's pipe: the process's stdin, or a stream a test ends. */
interface EnginePipe {
  readonly isTTY?: boolean;
  on(event: "end" | "error", listener: () => void): unknown;
  resume(): unknown;
}

export class PluginLifecycle {
  private inFlight = 0;
  private cancelled = false;
  private stopping = false;
  private idle: (() => void)[] = [];

  constructor(
    private readonly server: Stoppable,
    private readonly exit: (code: number) => void = (code) => process.exit(code),
  ) {}

  /** The service with every call counted while in flight, and the engine's Cancel answered. */
  wrap(service: grpc.UntypedServiceImplementation): grpc.UntypedServiceImplementation {
    const wrapped: grpc.UntypedServiceImplementation = {};
    for (const [method, handler] of Object.entries(service)) {
      wrapped[method] = this.counted(method, handler as unknown as Handler) as unknown as grpc.UntypedHandleCall;
    }
    wrapped.cancel = ((_call, callback) => {
      this.cancelled = true;
      callback(null, new emptyproto.Empty());
    }) as grpc.handleUnaryCall<unknown, unknown>;
    return wrapped;
  }

  private counted(method: string, handler: Handler): Handler {
    return (call, callback) => {
      if (this.cancelled && MUTATING.has(method)) {
        callback({
          code: grpc.status.CANCELLED,
          details: `huaweicloud-ccm: the operation was cancelled before this ${method} started; nothing was sent to the API`,
        });
        return;
      }
      this.inFlight++;
      let done = false;
      handler(call, (error, value) => {
        if (!done) {
          done = true;
          this.inFlight--;
          if (this.inFlight === 0) for (const resolve of this.idle.splice(0)) resolve();
        }
        callback(error, value);
      });
    };
  }

  /** Resolves once no call is in flight, or after `limitMs`. */
  private drained(limitMs: number): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, limitMs);
      this.idle.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Stops taking calls, lets those in flight end (at most `limitMs`), and exits. */
  async stop(limitMs: number): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    this.cancelled = true;
    await this.drained(limitMs);
    // tryShutdown lets the answers just given reach the engine; a peer that never reads them
    // (the engine gone) must not hold the exit up.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.server.forceShutdown();
        resolve();
      }, FLUSH_MS);
      this.server.tryShutdown(() => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.exit(0);
  }

  /** SIGINT and SIGTERM: the engine (or a user) closing the plugin. */
  onSignals(): void {
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void this.stop(CLOSE_DRAIN_MS));
  }

  /** Exits once the engine at `address` is gone (see the top of the file). */
  watchEngine(address: string | undefined, stdin: EnginePipe = process.stdin): void {
    if (!address) return; // NO-OP: started without an engine (attach mode, get-schema): nobody to outlive.
    // GOTCHA: with the engine gone, a write to its stdout/stderr pipes fails with EPIPE, which would
    // crash the process before it finished what it has in flight.
    for (const stream of [process.stdout, process.stderr]) stream.on("error", () => undefined);
    const health = new grpc.Client(address, grpc.credentials.createInsecure());
    const check = () => {
      if (this.stopping) return;
      health.makeUnaryRequest(
        "/grpc.health.v1.Health/Check",
        () => Buffer.alloc(0), // an empty HealthCheckRequest: the server's overall health
        (bytes: Buffer) => bytes,
        {},
        { deadline: Date.now() + HEALTH_DEADLINE_MS },
        (error) => {
          // UNIMPLEMENTED still proves an engine answered; only a refused connection means it is gone.
          if (error?.code === grpc.status.UNAVAILABLE) void this.stop(ORPHAN_DRAIN_MS);
        },
      );
    };
    setInterval(check, HEALTH_INTERVAL_MS).unref();
    if (!stdin.isTTY) {
      stdin.on("end", check);
      stdin.on("error", check);
      stdin.resume(); // NO-OP reads: the engine writes nothing; only its EOF matters.
    }
  }
}
