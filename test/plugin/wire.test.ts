// Secrets between the engine and the handlers: unwrapped going in (recording which properties held
// one), wrapped again coming out — the plugin's only way to mark outputs secret in state.
import { describe, expect, it } from "vitest";
import { fromStruct, toStruct } from "../../provider/plugin/wire.js";

const SIG = "4dabf18193072939515e22adb298388d";
const secret = (value: unknown) => ({ [SIG]: "1b47061264138c4ac30d75fd1eb44270", value });

describe("plugin wire values", () => {
  it("unwraps secrets, nested ones too, and names the top-level properties that held them", () => {
    const struct = toStruct({ csrPem: "PEM", validity: { type: "DAY", value: 3 }, tags: { a: "x" } }, ["csrPem"]);
    expect(struct.toJavaScript().csrPem).toEqual(secret("PEM"));
    const { props, secret: held } = fromStruct(
      toStruct({ plain: 1, nested: { inner: secret("s") }, list: [secret("t")] }, []),
    );
    expect(props).toEqual({ plain: 1, nested: { inner: "s" }, list: ["t"] });
    expect([...held].sort()).toEqual(["list", "nested"]);
  });

  it("drops undefined values and never wraps a missing secret", () => {
    const out = toStruct({ a: undefined, privateKeyPem: undefined, b: "x" }, ["privateKeyPem"]).toJavaScript();
    expect(out).toEqual({ b: "x" });
  });
});
