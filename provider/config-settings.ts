// The table of settings: every key the provider reads, the environment variables that stand in
// for it, whether it is secret, its default and what it does. It is the single description of
// the configuration: the resolver (config.ts), the plugin's schema and the README's
// "Configuration" section all follow it, so a setting is added here first. The limits beside
// the defaults are the ranges the resolver accepts.
import { DEFAULT_CLOUD, SERVICE_ENDPOINTS, SERVICES } from "./service-endpoints.js";
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
/** The wait before the first lookup after an ambiguous create (ms); later lookups double it. */
export const DEFAULT_CREATE_SETTLE_MS = 2_000;
/** The longest first wait the resolver accepts (ms): the waits stop doubling at 30 s anyway. */
export const CREATE_SETTLE_LIMIT_MS = 30_000;
/** The ranges the resolver accepts; the descriptions below quote them. */
export const MAX_RETRIES_LIMIT = 20;
export const CREATE_ATTEMPTS_LIMIT = 10;
export const CREATE_TIME_BUDGET_LIMIT_MS = 3_600_000;
export const MAX_CONNECTIONS_LIMIT = 256;

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
    key: "createSettleMs",
    env: ["HW_CCM_CREATE_SETTLE_MS"],
    secret: false,
    default: String(DEFAULT_CREATE_SETTLE_MS),
    description:
      `wait before the first lookup after a create whose outcome is unknown, in ms, 0–${CREATE_SETTLE_LIMIT_MS}; ` +
      "each later lookup waits twice as long (at most 30 s): lower it where the service shows a new object at once",
  },
  {
    key: "maxConnections",
    env: ["HW_CCM_MAX_CONNECTIONS"],
    secret: false,
    default: String(DEFAULT_MAX_CONNECTIONS),
    description: `TCP connections per endpoint (and CA bundle) at most, 1–${MAX_CONNECTIONS_LIMIT}`,
  },
];
