// ccm-emulator: a local CCM / SCM / SMS API server (see docs/emulator.md).
// startEmulator() runs it in-process; emulator/cli.ts is the `ccm-emulator` command.

import { mkdtemp } from "node:fs/promises";
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Credentials, DEMO_CREDENTIALS } from "./auth.js";
import { Clock } from "./clock.js";
import { CONTROL_PREFIX, handleControlRequest } from "./control.js";
import { checkExposure } from "./exposure.js";
import { FaultInjector, type FaultRule, parseFaultRule } from "./faults.js";
import { newRequestId } from "./http.js";
import { Model } from "./model/index.js";
import { parseSeedDocument, type SeedDocument } from "./model/seed.js";
import { handleApiRequest } from "./pipeline.js";
import { createRouter } from "./route-table.js";
import type { Runtime } from "./runtime.js";
import { ConnectionCounter, RequestCounter } from "./stats.js";
import { openStore } from "./store/index.js";
import { prepareTls, type TlsMaterial } from "./tls.js";

export const EMULATOR_NAME = "ccm-emulator";

export interface EmulatorOptions {
  /** TCP port; 0 (the default here) picks a free one. */
  port?: number;
  /** Listen address; default 127.0.0.1. */
  host?: string;
  /** Persist to this directory (durable file store); in memory when absent. */
  dataDir?: string;
  /** Serve HTTPS with a self-made CA (see `tls` in the result). */
  tls?: boolean;
  /** Where the TLS CA lives; default `<dataDir>/.tls`, or a fresh temporary directory. */
  tlsDir?: string;
  /** false = accept every request without credentials (--no-auth). Default true. */
  auth?: boolean;
  /** Override some or all of the accepted credentials (defaults: the demo credentials). */
  credentials?: Partial<Credentials>;
  /** A seed document (SCM certificates, SMS tasks), applied at start and after every reset. */
  seed?: unknown;
  /** Fault rules armed at start and after every reset (same shape as PUT /_emulator/faults). */
  faults?: unknown[];
  /** Log one line per request through `log`. */
  logRequests?: boolean;
  /** Where diagnostics go; default stderr. */
  log?: (line: string) => void;
  /**
   * Require `Authorization: Bearer <token>` on every control-plane request. Mandatory when `host`
   * is not a loopback address (startEmulator rejects with ExposureError before listening).
   */
  controlToken?: string;
  /** Connections beyond this many at once are closed as soon as they are accepted. */
  maxConnections?: number;
  /** A request's headers must arrive within this many ms (slow-loris guard). */
  headersTimeoutMs?: number;
  /** A whole request (headers and body) must arrive within this many ms. */
  requestTimeoutMs?: number;
}

export const DEFAULT_LIMITS = { maxConnections: 512, headersTimeoutMs: 10_000, requestTimeoutMs: 60_000 } as const;

export interface RunningEmulator {
  /** Base URL, e.g. http://127.0.0.1:41234 — no trailing slash. */
  url: string;
  port: number;
  host: string;
  /** The accepted credentials, or null with auth disabled. */
  credentials: Credentials | null;
  storeKind: string;
  /** With tls: the CA certificate clients must trust, and the file it was written to. */
  tls?: { caFile: string; caCertificatePem: string };
  close(): Promise<void>;
}

function hostForUrl(host: string): string {
  if (host === "0.0.0.0") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

type Limits = { [K in keyof typeof DEFAULT_LIMITS]: number };

function connectionLimits(options: EmulatorOptions): Limits {
  const limits = {
    maxConnections: options.maxConnections ?? DEFAULT_LIMITS.maxConnections,
    headersTimeoutMs: options.headersTimeoutMs ?? DEFAULT_LIMITS.headersTimeoutMs,
    requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_LIMITS.requestTimeoutMs,
  };
  for (const [name, value] of Object.entries(limits)) {
    // 0 would mean "no limit" to node:http: refused, like every other value that is not a count.
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer`);
  }
  return limits;
}

async function tlsMaterial(options: EmulatorOptions, host: string): Promise<TlsMaterial | undefined> {
  if (!options.tls) return undefined;
  const dir =
    options.tlsDir ??
    (options.dataDir ? join(options.dataDir, ".tls") : await mkdtemp(join(tmpdir(), "ccm-emulator-tls-")));
  return prepareTls(dir, host);
}

/** Every request: a request id and the service's Date, then the control plane or the API. */
function requestHandler(rt: Runtime) {
  return (request: IncomingMessage, response: ServerResponse) => {
    const requestId = newRequestId();
    response.setHeader("X-Request-Id", requestId);
    // The service's clock, as create_time shows it: clients read it to reason about creation times
    // (the lost-response lookup). Signature checks keep real time, so a shifted clock stays usable.
    response.setHeader("Date", new Date(rt.clock.now()).toUTCString());
    if (rt.info.logRequests) {
      response.on("finish", () => rt.log(`${request.method} ${request.url} -> ${response.statusCode} (${requestId})`));
    }
    const control = (request.url ?? "/").startsWith(CONTROL_PREFIX);
    const handled = control
      ? handleControlRequest(rt, request, response)
      : handleApiRequest(rt, request, response, requestId);
    handled.catch((error: unknown) => {
      rt.log(`ccm-emulator: request ${requestId} failed: ${error instanceof Error ? error.stack : String(error)}`);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  };
}

function createServer(rt: Runtime, limits: Limits, tls: TlsMaterial | undefined): Server {
  // node:http checks the two timeouts every connectionsCheckingInterval ms (default 30 s), which
  // would let a slow client hold a connection well past a short headersTimeout.
  const serverOptions = {
    headersTimeout: Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs),
    requestTimeout: limits.requestTimeoutMs,
    connectionsCheckingInterval: Math.max(100, Math.min(1_000, Math.floor(limits.headersTimeoutMs / 2))),
  };
  const handler = requestHandler(rt);
  const server: Server = tls
    ? createHttpsServer({ ...serverOptions, cert: tls.certificatePem, key: tls.privateKeyPem }, handler)
    : createHttpServer(serverOptions, handler);
  server.maxConnections = limits.maxConnections;
  // On the https server too this is the TCP accept, before the TLS handshake.
  server.on("connection", (socket: Socket) => rt.connections.accepted(socket));
  return server;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const host = options.host ?? "127.0.0.1";
  const controlToken = options.controlToken === "" ? undefined : options.controlToken;
  checkExposure(host, controlToken);
  const limits = connectionLimits(options);
  const startupFaults: FaultRule[] = (options.faults ?? []).map(parseFaultRule);
  // Armed (and so bounded) before anything is opened that would need closing on failure.
  const faults = new FaultInjector();
  faults.replace(startupFaults);
  const seed: SeedDocument | undefined = options.seed === undefined ? undefined : parseSeedDocument(options.seed);
  const credentials = options.auth === false ? null : { ...DEMO_CREDENTIALS, ...options.credentials };
  const tls = await tlsMaterial(options, host);
  const store = await openStore(options.dataDir);
  const clock = new Clock();
  const rt: Runtime = {
    model: new Model(store, clock),
    clock,
    faults,
    counter: new RequestCounter(),
    connections: new ConnectionCounter(),
    router: createRouter(),
    credentials,
    log,
    controlToken,
    startup: { faults: startupFaults, seed },
    info: { storeKind: store.kind, tls: tls !== undefined, logRequests: options.logRequests ?? false },
  };
  if (seed) await rt.model.seed(seed);
  const server = createServer(rt, limits, tls);
  let address: AddressInfo;
  try {
    address = await listen(server, options.port ?? 0, host);
  } catch (error) {
    await store.close();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    url: `${tls ? "https" : "http"}://${hostForUrl(host)}:${address.port}`,
    port: address.port,
    host,
    credentials,
    storeKind: store.kind,
    ...(tls ? { tls: { caFile: tls.caFile, caCertificatePem: tls.caCertificatePem } } : {}),
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(() => store.close());
      return closing;
    },
  };
}

export { type Credentials, DEMO_CREDENTIALS } from "./auth.js";
export { ExposureError, isLoopbackHost } from "./exposure.js";
export { FAULT_KINDS, type FaultRule } from "./faults.js";
export { ERRORS } from "./model/errors.js";
export { ROUTES } from "./route-table.js";
