// Configuration, resolved when a call runs (never at program time, never cached at module
// level): the stack config the dynamic provider's `configure` receives, then the Huawei
// Terraform provider's environment variables, then the Huawei SDK's. The table below is the
// single description of every setting; the resolver and the README's "Configuration" section
// both follow it.
import { readFileSync } from "node:fs";
import { inspect } from "node:util";
import { CcmConfigError, type ServiceName } from "./errors.js";
import { splitPemBlocks } from "./pem.js";
import { DEFAULT_CLOUD, defaultEndpoint, normalizeEndpoint, SERVICE_ENDPOINTS, SERVICES } from "./service-endpoints.js";
import { PACKAGE_NAME } from "./type-tokens.js";

/** The stack-config namespace: the package name. */
export const CONFIG_NAMESPACE = PACKAGE_NAME;
export const DEFAULT_MAX_RETRIES = 5;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** Keep-alive connections per endpoint pool; bench/provider.mjs measures what fewer would cost. */
export const DEFAULT_MAX_CONNECTIONS = 16;
/** Sends of one certificate apply or CA create at most; a re-send only after a lookup proved the
 * earlier ones created nothing (client/create.ts). 2 would fail most 50-pair `up`s at ~30 %
 * faults (measured); 5 leaves about one create in 3,000 there without an answer. */
export const DEFAULT_CREATE_ATTEMPTS = 5;
/** No re-send of a create starts later than this after its first send (ms). */
export const DEFAULT_CREATE_TIME_BUDGET_MS = 120_000;
const MAX_RETRIES_LIMIT = 20;
const CREATE_ATTEMPTS_LIMIT = 10;
const CREATE_TIME_BUDGET_LIMIT_MS = 3_600_000;
const MAX_CONNECTIONS_LIMIT = 256;

export interface ConfigSetting {
  /** The stack-config key, without the "huaweicloud-ccm:" namespace. */
  readonly key: string;
  /** Environment variables, first wins; all after the stack config. */
  readonly env: readonly string[];
  readonly secret: boolean;
  readonly default?: string;
  readonly description: string;
}

export const CONFIG_SETTINGS: readonly ConfigSetting[] = [
  { key: "accessKey", env: ["HW_ACCESS_KEY", "HUAWEICLOUD_SDK_AK"], secret: true, description: "AK of an AK/SK pair" },
  { key: "secretKey", env: ["HW_SECRET_KEY", "HUAWEICLOUD_SDK_SK"], secret: true, description: "SK of an AK/SK pair" },
  {
    key: "securityToken",
    env: ["HW_SECURITY_TOKEN"],
    secret: true,
    description: "temporary credentials: sent as X-Security-Token; taken from the same place as the access key",
  },
  {
    key: "authToken",
    env: ["HW_AUTH_TOKEN"],
    secret: true,
    description: "an IAM token (X-Auth-Token, domain-scoped for CCM) used instead of AK/SK",
  },
  {
    key: "region",
    env: ["HW_REGION_NAME"],
    secret: false,
    description: "region of the default endpoints, e.g. cn-north-4, ap-southeast-3",
  },
  {
    key: "projectId",
    env: ["HW_PROJECT_ID", "HUAWEICLOUD_SDK_PROJECT_ID"],
    secret: false,
    description: "sent as X-Project-Id",
  },
  {
    key: "domainId",
    env: ["HW_DOMAIN_ID", "HUAWEICLOUD_SDK_DOMAIN_ID"],
    secret: false,
    description: "account id, sent as X-Domain-Id",
  },
  {
    key: "cloud",
    env: ["HW_CLOUD"],
    secret: false,
    default: DEFAULT_CLOUD,
    description: "cloud domain of the default endpoints",
  },
  {
    key: "endpoints",
    env: [],
    secret: false,
    description: 'JSON object overriding endpoints, e.g. {"ccm":"http://127.0.0.1:8080","scm":"…","sms":"…"}',
  },
  ...SERVICES.map(
    (service): ConfigSetting => ({
      key: SERVICE_ENDPOINTS[service].configKey,
      env: [SERVICE_ENDPOINTS[service].envVar],
      secret: false,
      default: `https://${SERVICE_ENDPOINTS[service].prefix}.{region}.{cloud}`,
      description: `${service.toUpperCase()} endpoint (beats the \`endpoints\` object)`,
    }),
  ),
  {
    key: "allowInsecureHttp",
    env: ["HW_ALLOW_INSECURE_HTTP"],
    secret: false,
    default: "false",
    description:
      "allow plain http:// endpoints on hosts other than loopback (127.0.0.0/8, ::1, localhost): credentials " +
      "and exported keys then travel unencrypted, so only for a trusted network",
  },
  {
    key: "caBundle",
    env: ["HW_CA_BUNDLE"],
    secret: false,
    description:
      "extra trusted CA certificates for HTTPS endpoints: PEM text or a file path (added to the system roots)",
  },
  {
    key: "maxRetries",
    env: ["HW_MAX_RETRIES"],
    secret: false,
    default: String(DEFAULT_MAX_RETRIES),
    description: `retries of a retryable failure, 0–${MAX_RETRIES_LIMIT}`,
  },
  {
    key: "requestTimeoutMs",
    env: [],
    secret: false,
    default: String(DEFAULT_REQUEST_TIMEOUT_MS),
    description: "timeout of one HTTP attempt, in ms",
  },
  {
    key: "createAttempts",
    env: ["HW_CCM_CREATE_ATTEMPTS"],
    secret: false,
    default: String(DEFAULT_CREATE_ATTEMPTS),
    description:
      `sends of one certificate apply or CA create at most, the first included, 1–${CREATE_ATTEMPTS_LIMIT}: ` +
      "after an ambiguous failure it is re-sent only once a lookup showed that nothing was created; 1 never re-sends",
  },
  {
    key: "createTimeBudgetMs",
    env: ["HW_CCM_CREATE_TIME_BUDGET_MS"],
    secret: false,
    default: String(DEFAULT_CREATE_TIME_BUDGET_MS),
    description: `no re-send of a create starts later than this after its first send, in ms, 0–${CREATE_TIME_BUDGET_LIMIT_MS}`,
  },
  {
    key: "maxConnections",
    env: ["HW_CCM_MAX_CONNECTIONS"],
    secret: false,
    default: String(DEFAULT_MAX_CONNECTIONS),
    description: `TCP connections per endpoint (and CA bundle) at most, 1–${MAX_CONNECTIONS_LIMIT}`,
  },
];

/** A secret string that will not print itself: not in JSON, not in util.inspect, not in templates. */
export class SecretValue {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return "[redacted]";
  }
  toJSON(): string {
    return "[redacted]";
  }
  [inspect.custom](): string {
    return "SecretValue([redacted])";
  }
}

export type Credentials =
  | {
      readonly kind: "aksk";
      readonly accessKey: SecretValue;
      readonly secretKey: SecretValue;
      readonly securityToken: SecretValue | undefined;
      /** Where each part came from (key / variable names only), for error hints. */
      readonly sources: string;
    }
  | { readonly kind: "token"; readonly authToken: SecretValue; readonly sources: string };

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
  /** Most sockets the pool of one endpoint holds (one pool per endpoint, CA bundle and size). */
  readonly maxConnections: number;
}

type Env = Readonly<Record<string, string | undefined>>;

interface Found {
  readonly value: string;
  readonly source: string;
}

/** Looks a stack-config key up, namespaced first, then bare (for callers outside Pulumi). */
function fromStack(stack: Env, key: string): Found | undefined {
  for (const name of [`${CONFIG_NAMESPACE}:${key}`, key]) {
    const value = stack[name];
    if (value !== undefined && value.trim() !== "")
      return { value: value.trim(), source: `${CONFIG_NAMESPACE}:${key}` };
  }
  return undefined;
}

function fromEnv(env: Env, names: readonly string[]): Found | undefined {
  for (const name of names) {
    const value = env[name];
    if (value !== undefined && value.trim() !== "") return { value: value.trim(), source: name };
  }
  return undefined;
}

function setting(key: string): ConfigSetting {
  const found = CONFIG_SETTINGS.find((s) => s.key === key);
  if (!found) throw new TypeError(`unknown setting ${key}`);
  return found;
}

function lookup(stack: Env, env: Env, key: string): Found | undefined {
  return fromStack(stack, key) ?? fromEnv(env, setting(key).env);
}

/** Every place a setting is looked up: the namespaced stack key, then its variables. */
export function placesOf(key: string): string[] {
  return [`${CONFIG_NAMESPACE}:${key}`, ...setting(key).env];
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
    maxConnections: resolveInt(stackConfig, env, "maxConnections", DEFAULT_MAX_CONNECTIONS, 1, MAX_CONNECTIONS_LIMIT),
  };
}

// Credentials come as a unit from the first *layer* (stack config, HW_* variables, SDK
// variables) that has any: a token in the stack config is not overridden by keys lying around in
// the environment. Within AK/SK, a missing secret key may come from a later layer (access key in
// the stack, HW_SECRET_KEY in CI); the sources are recorded so a bad-signature hint can name them.
function resolveCredentials(stack: Env, env: Env): Credentials {
  const layers: { name: string; get: (key: string) => Found | undefined }[] = [
    { name: "stack config", get: (key) => fromStack(stack, key) },
    {
      name: "HW_* environment",
      get: (key) =>
        fromEnv(
          env,
          setting(key).env.filter((v) => v.startsWith("HW_")),
        ),
    },
    {
      name: "SDK environment",
      get: (key) =>
        fromEnv(
          env,
          setting(key).env.filter((v) => v.startsWith("HUAWEICLOUD_SDK_")),
        ),
    },
  ];
  const first = layers.find((layer) => layer.get("accessKey") || layer.get("secretKey") || layer.get("authToken"));
  const looked = [
    `${placesOf("accessKey").join(" / ")} with ${placesOf("secretKey").join(" / ")}`,
    placesOf("authToken").join(" / "),
  ];
  if (!first) {
    throw new CcmConfigError(
      `no Huawei Cloud credentials found; looked for an AK/SK pair in ${looked[0]}, and for an IAM token in ${looked[1]}`,
      [...placesOf("accessKey"), ...placesOf("secretKey"), ...placesOf("authToken")],
    );
  }
  const accessKey = first.get("accessKey");
  const token = first.get("authToken");
  if (!accessKey && token)
    return { kind: "token", authToken: new SecretValue(token.value), sources: `token from ${token.source}` };
  if (!accessKey) {
    throw new CcmConfigError(
      `a secret key is configured (${first.get("secretKey")?.source}) but no access key; looked in ${placesOf("accessKey").join(", ")}`,
      placesOf("accessKey"),
    );
  }
  const secretKey = layers.map((layer) => layer.get("secretKey")).find((found) => found !== undefined);
  if (!secretKey) {
    throw new CcmConfigError(
      `an access key is configured (${accessKey.source}) but no secret key; looked in ${placesOf("secretKey").join(", ")}`,
      placesOf("secretKey"),
    );
  }
  const securityToken = first.get("securityToken");
  const parts = [`access key from ${accessKey.source}`, `secret key from ${secretKey.source}`];
  if (securityToken) parts.push(`security token from ${securityToken.source}`);
  return {
    kind: "aksk",
    accessKey: new SecretValue(accessKey.value),
    secretKey: new SecretValue(secretKey.value),
    securityToken: securityToken ? new SecretValue(securityToken.value) : undefined,
    sources: parts.join(", "),
  };
}

function resolveEndpoints(
  stack: Env,
  env: Env,
  region: string | undefined,
  cloud: string,
  allowInsecureHttp: boolean,
): Partial<Record<ServiceName, string>> {
  const fromObject = endpointsObject(stack);
  const endpoints: Partial<Record<ServiceName, string>> = {};
  for (const service of SERVICES) {
    const spec = SERVICE_ENDPOINTS[service];
    const objectValue = fromObject[service];
    const found =
      fromStack(stack, spec.configKey) ??
      (typeof objectValue === "string" && objectValue.trim() !== ""
        ? { value: objectValue, source: `${CONFIG_NAMESPACE}:endpoints.${service}` }
        : undefined) ??
      fromEnv(env, [spec.envVar]);
    if (found) {
      endpoints[service] = checkedEndpoint(found, allowInsecureHttp);
    } else if (region) {
      endpoints[service] = defaultEndpoint(service, region, cloud);
    }
    // NO-OP otherwise: a stack that only talks to CCM need not configure SCM; endpointFor()
    // reports the missing region or endpoint when a call to that service runs.
  }
  return endpoints;
}

/** The `endpoints` JSON object of the stack config ({} when absent), with known services only. */
function endpointsObject(stack: Env): Record<string, unknown> {
  const objectText = fromStack(stack, "endpoints");
  if (!objectText) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(objectText.value);
  } catch {
    throw new CcmConfigError(`${objectText.source} is not valid JSON (expected {"ccm":"https://…",…})`, [
      objectText.source,
    ]);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new CcmConfigError(`${objectText.source} must be a JSON object such as {"ccm":"https://…"}`, [
      objectText.source,
    ]);
  }
  const unknown = Object.keys(parsed).filter((k) => !(SERVICES as readonly string[]).includes(k));
  if (unknown.length > 0) {
    throw new CcmConfigError(
      `${objectText.source} has unknown services ${unknown.join(", ")} (known: ${SERVICES.join(", ")})`,
      [objectText.source],
    );
  }
  return parsed as Record<string, unknown>;
}

/** A configured endpoint, normalised; plain http:// off this machine only when allowed. */
function checkedEndpoint(found: Found, allowInsecureHttp: boolean): string {
  const normalized = normalizeEndpoint(found.value);
  if ("error" in normalized) throw new CcmConfigError(`${found.source} ${normalized.error}`, [found.source]);
  if (!allowInsecureHttp && isRemotePlainHttp(normalized.url)) {
    const optIn = placesOf("allowInsecureHttp");
    throw new CcmConfigError(
      `${found.source} is plain http:// to a host that is not loopback: the token or signature and exported ` +
        `private keys would travel unencrypted. Use https://, or allow it with ${optIn.join(" / ")} = true`,
      [found.source, ...optIn],
    );
  }
  return normalized.url;
}

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

/** Plain http:// to anything but this machine (127.0.0.0/8, ::1, localhost). */
function isRemotePlainHttp(url: string): boolean {
  const parsed = new URL(url);
  if (parsed.protocol !== "http:") return false;
  const host = parsed.hostname.toLowerCase();
  const loopback =
    host === "localhost" || host.endsWith(".localhost") || host === "[::1]" || /^127(\.\d{1,3}){3}$/.test(host);
  return !loopback;
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
