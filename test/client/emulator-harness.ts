// Runs ccm-emulator in-process for the client's integration tests and drives its control plane
// (/_emulator/: reset, faults, seed, inventory).
import { type RunningEmulator, startEmulator } from "../../emulator/index.js";
import { CcmClient } from "../../provider/client/index.js";
import type { TransportOptions } from "../../provider/client/transport.js";
import { resolveConfig } from "../../provider/config.js";

export const DEMO_AK = "EMULATORACCESSKEY000";
export const DEMO_SK = "emulatorSecretKey0000000000000000000000";

export interface Inventory {
  certificate_authorities: { id: string; status: string; common_name: string; revocation_reason: string | null }[];
  certificates: { id: string; status: string; common_name: string; revocation_reason: string | null; tags: unknown }[];
  requests: { total: number; by_route: Record<string, number> };
}

export interface FaultRule {
  kind: "latency" | "error" | "throttle" | "reset" | "lost_response";
  method?: string;
  path?: string;
  status?: number;
  retry_after?: number;
  latency_ms?: number;
  count?: number;
}

export class EmulatorHarness {
  constructor(readonly emulator: RunningEmulator) {}

  static async start(): Promise<EmulatorHarness> {
    return new EmulatorHarness(await startEmulator({ port: 0, log: () => {} }));
  }

  get url(): string {
    return this.emulator.url;
  }

  /** A client for the emulator; `stack` adds or overrides stack-config keys. */
  client(
    stack: Record<string, string> = {},
    env: Record<string, string> = {},
    options: TransportOptions = {},
  ): CcmClient {
    const config = resolveConfig(
      { "huaweicloud-ccm:endpoints": JSON.stringify({ ccm: this.url, scm: this.url, sms: this.url }), ...stack },
      { HW_ACCESS_KEY: DEMO_AK, HW_SECRET_KEY: DEMO_SK, ...env },
    );
    return new CcmClient(config, { env: {}, ...options });
  }

  async control(method: string, name: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.url}/_emulator/${name}`, {
      method,
      headers: { "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`control ${method} ${name}: HTTP ${response.status} ${await response.text()}`);
    return response.status === 204 ? undefined : response.json();
  }

  reset(): Promise<unknown> {
    return this.control("POST", "reset");
  }

  faults(rules: FaultRule[]): Promise<unknown> {
    return this.control("PUT", "faults", rules);
  }

  async inventory(): Promise<Inventory> {
    return (await this.control("GET", "inventory")) as Inventory;
  }

  close(): Promise<void> {
    return this.emulator.close();
  }
}
