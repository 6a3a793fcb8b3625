// Through the real CLI: a bad value in every secret input of every resource is refused at preview
// (zero API calls), each property named, and the value appears nowhere in the CLI's output. The
// program (test/programs/secret-inputs) passes the values as the classes receive them from users.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ResourceTypeName } from "../../provider/resources/registry.js";
import { TestEmulator } from "../harness/emulator.js";
import { PulumiRunError, type TestStack } from "../harness/stack.js";
import { RESOURCE_TYPES, secretInputs } from "./secret-inputs.js";

const MARKER = "do-not-echo-c41e";

/** The secret inputs test/programs/secret-inputs gives a bad value, per resource. */
const FED: Record<ResourceTypeName, string[]> = {
  PrivateCa: ["certificateChainPem", "certificatePem"],
  IntermediateCaCertificate: ["csrPem"],
  PrivateCertificate: ["csrPem"],
  CertificateBundle: ["password"],
  // No secret inputs (their secrets are outputs only).
  ScmCertificateBundle: [],
  MigrationTaskCertKey: [],
};

describe("no secret input is echoed by check, through the CLI", () => {
  let emulator: TestEmulator;
  const stacks: TestStack[] = [];

  beforeAll(async () => {
    emulator = await TestEmulator.start();
  });
  afterAll(async () => {
    for (const stack of stacks) await stack.dispose();
    await emulator?.close();
  });

  it.each(RESOURCE_TYPES)("%s: the program feeds every secret input", (type) => {
    expect([...FED[type]].sort()).toEqual(secretInputs(type));
  });

  it.each(RESOURCE_TYPES.filter((type) => FED[type].length > 0))("%s", async (type) => {
    const stack = emulator.stack({
      program: "test/programs/secret-inputs",
      stack: type,
      config: { resource: type, marker: MARKER },
    });
    stacks.push(stack);
    const failure = await stack.preview().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PulumiRunError);
    const { stdout, stderr } = failure as PulumiRunError;
    for (const name of FED[type]) expect(stderr).toMatch(new RegExp(`has a problem: ${name} `));
    expect(`${stdout}${stderr}`).not.toContain(MARKER);
    expect(await emulator.requestCount()).toBe(0);
  });
});
