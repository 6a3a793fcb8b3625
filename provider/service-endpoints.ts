// Endpoints as data (docs/api-facts.md §1): one host per service and region, under a configurable cloud
// domain. The exceptions are the ones the official SDK region tables list. A leaf module: config.ts
// reads the table to resolve endpoints, client/endpoints.ts to explain a missing one.
import type { ServiceName } from "./errors.js";

export const DEFAULT_CLOUD = "myhuaweicloud.com";

export interface ServiceEndpointSpec {
  /** Host prefix: https://{prefix}.{region}.{cloud} */
  readonly prefix: string;
  /** Stack-config key overriding the endpoint (besides the `endpoints` JSON object). */
  readonly configKey: string;
  /** Environment variable overriding the endpoint. */
  readonly envVar: string;
  /** Regions whose endpoint does not follow the pattern (SDK region tables, default cloud only). */
  readonly exceptions: Readonly<Record<string, string>>;
}

export const SERVICE_ENDPOINTS: Readonly<Record<ServiceName, ServiceEndpointSpec>> = {
  ccm: {
    prefix: "ccm",
    configKey: "ccmEndpoint",
    envVar: "HW_CCM_ENDPOINT",
    exceptions: { "sa-brazil-1": "https://ccm.myhuaweicloud.com" },
  },
  scm: { prefix: "scm", configKey: "scmEndpoint", envVar: "HW_SCM_ENDPOINT", exceptions: {} },
  sms: {
    prefix: "sms",
    configKey: "smsEndpoint",
    envVar: "HW_SMS_ENDPOINT",
    exceptions: { "ru-moscow-1": "https://sms-api.ru-moscow-1.myhuaweicloud.com" },
  },
};

export const SERVICES: readonly ServiceName[] = ["ccm", "scm", "sms"];

/** The default endpoint of `service` in `region` under `cloud`. */
export function defaultEndpoint(service: ServiceName, region: string, cloud: string): string {
  const spec = SERVICE_ENDPOINTS[service];
  const exception = cloud === DEFAULT_CLOUD ? spec.exceptions[region] : undefined;
  return exception ?? `https://${spec.prefix}.${region}.${cloud}`;
}

/** Validates an endpoint URL and strips a trailing "/"; returns an error text instead of throwing. */
export function normalizeEndpoint(value: string): { url: string } | { error: string } {
  let parsed: URL;
  try {
    parsed = new URL(value.trim());
  } catch {
    return { error: "is not a URL" };
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return { error: "must be an http(s) URL" };
  if (parsed.search || parsed.hash) return { error: "must not have a query or fragment" };
  if (parsed.username || parsed.password) return { error: "must not carry credentials" };
  const path = parsed.pathname.replace(/\/+$/, "");
  return { url: `${parsed.origin}${path}` };
}
