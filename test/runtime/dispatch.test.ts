// The runtime's dispatch as the dynamic-provider host calls it: a create that fails after the
// object exists must hand back properties the host can later load the provider from.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ResourceInitError } from "../../provider/errors.js";
import { rememberStackConfig } from "../../provider/kernel/context.js";
import { dispatch } from "../../provider/runtime/dispatch.js";
import { DEMO_AK, DEMO_SK, TestEmulator } from "../harness/emulator.js";
import { createRootCa } from "../resources/fixtures.js";

const PROVIDER = "exports.handler = __f0; /* the serialized shim */";

describe("dispatch: partial creates keep __provider", () => {
  let emulator: TestEmulator;
  let caId: string;

  beforeAll(async () => {
    emulator = await TestEmulator.start();
    rememberStackConfig({
      get: (key: string) =>
        ({
          "huaweicloud-ccm:accessKey": DEMO_AK,
          "huaweicloud-ccm:secretKey": DEMO_SK,
          "huaweicloud-ccm:endpoints": JSON.stringify({ ccm: emulator.url, scm: emulator.url, sms: emulator.url }),
        })[key],
    });
    ({ caId } = await createRootCa(emulator));
  });
  afterAll(async () => {
    rememberStackConfig(undefined);
    await emulator?.close();
  });

  it("adds the inputs' __provider to the properties of a ResourceInitError from create", async () => {
    // The tag POST fails once the certificate exists.
    await emulator.setFaults([
      { kind: "error", method: "POST", path: "/tags/create$", status: 403, count: 1, error_code: "PCA.00030203" },
    ]);
    const inputs = {
      __provider: PROVIDER,
      issuerId: caId,
      keyAlgorithm: "EC256",
      signatureAlgorithm: "SHA256",
      distinguishedName: { commonName: "dispatch.internal.example" },
      validity: { type: "DAY", value: 30 },
      tags: { team: "platform" },
    };
    const failure = await dispatch("PrivateCertificate", "create", [inputs]).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ResourceInitError);
    const { id, properties } = failure as ResourceInitError;
    expect((await emulator.inventory()).certificates.map((c) => c.id)).toEqual([id]);
    expect(properties).toMatchObject({ __provider: PROVIDER, certificateId: id, status: "UNKNOWN" });
    // The recorded properties serve read and delete as the host would call them.
    const read = (await dispatch("PrivateCertificate", "read", [id, properties])) as { props: Record<string, unknown> };
    expect(read.props).toMatchObject({ certificateId: id, status: "ISSUED" });
    await dispatch("PrivateCertificate", "delete", [id, properties]);
    expect((await emulator.inventory()).certificates.filter((c) => !c.deleted)).toEqual([]);
  });

  it("leaves other errors alone", async () => {
    const inputs = { __provider: PROVIDER, issuerId: "00000000-0000-4000-8000-000000000000" };
    const failure = await dispatch("PrivateCertificate", "create", [inputs]).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toBeInstanceOf(ResourceInitError);
    expect((failure as { properties?: unknown }).properties).toBeUndefined();
  });
});
