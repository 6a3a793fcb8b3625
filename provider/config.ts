// Configuration, resolved when a call runs (never at program time, never cached at module
// level): the stack config the dynamic provider's `configure` receives, then the Huawei
// Terraform provider's environment variables, then the Huawei SDK's. This module puts one
// ResolvedConfig together and checks the plain values (numbers, flags, the CA bundle); the
// table of settings, where a value is looked up, the credentials and the endpoints each have
// their own config-*.ts file. Everything else imports configuration from here.
import { readFileSync } from "node:fs";
import { type Credentials, resolveCredentials } from "./config-credentials.js";
import { resolveEndpoints } from "./config-endpoints.js";
import { type Env, lookup, setting } from "./config-lookup.js";
import {
  CREATE_ATTEMPTS_LIMIT,
  CREATE_SETTLE_LIMIT_MS,
  CREATE_TIME_BUDGET_LIMIT_MS,
  DEFAULT_CREATE_ATTEMPTS,
  DEFAULT_CREATE_SETTLE_MS,
  DEFAULT_CREATE_TIME_BUDGET_MS,
  DEFAULT_MAX_CONNECTIONS,
  DEFAULT_MAX_RETRIES,
  DEFAULT_REQUEST_TIMEOUT_MS,
  MAX_CONNECTIONS_LIMIT,
  MAX_RETRIES_LIMIT,
} from "./config-settings.js";
import { CcmConfigError, type ServiceName } from "./errors.js";
import { splitPemBlocks } from "./pem.js";
import { DEFAULT_CLOUD } from "./service-endpoints.js";

export { type Credentials, SecretValue } from "./config-credentials.js";
export { placesOf } from "./config-lookup.js";
export {
  CONFIG_NAMESPACE,
  CONFIG_SETTINGS,
  type ConfigSetting,
  DEFAULT_CREATE_ATTEMPTS,
  DEFAULT_CREATE_TIME_BUDGET_MS,
  DEFAULT_MAX_CONNECTIONS,
  DEFAULT_MAX_RETRIES,
  DEFAULT_REQUEST_TIMEOUT_MS,
} from "./config-settings.js";

export interface ResolvedConfig {
  readonly credentials: Credentials;
  readonly region: string | undefined;
  readonly cloud: string;
  readonly projectId: string | undefined;
  readonly domainId: string | undefined;
  /** Endpoint per service; a service is absent when neither an endpoint nor a region is configured. */
  readonly endpoints: Readonly<Partial<Record<ServiceName, string>>>;
  /** Extra trusted CA certificates (normalised PEM), or undefined for the system roots only. */
  readonly caBundle: string | undefined;
  readonly maxRetries: number;
  readonly requestTimeoutMs: number;
  /** Sends of one create at most, and the time after the first within which a re-send may start. */
  readonly createAttempts: number;
  readonly createTimeBudgetMs: number;
  readonly createSettleMs: number;
  /** Most sockets the pool of one endpoint holds (one pool per endpoint, CA bundle and size). */
  readonly maxConnections: number;
}

/**
 * Resolves the client configuration. Precedence: stack config, then HW_* variables, then the
 * SDK's HUAWEICLOUD_SDK_* variables. Throws CcmConfigError listing every place it looked.
 */
export function resolveConfig(
  stackConfig: Record<string, string | undefined>,
  env: NodeJS.ProcessEnv = process.env,
): ResolvedConfig {
  const credentials = resolveCredentials(stackConfig, env);
  const region = lookup(stackConfig, env, "region")?.value;
  const cloud = lookup(stackConfig, env, "cloud")?.value ?? DEFAULT_CLOUD;
  return {
    credentials,
    region,
    cloud,
    projectId: lookup(stackConfig, env, "projectId")?.value,
    domainId: lookup(stackConfig, env, "domainId")?.value,
    endpoints: resolveEndpoints(stackConfig, env, region, cloud, resolveBoolean(stackConfig, env, "allowInsecureHttp")),
    caBundle: resolveCaBundle(stackConfig, env),
    maxRetries: resolveInt(stackConfig, env, "maxRetries", DEFAULT_MAX_RETRIES, 0, MAX_RETRIES_LIMIT),
    requestTimeoutMs: resolveInt(stackConfig, env, "requestTimeoutMs", DEFAULT_REQUEST_TIMEOUT_MS, 1, 3_600_000),
    createAttempts: resolveInt(stackConfig, env, "createAttempts", DEFAULT_CREATE_ATTEMPTS, 1, CREATE_ATTEMPTS_LIMIT),
    createTimeBudgetMs: resolveInt(
      stackConfig,
      env,
      "createTimeBudgetMs",
      DEFAULT_CREATE_TIME_BUDGET_MS,
      0,
      CREATE_TIME_BUDGET_LIMIT_MS,
    ),
    createSettleMs: resolveInt(stackConfig, env, "createSettleMs", DEFAULT_CREATE_SETTLE_MS, 0, CREATE_SETTLE_LIMIT_MS),
    maxConnections: resolveInt(stackConfig, env, "maxConnections", DEFAULT_MAX_CONNECTIONS, 1, MAX_CONNECTIONS_LIMIT),
  };
}

/** Extra trusted CAs: PEM text or the path of a PEM file; only its CERTIFICATE blocks are kept. */
function resolveCaBundle(stack: Env, env: Env): string | undefined {
  const found = lookup(stack, env, "caBundle");
  if (!found) return undefined;
  let text = found.value;
  if (!text.includes("-----BEGIN")) {
    try {
      text = readFileSync(text, "utf8");
    } catch (error) {
      const reason = (error as { code?: string }).code ?? "unreadable";
      throw new CcmConfigError(`${found.source} is neither PEM text nor a readable file (${reason})`, [found.source]);
    }
  }
  const certificates = splitPemBlocks(text).filter((block) => block.startsWith("-----BEGIN CERTIFICATE-----"));
  if (certificates.length === 0)
    throw new CcmConfigError(`${found.source} holds no PEM CERTIFICATE block`, [found.source]);
  return certificates.join("");
}

function resolveBoolean(stack: Env, env: Env, key: string): boolean {
  const found = lookup(stack, env, key);
  if (!found) return setting(key).default === "true";
  const value = found.value.toLowerCase();
  if (value === "true" || value === "1") return true;
  if (value === "false" || value === "0") return false;
  throw new CcmConfigError(`${found.source} must be true or false, got ${JSON.stringify(found.value)}`, [found.source]);
}

function resolveInt(stack: Env, env: Env, key: string, fallback: number, min: number, max: number): number {
  const found = lookup(stack, env, key);
  if (!found) return fallback;
  const value = Number(found.value);
  if (!/^\d+$/.test(found.value) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new CcmConfigError(
      `${found.source} must be an integer from ${min} to ${max}, got ${JSON.stringify(found.value)}`,
      [found.source],
    );
  }
  return value;
}
