// HTTP on undici: one keep-alive pool per endpoint origin and CA bundle, kept in a module-level
// registry (the only module-level state of the client) so that a dynamic-provider host that lives
// for a whole `pulumi up` reuses its connections across resources.
//
// One attempt = one dispatch, reported as data (AttemptOutcome), never thrown: the retry policy
// needs to know not just that an attempt failed but whether the request had been fully written —
// a create that was never sent can be re-sent, one that was sent may have taken effect. undici
// tells us through the handler's onRequestSent callback.
import { createHash } from "node:crypto";
import { rootCertificates } from "node:tls";
import type { Dispatcher, Pool } from "undici";

type Undici = typeof import("undici");
let undici: Undici | undefined;

/**
 * undici, loaded when the first pool is made. It is more than half of what the runtime loads in
 * the dynamic-provider host (~0.27 s of CPU), and a preview — check and diff only — never sends a
 * request, so its host need not load it (bench/provider.mjs, host CPU profile).
 */
function loadUndici(): Undici {
  undici ??= require("undici") as Undici;
  return undici;
}

export type AttemptOutcome =
  | {
      readonly kind: "response";
      readonly status: number;
      /** Lower-cased names; repeated headers joined with ", ". */
      readonly headers: Readonly<Record<string, string>>;
      readonly body: Uint8Array;
    }
  | { readonly kind: "network"; readonly written: boolean; readonly code: string | undefined; readonly error: Error }
  | { readonly kind: "timeout"; readonly written: boolean; readonly timeoutMs: number };

export interface AttemptRequest {
  readonly origin: string;
  readonly caBundle: string | undefined;
  /** Size of the origin's pool, when this request is the one that creates it. */
  readonly maxConnections: number;
  readonly method: "GET" | "POST" | "DELETE" | "PUT";
  /** Path and query as sent. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  readonly timeoutMs: number;
}

// Why these numbers: the pool size comes from the config (maxConnections, default 16: a pool never
// needs many sockets, the engine's parallelism is 10–50 and creates are serial per resource);
// idle sockets live 10 s (undici's 4 s default expires between the steps of a slow `pulumi up`),
// or what the server's Keep-Alive hint says, up to a minute.
// HTTP/1.1 only: h1 keep-alive and onRequestSent semantics are what the create safety relies on.
const POOL_OPTIONS = {
  pipelining: 1,
  keepAliveTimeout: 10_000,
  keepAliveMaxTimeout: 60_000,
  allowH2: false,
  maxResponseSize: 32 * 1024 * 1024,
} as const;

const pools = new Map<string, Pool>();

// The size is part of the key so that a call configured with another size never silently shares a
// pool made with the first one it met.
function poolKey(origin: string, caBundle: string | undefined, connections: number): string {
  const bundle = caBundle ? createHash("sha256").update(caBundle).digest("hex").slice(0, 16) : "system-roots";
  return `${origin}#${bundle}#${connections}`;
}

/**
 * The shared pool of `origin` (with `caBundle` trusted in addition to the system roots) holding at
 * most `connections` sockets.
 */
export function poolFor(origin: string, caBundle: string | undefined, connections: number): Pool {
  const key = poolKey(origin, caBundle, connections);
  const existing = pools.get(key);
  if (existing && !existing.closed && !existing.destroyed) return existing;
  const pool = new (loadUndici().Pool)(origin, {
    ...POOL_OPTIONS,
    connections,
    // TLS verification stays on: a private CA is trusted by adding it, never by switching checks off.
    ...(caBundle ? { connect: { ca: [...rootCertificates, caBundle] } } : {}),
  });
  pools.set(key, pool);
  return pool;
}

/** Number of live pools (for tests and diagnostics). */
export function poolCount(): number {
  return pools.size;
}

/** Closes every pool (tests; a host shutting down). Idle sockets are unref'd, so a process
 * exits without this. */
export async function closeAllPools(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((pool) => pool.close().catch(() => pool.destroy())));
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

function errorCode(error: Error): string | undefined {
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") return code;
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? errorCode(cause) : undefined;
}

class TimeoutAbort extends Error {
  constructor() {
    super("request timed out");
    this.name = "TimeoutAbort";
  }
}

/** Sends one request and reports what happened. Never rejects. */
export function sendAttempt(request: AttemptRequest, dispatcher?: Dispatcher): Promise<AttemptOutcome> {
  const target = dispatcher ?? poolFor(request.origin, request.caBundle, request.maxConnections);
  return new Promise<AttemptOutcome>((resolve) => {
    const attempt = new Attempt(request.timeoutMs, resolve);
    try {
      target.dispatch(dispatchOptions(request), attempt.handler());
    } catch (error) {
      attempt.settle({ kind: "network", written: false, code: undefined, error: error as Error });
    }
  });
}

function dispatchOptions(request: AttemptRequest): Dispatcher.DispatchOptions {
  return {
    path: request.path,
    method: request.method,
    headers: request.headers,
    body: request.body ?? null,
    // Our own timer is the per-request timeout; undici's fire just after it as a backstop.
    headersTimeout: request.timeoutMs + 1_000,
    bodyTimeout: request.timeoutMs + 1_000,
  };
}

/** One attempt as undici reports it: whether the request was written, the response so far, and
 * the one outcome it settles with. */
class Attempt {
  #settled = false;
  #written = false;
  #timedOut = false;
  #controller: Dispatcher.DispatchController | undefined;
  #status = 0;
  #headers: Record<string, string> = {};
  readonly #chunks: Buffer[] = [];
  readonly #timer: NodeJS.Timeout;

  constructor(
    private readonly timeoutMs: number,
    private readonly resolve: (outcome: AttemptOutcome) => void,
  ) {
    // The timeout covers the whole attempt (queueing, connect, response body). When it fires
    // before undici has started the request, we settle at once and abort when it starts.
    this.#timer = setTimeout(() => {
      this.#timedOut = true;
      this.#controller?.abort(new TimeoutAbort());
      this.settle(this.#timeout());
    }, timeoutMs);
  }

  settle(outcome: AttemptOutcome): void {
    if (this.#settled) return;
    this.#settled = true;
    clearTimeout(this.#timer);
    this.resolve(outcome);
  }

  #timeout(): AttemptOutcome {
    return { kind: "timeout", written: this.#written, timeoutMs: this.timeoutMs };
  }

  handler(): Dispatcher.DispatchHandler {
    return {
      onRequestStart: (ctl) => {
        this.#controller = ctl;
        if (this.#timedOut) ctl.abort(new TimeoutAbort());
      },
      onRequestSent: () => {
        this.#written = true;
      },
      onResponseStart: (_ctl, statusCode, responseHeaders) => {
        // A response also proves the service saw the request (it may answer before the body
        // is fully sent, e.g. 413).
        this.#written = true;
        this.#status = statusCode;
        this.#headers = flattenHeaders(responseHeaders as Record<string, string | string[] | undefined>);
      },
      onResponseData: (_ctl, chunk) => {
        this.#chunks.push(chunk);
      },
      onResponseEnd: () => this.#ended(),
      onResponseError: (_ctl, error) => {
        if (this.#timedOut || error instanceof TimeoutAbort) this.settle(this.#timeout());
        else this.settle({ kind: "network", written: this.#written, code: errorCode(error), error });
      },
    };
  }

  #ended(): void {
    clearTimeout(this.#timer);
    const outcome: AttemptOutcome = {
      kind: "response",
      status: this.#status,
      headers: this.#headers,
      body: new Uint8Array(Buffer.concat(this.#chunks)),
    };
    // GOTCHA: with pipelining 1, undici frees the socket for the next request only in a
    // setImmediate after the response ends ("wait a full event loop cycle", client-h1). A
    // caller that sends its next request sooner finds the connection busy and the pool
    // opens another one. Settling two check phases later lets sequential calls reuse it.
    setImmediate(() => setImmediate(() => this.settle(outcome)));
  }
}
