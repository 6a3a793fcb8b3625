// Property values between the engine's protobuf Structs and the handlers' plain objects. The plugin
// answers Configure with acceptSecrets, so secrets reach it wrapped in the engine's secret envelope
// (a special-signature object); the handlers take plain values, so inputs are unwrapped here, and
// every value that was secret going in — plus the secrets the resource's declaration names — is
// wrapped again coming out, which is how a native provider marks its outputs secret in state.
import * as structproto from "google-protobuf/google/protobuf/struct_pb";
import type { Props } from "../resources/call.js";

/** The engine's "special value" key and the signature of a secret (sdk/go/common/resource/sig). */
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

export type { Props };

export interface Unwrapped {
  props: Props;
  /** Top-level properties that held a secret anywhere inside them. */
  secret: Set<string>;
}

function isSecretEnvelope(value: unknown): value is { value?: unknown } {
  return typeof value === "object" && value !== null && (value as Props)[SIG_KEY] === SECRET_SIG;
}

function reveal(value: unknown): { value: unknown; secret: boolean } {
  if (isSecretEnvelope(value)) return { value: reveal(value.value).value, secret: true };
  if (Array.isArray(value)) {
    const items = value.map(reveal);
    return { value: items.map((i) => i.value), secret: items.some((i) => i.secret) };
  }
  if (typeof value === "object" && value !== null) {
    let secret = false;
    const out: Props = {};
    for (const [key, item] of Object.entries(value)) {
      const revealed = reveal(item);
      out[key] = revealed.value;
      secret ||= revealed.secret;
    }
    return { value: out, secret };
  }
  return { value, secret: false };
}

export function fromStruct(struct: structproto.Struct | undefined): Unwrapped {
  const raw = (struct?.toJavaScript() ?? {}) as Props;
  const props: Props = {};
  const secret = new Set<string>();
  for (const [key, value] of Object.entries(raw)) {
    const revealed = reveal(value);
    props[key] = revealed.value;
    if (revealed.secret) secret.add(key);
  }
  return { props, secret };
}

/**
 * A Struct of `props` with the named top-level properties wrapped as secrets. JSON's round trip
 * drops undefined entries, which protobuf's Value cannot hold.
 */
export function toStruct(props: object | undefined, secret: Iterable<string>): structproto.Struct {
  const plain = JSON.parse(JSON.stringify(props ?? {})) as Props;
  for (const key of secret) {
    if (plain[key] !== undefined && plain[key] !== null) plain[key] = { [SIG_KEY]: SECRET_SIG, value: plain[key] };
  }
  return structproto.Struct.fromJavaScript(plain as Record<string, structproto.JavaScriptValue>);
}
