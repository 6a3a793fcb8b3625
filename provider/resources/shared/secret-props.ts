// What every resource class does with its secret properties (SECRET_PROPERTIES): wrap the values
// given for them in pulumi.secret — so they are encrypted in state even when the program passes
// plain strings — and ask the engine to treat the outputs of those names as secrets.
import * as pulumi from "@pulumi/pulumi";
import type { ResourceTypeName } from "../../runtime/resource-types.js";
import { SECRET_PROPERTIES } from "./secrets.js";

/** `props` with every given value of a secret property wrapped; undefined ones (outputs to be) stay. */
export function withSecretInputs<P extends Record<string, unknown>>(type: ResourceTypeName, props: P): P {
  const wrapped: Record<string, unknown> = { ...props };
  for (const name of SECRET_PROPERTIES[type]) {
    const value = wrapped[name];
    if (value !== undefined) wrapped[name] = pulumi.secret(value);
  }
  return wrapped as P;
}

/** The resource options with the secret properties added to `additionalSecretOutputs`. */
export function withSecretOutputs(
  type: ResourceTypeName,
  opts: pulumi.CustomResourceOptions | undefined,
): pulumi.CustomResourceOptions {
  return { ...opts, additionalSecretOutputs: [...SECRET_PROPERTIES[type], ...(opts?.additionalSecretOutputs ?? [])] };
}
