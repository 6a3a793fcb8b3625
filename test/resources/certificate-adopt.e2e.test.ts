// PrivateCertificate.get: a certificate made outside the stack, looked up by id (dynamic providers
// cannot `pulumi import`), its bundle exported — and left alone by destroy.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestEmulator } from "../harness/emulator.js";
import { outputString, type TestStack } from "../harness/stack.js";
import { createRootCa } from "./fixtures.js";

describe("PrivateCertificate.get", () => {
  let emulator: TestEmulator;
  let stack: TestStack;
  let certificateId: string;
  let caId: string;

  beforeAll(async () => {
    emulator = await TestEmulator.start();
    ({ caId } = await createRootCa(emulator));
    ({ certificateId } = await emulator.client().certificates.apply({
      issuerId: caId,
      keyAlgorithm: "RSA2048",
      signatureAlgorithm: "SHA256",
      distinguishedName: { commonName: "legacy.internal.example" },
      validity: { type: "DAY", value: 10 },
    }));
    stack = emulator.stack({ program: "test/programs/adopt", config: { certificateId } });
  });
  afterAll(async () => {
    await stack?.dispose();
    await emulator?.close();
  });

  it("reads the certificate's details from the API", async () => {
    const { outputs } = await stack.up();
    const [entry] = (await emulator.inventory()).certificates;
    expect(outputs.status?.value).toBe("ISSUED");
    expect(outputs.issuerId?.value).toBe(caId);
    expect(outputs.keyAlgorithm?.value).toBe("RSA2048");
    expect(outputs.subject?.value).toMatchObject({ commonName: "legacy.internal.example", country: "CN" });
    expect(outputs.serialNumber?.value).toBe(entry?.serial_number);
    expect(outputString(outputs, "bundleSerialNumber").toLowerCase()).toBe(entry?.serial_number?.toLowerCase());
  });

  it("a second preview is quiet and destroy leaves the certificate in place", async () => {
    await stack.previewNoChanges();
    await stack.destroy();
    const [entry] = (await emulator.inventory()).certificates;
    expect(entry).toMatchObject({ id: certificateId, status: "ISSUED" });
  });
});
