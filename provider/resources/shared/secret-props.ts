// What every resource class does with its declared secrets: wrap the values given for them in
// pulumi.secret — so they are encrypted in state even when the program passes plain strings — and
// ask the engine to treat the outputs of those names as secrets.
import * as pulumi from "@pulumi/pulumi";

/** `props` with every given value of a secret property wrapped; undefined ones (outputs to be) stay. */
export function withSecretInputs<P extends Record<string, unknown>>(secrets: readonly string[], props: P): P {
  const wrapped: Record<string, unknown> = { ...props };
  for (const name of secrets) {
    const value = wrapped[name];
    if (value !== undefined) wrapped[name] = pulumi.secret(value);
  }
  return wrapped as P;
}

/** The resource options with the secret properties added to `additionalSecretOutputs`. */
export function withSecretOutputs(
  secrets: readonly string[],
  opts: pulumi.CustomResourceOptions | undefined,
): pulumi.CustomResourceOptions {
  return { ...opts, additionalSecretOutputs: [...secrets, ...(opts?.additionalSecretOutputs ?? [])] };
}
