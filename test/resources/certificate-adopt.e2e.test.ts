// PrivateCertificate.get: a certificate made outside the stack, looked up by id (dynamic providers
// cannot `pulumi import`), its bundle exported — and left alone by destroy.
import { describe, expect, it } from "vitest";
import { usePreparedStack } from "../harness/emulator-stacks.js";
import { outputString } from "../harness/stack.js";
import { createRootCa } from "./fixtures.js";

describe("PrivateCertificate.get", () => {
  let certificateId: string;
  let caId: string;
  const setup = usePreparedStack(async (emulator) => {
    ({ caId } = await createRootCa(emulator));
    ({ certificateId } = await emulator.client().certificates.apply({
      issuerId: caId,
      keyAlgorithm: "RSA2048",
      signatureAlgorithm: "SHA256",
      distinguishedName: { commonName: "legacy.internal.example" },
      validity: { type: "DAY", value: 10 },
    }));
    return { program: "test/programs/adopt", config: { certificateId } };
  });

  it("reads the certificate's details from the API", async () => {
    const { outputs } = await setup.stack.up();
    const [entry] = (await setup.emulator.inventory()).certificates;
    expect(outputs.status?.value).toBe("ISSUED");
    expect(outputs.issuerId?.value).toBe(caId);
    expect(outputs.keyAlgorithm?.value).toBe("RSA2048");
    expect(outputs.subject?.value).toMatchObject({ commonName: "legacy.internal.example", country: "CN" });
    expect(outputs.serialNumber?.value).toBe(entry?.serial_number);
    expect(outputString(outputs, "bundleSerialNumber").toLowerCase()).toBe(entry?.serial_number?.toLowerCase());
  });

  it("a second preview is quiet and destroy leaves the certificate in place", async () => {
    await setup.stack.previewNoChanges();
    await setup.stack.destroy();
    const [entry] = (await setup.emulator.inventory()).certificates;
    expect(entry).toMatchObject({ id: certificateId, status: "ISSUED" });
  });
});
