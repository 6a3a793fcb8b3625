// The endpoint a call goes to, from the resolved config; when none is configured, the error names
// every place one could have come from.
import { CONFIG_NAMESPACE, placesOf, type ResolvedConfig } from "../config.js";
import { CcmConfigError, type ServiceName } from "../errors.js";
import { SERVICE_ENDPOINTS } from "../service-endpoints.js";

/** The endpoint of `service`, or a CcmConfigError naming every place it could have come from. */
export function endpointFor(config: ResolvedConfig, service: ServiceName): string {
  const endpoint = config.endpoints[service];
  if (endpoint) return endpoint;
  const spec = SERVICE_ENDPOINTS[service];
  const places = [
    ...placesOf("region"),
    `${CONFIG_NAMESPACE}:${spec.configKey}`,
    `${CONFIG_NAMESPACE}:endpoints`,
    spec.envVar,
  ];
  throw new CcmConfigError(
    `no region and no ${service.toUpperCase()} endpoint configured; looked in ${places.join(", ")}`,
    places,
  );
}
