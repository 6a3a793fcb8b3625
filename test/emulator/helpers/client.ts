// The emulator tests' raw API client on the one emulator harness (test/harness/emulator.ts):
// `useEmulator()` (a file's emulator: started before its tests, reset before each, closed after),
// `withEmulator()` (a second emulator for one test), `remoteApi()` (one in a child process), and the
// `Api` they hand out: one `call` that signs (AK/SK), sends a token, or nothing, and returns status,
// headers and the parsed body. The credentials are the emulator's own demo ones (its exports).

import { afterAll, beforeAll, beforeEach } from "vitest";
import { DEMO_CREDENTIALS, type EmulatorOptions, type RunningEmulator } from "../../../emulator/index.js";
import { TestEmulator } from "../../harness/emulator.js";
import { sign } from "./signer.js";

/** Control-plane requests (`/_emulator/…`) are never signed. */
export const CONTROL = { auth: "none" } as const;

export type AuthMode = "token" | "aksk" | "temp" | "none";

export interface CallOptions {
  body?: unknown;
  /** Raw body text, sent as is (overrides `body`). */
  rawBody?: string;
  query?: Record<string, string>;
  auth?: AuthMode;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: test assertions walk arbitrary JSON bodies
  json: any;
  bytes: Uint8Array;
}

export class Api {
  #harness: TestEmulator | undefined;

  /** Without an emulator until `attach` (useEmulator attaches one in beforeAll). */
  constructor(harness?: TestEmulator) {
    this.#harness = harness;
  }

  get harness(): TestEmulator {
    if (this.#harness === undefined) throw new Error("no emulator yet: useEmulator starts it in beforeAll");
    return this.#harness;
  }

  /** The in-process emulator (its port, credentials); not for one in a child process. */
  get emulator(): RunningEmulator {
    return this.harness.running;
  }

  attach(harness: TestEmulator): void {
    this.#harness = harness;
  }

  get url(): string {
    return this.harness.url;
  }

  /** Forgets every CA, certificate, fault and clock shift (POST /_emulator/reset). */
  reset = () => this.post("/_emulator/reset", undefined, CONTROL);

  close = () => this.harness.close();

  async call(method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
    const text = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const host = new URL(this.url).host;
    let headers: Record<string, string> = { "Content-Type": "application/json", ...options.headers };
    const auth = options.auth ?? "token";
    if (auth === "token") headers["X-Auth-Token"] = DEMO_CREDENTIALS.authToken;
    if (auth === "aksk" || auth === "temp") {
      if (auth === "temp") headers["X-Security-Token"] = DEMO_CREDENTIALS.securityToken;
      headers = sign({
        method,
        path,
        query: options.query,
        headers: { ...headers, Host: host },
        body: text,
        accessKey: auth === "temp" ? DEMO_CREDENTIALS.tempAccessKey : DEMO_CREDENTIALS.accessKey,
        secretKey: auth === "temp" ? DEMO_CREDENTIALS.tempSecretKey : DEMO_CREDENTIALS.secretKey,
      });
    }
    const qs = options.query ? `?${new URLSearchParams(options.query).toString().replace(/\+/g, "%20")}` : "";
    const response = await fetch(`${this.url}${path}${qs}`, { method, headers, body: text });
    const bytes = new Uint8Array(await response.arrayBuffer());
    const type = response.headers.get("content-type") ?? "";
    const json =
      type.includes("json") && bytes.length > 0 ? JSON.parse(Buffer.from(bytes).toString("utf8")) : undefined;
    return { status: response.status, headers: response.headers, json, bytes };
  }

  get = (path: string, options?: CallOptions) => this.call("GET", path, options);
  post = (path: string, body?: unknown, options?: CallOptions) => this.call("POST", path, { ...options, body });
  put = (path: string, body?: unknown, options?: CallOptions) => this.call("PUT", path, { ...options, body });
  delete = (path: string, options?: CallOptions) => this.call("DELETE", path, options);
}

/** Starts an in-memory emulator on a random loopback port, quiet; the caller closes it. */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<Api> {
  return new Api(await TestEmulator.start({ log: () => {}, ...options }));
}

/** An Api for an emulator running elsewhere (a child process): only its URL is known. */
export function remoteApi(url: string): Api {
  return new Api(TestEmulator.at(url));
}

export interface UseEmulatorOptions extends EmulatorOptions {
  /** Reset the emulator before every test (default true); false for files whose tests share state. */
  resetEachTest?: boolean;
}

/**
 * A test file's emulator: started in beforeAll (so the file's own beforeAll, registered after this
 * call, can already use it), reset before every test, closed in afterAll.
 */
export function useEmulator(options: UseEmulatorOptions = {}): Api {
  const { resetEachTest = true, ...emulatorOptions } = options;
  const api = new Api();
  let harness: TestEmulator | undefined;
  beforeAll(async () => {
    harness = (await startTestEmulator(emulatorOptions)).harness;
    api.attach(harness);
  });
  afterAll(() => harness?.close());
  if (resetEachTest) beforeEach(() => api.reset());
  return api;
}

/** Runs `use` against an emulator of its own, closed afterwards whatever happens. */
export async function withEmulator<T>(options: EmulatorOptions, use: (api: Api) => Promise<T>): Promise<T> {
  const api = await startTestEmulator(options);
  try {
    return await use(api);
  } finally {
    await api.close();
  }
}
