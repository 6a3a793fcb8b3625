// Test-side HTTP helpers for the emulator: one `call` that signs (AK/SK), sends a token, or
// nothing, and returns status, headers and the parsed body.

import { type EmulatorOptions, type RunningEmulator, startEmulator } from "../../../emulator/index.js";
import { sign } from "./signer.js";

export const DEMO = {
  accessKey: "EMULATORACCESSKEY000",
  secretKey: "emulatorSecretKey0000000000000000000000",
  tempAccessKey: "EMULATORTEMPKEY00000",
  tempSecretKey: "emulatorTempSecretKey00000000000000000",
  securityToken: "emulator-security-token",
  authToken: "emulator-auth-token",
} as const;

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
  constructor(readonly emulator: RunningEmulator) {}

  get url(): string {
    return this.emulator.url;
  }

  async call(method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
    const text = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const host = new URL(this.url).host;
    let headers: Record<string, string> = { "Content-Type": "application/json", ...options.headers };
    const auth = options.auth ?? "token";
    if (auth === "token") headers["X-Auth-Token"] = DEMO.authToken;
    if (auth === "aksk" || auth === "temp") {
      if (auth === "temp") headers["X-Security-Token"] = DEMO.securityToken;
      headers = sign({
        method,
        path,
        query: options.query,
        headers: { ...headers, Host: host },
        body: text,
        accessKey: auth === "temp" ? DEMO.tempAccessKey : DEMO.accessKey,
        secretKey: auth === "temp" ? DEMO.tempSecretKey : DEMO.secretKey,
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

/** Starts an in-memory emulator on a random loopback port; close it in afterAll. */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<Api> {
  const emulator = await startEmulator({ log: () => {}, ...options });
  return new Api(emulator);
}
