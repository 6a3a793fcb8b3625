// Through the real CLI: a bad value in every secret input of every resource is refused at preview
// (zero API calls), each property named, and the value appears nowhere in the CLI's output. The
// program (test/programs/secret-inputs) passes the values as the classes receive them from users.
import { describe, expect, it } from "vitest";
import type { ResourceTypeName } from "../../provider/resources/registry.js";
import { useEmulatorStacks } from "../harness/emulator-stacks.js";
import { PulumiRunError } from "../harness/stack.js";
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
  // No secrets at all: ids and a reason.
  Revocation: [],
};

describe("no secret input is echoed by check, through the CLI", () => {
  const setup = useEmulatorStacks();

  it.each(RESOURCE_TYPES)("%s: the program feeds every secret input", (type) => {
    expect([...FED[type]].sort()).toEqual(secretInputs(type));
  });

  it.each(RESOURCE_TYPES.filter((type) => FED[type].length > 0))("%s", async (type) => {
    const stack = setup.stack({
      program: "test/programs/secret-inputs",
      stack: type,
      config: { resource: type, marker: MARKER },
    });
    const failure = await stack.preview().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PulumiRunError);
    const { stdout, stderr } = failure as PulumiRunError;
    for (const name of FED[type]) expect(stderr).toMatch(new RegExp(`has a problem: ${name} `));
    expect(`${stdout}${stderr}`).not.toContain(MARKER);
    expect(await setup.emulator.requestCount()).toBe(0);
  });
});
