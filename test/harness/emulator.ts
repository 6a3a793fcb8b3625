// The one ccm-emulator harness of every suite: TestEmulator runs the emulator in this process
// (TestEmulator.start) or talks to one running elsewhere, such as the `ccm-emulator` command in a
// child process (TestEmulator.at, with emulator-process.ts); it gives the stack config that points
// a Pulumi program at it, a provider client for it, and small wrappers around its control plane
// (reset, inventory, faults, clock). The emulator tests' signed raw calls (test/emulator/helpers/
// client.ts) and the e2e stacks are built on it.
import { afterAll, beforeAll } from "vitest";
import { DEMO_CREDENTIALS, type EmulatorOptions, type RunningEmulator, startEmulator } from "../../emulator/index.js";
import { CcmClient } from "../../provider/client/index.js";
import type { TransportOptions } from "../../provider/client/transport.js";
import { resolveConfig } from "../../provider/config.js";
import { CLOCK_OFFSET_ENV, rememberStackConfig } from "../../provider/kernel/context.js";
import { requirePulumiRoot, TestStack, type TestStackOptions } from "./stack.js";

/** The emulator's demo credentials (its own exports; CONTRIBUTING.md documents them). */
export const DEMO_AK = DEMO_CREDENTIALS.accessKey;
export const DEMO_SK = DEMO_CREDENTIALS.secretKey;

export interface InventoryEntry {
  id: string;
  status: string;
  common_name: string;
  issuer_id?: string | null;
  serial_number?: string;
  revocation_reason: string | null;
  tags: { key: string; value: string }[];
  deleted: boolean;
  type?: string;
}

export interface Inventory {
  certificate_authorities: InventoryEntry[];
  certificates: InventoryEntry[];
  requests: { total: number; by_route: Record<string, number> };
}

export interface EmulatorStackConfig {
  config: Record<string, string>;
  secrets: Record<string, string>;
}

/** Plain and secret stack config that sends all three services to the emulator at `url`. */
export function emulatorStackConfig(url: string): EmulatorStackConfig {
  return {
    config: {
      "huaweicloud-ccm:region": "cn-north-4",
      "huaweicloud-ccm:endpoints": JSON.stringify({ ccm: url, scm: url, sms: url }),
    },
    secrets: { "huaweicloud-ccm:accessKey": DEMO_AK, "huaweicloud-ccm:secretKey": DEMO_SK },
  };
}

/**
 * Points the handlers of this process at `url` as a stack's config would (handler tests call the
 * handlers directly, with no engine): the emulator's region, endpoints and credentials, plus `more`.
 */
export function pointHandlersAt(url: string, more: Record<string, string> = {}): void {
  const { config, secrets } = emulatorStackConfig(url);
  const all: Record<string, string> = { ...config, ...secrets, ...more };
  rememberStackConfig({ get: (key) => all[key] });
}

/** Where an emulator listens and how it ends: in this process, or in a child the caller ends. */
interface EmulatorHandle {
  readonly url: string;
  readonly running?: RunningEmulator;
  close(): Promise<void>;
}

export class TestEmulator {
  private constructor(private readonly handle: EmulatorHandle) {}

  /** An emulator in this process on a free loopback port (options as for startEmulator). */
  static async start(options: EmulatorOptions = {}): Promise<TestEmulator> {
    const running = await startEmulator({ port: 0, ...options });
    return new TestEmulator({ url: running.url, running, close: () => running.close() });
  }

  /** An emulator running elsewhere (a child process): only its URL is known; close() leaves it be. */
  static at(url: string): TestEmulator {
    return new TestEmulator({ url, close: async () => {} });
  }

  get url(): string {
    return this.handle.url;
  }

  /** The in-process emulator itself (its port, store, credentials); not for one running elsewhere. */
  get running(): RunningEmulator {
    if (!this.handle.running) throw new Error(`the emulator at ${this.url} runs in another process`);
    return this.handle.running;
  }

  /** Plain and secret stack config that sends all three services to this emulator. */
  stackConfig(): EmulatorStackConfig {
    return emulatorStackConfig(this.url);
  }

  /** A stack of `options.program` pointed at this emulator; `config` and `secrets` add to stackConfig(). */
  stack(options: TestStackOptions): TestStack {
    const { config, secrets } = this.stackConfig();
    return new TestStack({
      ...options,
      config: { ...config, ...options.config },
      secrets: { ...secrets, ...options.secrets },
    });
  }

  /**
   * A provider client for this emulator, for arranging a test's world (CAs, revocations) behind
   * Pulumi's back or for testing the client itself: `stack` adds or overrides stack-config keys,
   * `env` the environment the demo credentials come from, `options` the transport's (sleep, random).
   */
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

  /** The environment that points a command run outside Pulumi (ccm-orphans) at this emulator. */
  commandEnv(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      HW_ACCESS_KEY: DEMO_AK,
      HW_SECRET_KEY: DEMO_SK,
      HW_CCM_ENDPOINT: this.url,
      HW_REGION_NAME: "cn-north-4",
    };
  }

  async control(method: string, name: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.url}/_emulator/${name}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} /_emulator/${name}: ${response.status} ${await response.text()}`);
    return response.status === 204 ? undefined : response.json();
  }

  inventory(): Promise<Inventory> {
    return this.control("GET", "inventory") as Promise<Inventory>;
  }

  /** API requests served so far (control-plane calls are not counted). */
  async requestCount(): Promise<number> {
    return (await this.inventory()).requests.total;
  }

  /** Replaces the fault rules (PUT /_emulator/faults; emulator/faults.ts checks each one). */
  setFaults(rules: unknown[]): Promise<unknown> {
    return this.control("PUT", "faults", rules);
  }

  /** Forgets every CA, certificate, fault and clock shift (POST /_emulator/reset). */
  reset(): Promise<unknown> {
    return this.control("POST", "reset");
  }

  /** Sets the emulator's clock to real time plus `offsetMs` (not relative to the last shift). */
  shiftClock(offsetMs: number): Promise<unknown> {
    return this.control("POST", "clock", { offset_ms: offsetMs });
  }

  /**
   * Moves time for the provider in `stack` and for the emulator: CCM_CLOCK_OFFSET_MS, which the
   * provider's runtime adds to every "now" it reads, from the stack's next operation on, and the
   * emulator's clock, `serviceAheadMs` further (a service whose clock runs ahead of the machine's).
   * Time passes this way, never by waiting for it.
   */
  async shiftClocks(stack: TestStack, offsetMs: number, serviceAheadMs = 0): Promise<void> {
    await this.shiftClock(offsetMs + serviceAheadMs);
    stack.setEnv({ [CLOCK_OFFSET_ENV]: String(offsetMs) });
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}

function started<T>(value: T | undefined, by: string): T {
  if (value === undefined) throw new Error(`${by} starts it in beforeAll: read it inside tests and hooks only`);
  return value;
}

/**
 * A describe block's emulator for programs run through the Pulumi CLI: the CLI's presence checked
 * (never skipped) and the emulator started in beforeAll, closed in afterAll.
 */
export function useTestEmulator(options: EmulatorOptions = {}): { readonly emulator: TestEmulator } {
  let emulator: TestEmulator | undefined;
  beforeAll(async () => {
    requirePulumiRoot();
    emulator = await TestEmulator.start(options);
  });
  afterAll(async () => {
    await emulator?.close();
  });
  return {
    get emulator() {
      return started(emulator, "useTestEmulator");
    },
  };
}

export interface EmulatorStack {
  readonly emulator: TestEmulator;
  readonly stack: TestStack;
}

/**
 * A describe block's emulator and one stack pointed at it: both made in beforeAll, the stack
 * disposed (after hooks run in reverse) before the emulator is closed in afterAll.
 */
export function useEmulatorStack(options: TestStackOptions & { emulatorOptions?: EmulatorOptions }): EmulatorStack {
  const { emulatorOptions, ...stackOptions } = options;
  const setup = useTestEmulator(emulatorOptions);
  let stack: TestStack | undefined;
  beforeAll(() => {
    stack = setup.emulator.stack(stackOptions);
  });
  afterAll(async () => {
    await stack?.dispose();
  });
  return {
    get emulator() {
      return setup.emulator;
    },
    get stack() {
      return started(stack, "useEmulatorStack");
    },
  };
}
