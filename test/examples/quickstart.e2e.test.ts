// examples/quickstart — the root demo stack — through the real engine against the emulator:
// up → preview with no change and no API call → refresh → destroy, leaving no active CA or
// certificate behind.
import { describe, expect, it } from "vitest";
import { useEmulatorStack } from "../harness/emulator.js";
import { outputString } from "../harness/stack.js";
import { opensslVerify, useScratch } from "../harness/tools.js";

describe("examples/quickstart", () => {
  const setup = useEmulatorStack({
    program: "examples/quickstart",
    secrets: { pfxPassword: "Pfx-Demo_1" },
  });
  const scratch = useScratch();

  it("up builds the PKI; the chain verifies up to the root with openssl", async () => {
    const { outputs, changes } = await setup.stack.up();
    expect(changes).toEqual({ create: 6 });
    expect(outputs.status?.value).toBe("ISSUED");
    expect(outputs.pfxPassword).toEqual({ value: "Pfx-Demo_1", secret: true });
    const verify = await opensslVerify(
      scratch,
      outputString(outputs, "rootCertificatePem"),
      outputString(outputs, "fullChainPem"),
    );
    expect(verify.output).toContain(": OK");
  });

  it("preview plans nothing and calls no API; refresh changes nothing", async () => {
    const before = await setup.emulator.requestCount();
    expect(await setup.stack.previewNoChanges()).toEqual({ same: 6 });
    expect(await setup.emulator.requestCount()).toBe(before);
    expect(await setup.stack.refresh()).toEqual({ same: 6 });
  });

  it("destroy revokes and deletes the certificate and schedules both CAs for deletion", async () => {
    expect(await setup.stack.destroy()).toEqual({ delete: 6 });
    const inventory = await setup.emulator.inventory();
    expect(inventory.certificates).toEqual([]);
    expect(inventory.certificate_authorities.map((ca) => ca.status).sort()).toEqual(["DELETED", "DELETED"]);
  });
});
