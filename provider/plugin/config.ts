// Provider configuration as the engine hands it to a native plugin's Configure: `variables` keyed
// "huaweicloud-ccm:accessKey" (the stack config of our namespace, secrets decrypted) and `args`, the
// provider resource's inputs keyed by bare name (an explicit provider, or the default provider's
// config as a Struct, secrets wrapped). Both become the one lookup the kernel's context reads (rememberStackConfig), so
// the precedence stays the runtime's: this stack config first, then the HW_* environment.
import type { ConfigureRequest } from "@pulumi/pulumi/proto/provider_pb";
import { CONFIG_NAMESPACE } from "../config.js";
import type { StackConfigSource } from "../kernel/context.js";
import { fromStruct } from "./wire.js";

export function configFromRequest(request: ConfigureRequest): StackConfigSource {
  const values = new Map<string, string>();
  for (const [key, value] of Object.entries(fromStruct(request.getArgs()).props)) {
    if (value === undefined || value === null || key === "version") continue;
    values.set(`${CONFIG_NAMESPACE}:${key}`, typeof value === "string" ? value : JSON.stringify(value));
  }
  request.getVariablesMap().forEach((value, key) => {
    if (!values.has(key)) values.set(key, value);
  });
  return { get: (key) => values.get(key) };
}
