// examples/quickstart — the root demo stack — through the real engine against the emulator:
// up → preview with no change and no API call → refresh → destroy, leaving no active CA or
// certificate behind.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestEmulator } from "../harness/emulator.js";
import { outputString, type TestStack } from "../harness/stack.js";
import { opensslVerify, Scratch } from "../harness/tools.js";

describe("examples/quickstart", () => {
  let emulator: TestEmulator;
  let stack: TestStack;
  const scratch = new Scratch();

  beforeAll(async () => {
    emulator = await TestEmulator.start();
    stack = emulator.stack({
      program: "examples/quickstart",
      secrets: { pfxPassword: "Pfx-Demo_1" },
    });
  });
  afterAll(async () => {
    await stack?.dispose();
    await emulator?.close();
    scratch.dispose();
  });

  it("up builds the PKI; the chain verifies up to the root with openssl", async () => {
    const { outputs, changes } = await stack.up();
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
    const before = await emulator.requestCount();
    expect(await stack.previewNoChanges()).toEqual({ same: 6 });
    expect(await emulator.requestCount()).toBe(before);
    expect(await stack.refresh()).toEqual({ same: 6 });
  });

  it("destroy revokes and deletes the certificate and schedules both CAs for deletion", async () => {
    expect(await stack.destroy()).toEqual({ delete: 6 });
    const inventory = await emulator.inventory();
    expect(inventory.certificates).toEqual([]);
    expect(inventory.certificate_authorities.map((ca) => ca.status).sort()).toEqual(["DELETED", "DELETED"]);
  });
});
