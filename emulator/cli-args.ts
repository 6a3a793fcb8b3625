// `ccm-emulator` flags and CCM_EMULATOR_* environment variables → startEmulator options. Flags win
// over the environment, the environment over the defaults. Pure, so tests can check it.

import type { Credentials } from "./auth.js";
import { checkExposure, ExposureError } from "./exposure.js";
import type { EmulatorOptions } from "./index.js";

export const DEFAULT_PORT = 8443;

export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliError";
  }
}

export interface CliSettings {
  options: EmulatorOptions;
  /** A JSON seed file to read (--seed / CCM_EMULATOR_SEED). */
  seedFile: string | undefined;
  /** Raw --fault values, parsed by the caller (faults.ts parseFaultFlag). */
  faultFlags: string[];
  help: boolean;
  version: boolean;
}

const VALUE_FLAGS = {
  "--port": "CCM_EMULATOR_PORT",
  "--host": "CCM_EMULATOR_HOST",
  "--data-dir": "CCM_EMULATOR_DATA_DIR",
  "--tls-dir": "CCM_EMULATOR_TLS_DIR",
  "--seed": "CCM_EMULATOR_SEED",
  "--access-key": "CCM_EMULATOR_ACCESS_KEY",
  "--secret-key": "CCM_EMULATOR_SECRET_KEY",
  "--temp-access-key": "CCM_EMULATOR_TEMP_ACCESS_KEY",
  "--temp-secret-key": "CCM_EMULATOR_TEMP_SECRET_KEY",
  "--security-token": "CCM_EMULATOR_SECURITY_TOKEN",
  "--auth-token": "CCM_EMULATOR_AUTH_TOKEN",
  "--control-token": "CCM_EMULATOR_CONTROL_TOKEN",
  "--max-connections": "CCM_EMULATOR_MAX_CONNECTIONS",
  "--headers-timeout-ms": "CCM_EMULATOR_HEADERS_TIMEOUT_MS",
  "--request-timeout-ms": "CCM_EMULATOR_REQUEST_TIMEOUT_MS",
} as const;

const SWITCH_FLAGS = {
  "--tls": "CCM_EMULATOR_TLS",
  "--no-auth": "CCM_EMULATOR_NO_AUTH",
  "--log-requests": "CCM_EMULATOR_LOG_REQUESTS",
} as const;

type ValueFlag = keyof typeof VALUE_FLAGS;
type SwitchFlag = keyof typeof SWITCH_FLAGS;

const CREDENTIAL_FLAGS: Record<string, keyof Credentials> = {
  "--access-key": "accessKey",
  "--secret-key": "secretKey",
  "--temp-access-key": "tempAccessKey",
  "--temp-secret-key": "tempSecretKey",
  "--security-token": "securityToken",
  "--auth-token": "authToken",
};

function isValueFlag(flag: string): flag is ValueFlag {
  return Object.hasOwn(VALUE_FLAGS, flag);
}

function isSwitchFlag(flag: string): flag is SwitchFlag {
  return Object.hasOwn(SWITCH_FLAGS, flag);
}

/** A positive integer flag, or undefined when not given. */
function positiveInteger(flag: string, text: string | undefined, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < 1 || value > max) {
    throw new CliError(`${flag} must be an integer 1–${max}, got ${text}`);
  }
  return value;
}

function truthy(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|yes|on)$/i.test(value);
}

interface ArgvFlags {
  values: Map<ValueFlag, string>;
  switches: Set<SwitchFlag>;
  faultFlags: string[];
  help: boolean;
  version: boolean;
}

/** The command line as given, `--flag value` and `--flag=value` alike; unknown flags refused. */
function readArgv(argv: readonly string[]): ArgvFlags {
  const values = new Map<ValueFlag, string>();
  const switches = new Set<SwitchFlag>();
  const faultFlags: string[] = [];
  let help = false;
  let version = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf("=");
    const flag = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith("--") && eq > 0 ? arg.slice(eq + 1) : undefined;
    const next = (): string => {
      if (inline !== undefined) return inline;
      const value = argv[++i];
      if (value === undefined) throw new CliError(`${flag} needs a value`);
      return value;
    };
    if (flag === "--help" || flag === "-h") help = true;
    else if (flag === "--version") version = true;
    else if (flag === "--fault") faultFlags.push(next());
    else if (isValueFlag(flag)) values.set(flag, next());
    else if (isSwitchFlag(flag)) switches.add(flag);
    else throw new CliError(`unknown argument ${arg} (see --help)`);
  }
  return { values, switches, faultFlags, help, version };
}

/** CCM_EMULATOR_FAULTS: a JSON array of rules, each handed on like a --fault flag. */
function faultsFromEnv(text: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CliError("CCM_EMULATOR_FAULTS must be a JSON array of fault rules");
  }
  if (!Array.isArray(parsed)) throw new CliError("CCM_EMULATOR_FAULTS must be a JSON array of fault rules");
  return parsed.map((rule) => JSON.stringify(rule));
}

export function parseCliArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): CliSettings {
  const { values, switches, faultFlags, help, version } = readArgv(argv);
  const value = (flag: ValueFlag) => values.get(flag) ?? (env[VALUE_FLAGS[flag]] || undefined);
  const on = (flag: SwitchFlag) => switches.has(flag) || truthy(env[SWITCH_FLAGS[flag]]);

  const portText = value("--port");
  const port = portText === undefined ? DEFAULT_PORT : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new CliError(`--port must be 0–65535, got ${portText}`);
  const credentials: Partial<Credentials> = {};
  for (const [flag, field] of Object.entries(CREDENTIAL_FLAGS)) {
    const given = isValueFlag(flag) ? value(flag) : undefined;
    if (given !== undefined) credentials[field] = given;
  }
  if (faultFlags.length === 0 && env.CCM_EMULATOR_FAULTS) faultFlags.push(...faultsFromEnv(env.CCM_EMULATOR_FAULTS));
  const host = value("--host") ?? "127.0.0.1";
  const controlToken = value("--control-token");
  try {
    checkExposure(host, controlToken);
  } catch (error) {
    if (error instanceof ExposureError) throw new CliError(error.message);
    throw error;
  }
  const options: EmulatorOptions = {
    port,
    host,
    dataDir: value("--data-dir"),
    tls: on("--tls"),
    tlsDir: value("--tls-dir"),
    auth: !on("--no-auth"),
    credentials,
    logRequests: on("--log-requests"),
    controlToken,
    // Left undefined when not given: startEmulator applies DEFAULT_LIMITS.
    maxConnections: positiveInteger("--max-connections", value("--max-connections"), 65_535),
    headersTimeoutMs: positiveInteger("--headers-timeout-ms", value("--headers-timeout-ms"), 3_600_000),
    requestTimeoutMs: positiveInteger("--request-timeout-ms", value("--request-timeout-ms"), 3_600_000),
  };
  return { options, seedFile: value("--seed"), faultFlags, help, version };
}

export const USAGE = `Usage: ccm-emulator [options]

A local Huawei Cloud CCM / SCM / SMS API that issues real X.509 certificates.

  --port <n>               TCP port (default ${DEFAULT_PORT}; 0 = any free port)     CCM_EMULATOR_PORT
  --host <address>         listen address (default 127.0.0.1)                   CCM_EMULATOR_HOST
  --data-dir <dir>         keep state in <dir> (durable); in memory otherwise    CCM_EMULATOR_DATA_DIR
  --tls                    serve HTTPS with a self-made CA (path printed)       CCM_EMULATOR_TLS=1
  --tls-dir <dir>          where the TLS CA is kept (default <data-dir>/.tls)    CCM_EMULATOR_TLS_DIR
  --seed <file.json>       seed SCM certificates and SMS tasks at start/reset   CCM_EMULATOR_SEED
  --fault <rule>           arm a fault rule (repeatable): JSON, or key=value;…  CCM_EMULATOR_FAULTS (JSON array)
  --no-auth                accept requests without credentials                 CCM_EMULATOR_NO_AUTH=1
  --access-key <ak>        accepted AK (default the demo AK)                    CCM_EMULATOR_ACCESS_KEY
  --secret-key <sk>        its SK                                               CCM_EMULATOR_SECRET_KEY
  --temp-access-key <ak>   accepted temporary AK                                CCM_EMULATOR_TEMP_ACCESS_KEY
  --temp-secret-key <sk>   its SK                                               CCM_EMULATOR_TEMP_SECRET_KEY
  --security-token <t>     the temporary AK's X-Security-Token                  CCM_EMULATOR_SECURITY_TOKEN
  --auth-token <t>         accepted X-Auth-Token                                CCM_EMULATOR_AUTH_TOKEN
  --log-requests           log one line per request to stderr                   CCM_EMULATOR_LOG_REQUESTS=1
  --control-token <t>      require Authorization: Bearer <t> on /_emulator/     CCM_EMULATOR_CONTROL_TOKEN
                           (required when --host is not a loopback address)
  --max-connections <n>    connections open at once (default 512)               CCM_EMULATOR_MAX_CONNECTIONS
  --headers-timeout-ms <n> time to send a request's headers (default 10000)     CCM_EMULATOR_HEADERS_TIMEOUT_MS
  --request-timeout-ms <n> time to send a whole request (default 60000)         CCM_EMULATOR_REQUEST_TIMEOUT_MS
  --help, --version

Control plane (never signed; JSON bodies only, no browser requests): /_emulator/health, reset, seed,
inventory, faults, clock.
`;
