// Where calls go: the endpoint of each service (CCM, SCM, SMS) from its own stack key, the
// `endpoints` JSON object or its variable, else the default for the region and cloud. A
// configured endpoint is checked here rather than at the first call, so a typo or a plain
// http:// to another machine (credentials and exported keys in the clear) fails before anything
// is sent.
import { type Env, type Found, fromEnv, fromStack, placesOf } from "./config-lookup.js";
import { CONFIG_NAMESPACE } from "./config-settings.js";
import { CcmConfigError, type ServiceName } from "./errors.js";
import { defaultEndpoint, normalizeEndpoint, SERVICE_ENDPOINTS, SERVICES } from "./service-endpoints.js";

/** The endpoint of each service: its own key, the `endpoints` object, its variable, and else the
 * default for the region; a service is left out when none of these exists. */
export function resolveEndpoints(
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

/** Plain http:// to anything but this machine (127.0.0.0/8, ::1, localhost). */
function isRemotePlainHttp(url: string): boolean {
  const parsed = new URL(url);
  if (parsed.protocol !== "http:") return false;
  const host = parsed.hostname.toLowerCase();
  const loopback =
    host === "localhost" || host.endsWith(".localhost") || host === "[::1]" || /^127(\.\d{1,3}){3}$/.test(host);
  return !loopback;
}
