// Credentials: an AK/SK pair (with an optional security token for temporary credentials) or an
// IAM token, wrapped so that a value cannot print itself by accident. Where each part came from
// is kept (names only) because a rejected signature is far easier to fix when the error says
// which key and which variable were used.
import { inspect } from "node:util";
import { type Env, type Found, fromEnv, fromStack, placesOf, setting } from "./config-lookup.js";
import { CcmConfigError } from "./errors.js";

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

/** One place credentials come from as a unit: the stack config, the HW_* or the SDK variables. */
interface CredentialLayer {
  readonly name: string;
  get(key: string): Found | undefined;
}

/** The layers in precedence order. */
function credentialLayers(stack: Env, env: Env): CredentialLayer[] {
  // A setting from those of its variables whose names start with `prefix`.
  const variablesStartingWith = (prefix: string) => (key: string) => {
    const names = setting(key).env.filter((v) => v.startsWith(prefix));
    return fromEnv(env, names);
  };
  return [
    { name: "stack config", get: (key) => fromStack(stack, key) },
    { name: "HW_* environment", get: variablesStartingWith("HW_") },
    { name: "SDK environment", get: variablesStartingWith("HUAWEICLOUD_SDK_") },
  ];
}

// Credentials come as a unit from the first *layer* (stack config, HW_* variables, SDK
// variables) that has any: a token in the stack config is not overridden by keys lying around in
// the environment. Within AK/SK, a missing secret key may come from a later layer (access key in
// the stack, HW_SECRET_KEY in CI); the sources are recorded so a bad-signature hint can name them.
export function resolveCredentials(stack: Env, env: Env): Credentials {
  const layers = credentialLayers(stack, env);
  const first = layers.find((layer) => layer.get("accessKey") || layer.get("secretKey") || layer.get("authToken"));
  if (!first) throw noCredentialsError();
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
  return akskCredentials(accessKey, secretKey, first.get("securityToken"));
}

/** None of the layers holds a key or a token: the error lists every place looked in. */
function noCredentialsError(): CcmConfigError {
  const pair = `${placesOf("accessKey").join(" / ")} with ${placesOf("secretKey").join(" / ")}`;
  return new CcmConfigError(
    `no Huawei Cloud credentials found; looked for an AK/SK pair in ${pair}, and for an IAM token in ${placesOf("authToken").join(" / ")}`,
    [...placesOf("accessKey"), ...placesOf("secretKey"), ...placesOf("authToken")],
  );
}

function akskCredentials(accessKey: Found, secretKey: Found, securityToken: Found | undefined): Credentials {
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
