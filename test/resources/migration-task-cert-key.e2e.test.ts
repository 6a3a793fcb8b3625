// examples/migration-certkey (MigrationTaskCertKey) through the real Pulumi CLI against the
// emulator, with an SMS migration task seeded there: every certificate and key a secret and
// checked by openssl; enable_ca_cert always sent; no-change previews without API calls; refresh
// that keeps unchanged material and drops a deleted task; destroy without API calls; bad input
// refused at preview.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { splitPemBlocks } from "../../provider/pem.js";
import { TestEmulator, useEmulatorStack } from "../harness/emulator.js";
import {
  expectNoChangePreviewWithoutApiCalls,
  expectNoPlaintextSecrets,
  expectOutputsHidden,
  expectSecretOutputs,
} from "../harness/expect-state.js";
import { type OutputValue, outputString, resourcesOfType, type TestStack } from "../harness/stack.js";
import { run, Scratch } from "../harness/tools.js";

const CERT_KEY = "pulumi-nodejs:dynamic/huaweicloud-ccm:MigrationTaskCertKey";
const TASK_ID = "5c8f2a9e-1d47-4e0b-9f3a-7b6c2d1e0f48";
/** Each certificate with its private key. */
const PAIRS = [
  ["certPem", "privateKeyPem"],
  ["targetMgmtCertPem", "targetMgmtPrivateKeyPem"],
  ["targetDataCertPem", "targetDataPrivateKeyPem"],
] as const;
const SECRET_OUTPUTS = [...PAIRS.flat(), "caPem"];

async function seedTask(emulator: TestEmulator): Promise<void> {
  await emulator.control("POST", "seed", { sms_tasks: [{ id: TASK_ID }] });
}

describe("examples/migration-certkey: a migration task's certificates and keys through the real engine", () => {
  let emulator: TestEmulator;
  let stack: TestStack;
  const requestLines: string[] = [];
  const scratch = new Scratch();
  let first: Record<string, OutputValue>;

  /** The certkey requests the emulator served, path and query as sent. */
  const certKeyRequests = () => requestLines.filter((line) => line.includes("/certkey"));

  beforeAll(async () => {
    // No startup seed: a reset then leaves SMS without the task, as if it were deleted there.
    emulator = await TestEmulator.start({ logRequests: true, log: (line) => requestLines.push(line) });
    await seedTask(emulator);
    stack = emulator.stack({
      program: "examples/migration-certkey",
      config: { taskId: TASK_ID, enableCaCert: "true" },
    });
  });
  afterAll(async () => {
    await stack?.dispose();
    await emulator?.close();
    scratch.dispose();
  });

  it("up fetches the task's certificates and keys (with the CA), every one a secret", async () => {
    const { outputs, changes } = await stack.up();
    first = outputs;
    expect(changes).toEqual({ create: 2 });
    for (const key of SECRET_OUTPUTS) {
      expect(outputs[key], key).toMatchObject({ secret: true });
      expect(outputString(outputs, key)).toMatch(/^-----BEGIN [A-Z ]+-----\n[\s\S]+-----END [A-Z ]+-----\n$/);
      expect(outputString(outputs, key)).not.toContain("\r");
    }
    expect(certKeyRequests()).toEqual([
      expect.stringMatching(`^GET /v3/tasks/${TASK_ID}/certkey\\?enable_ca_cert=true -> 200`),
    ]);
  });

  it("openssl: each key matches its certificate, and each certificate verifies against the CA", async () => {
    const ca = scratch.file("ca.pem", outputString(first, "caPem"));
    for (const [certificate, key] of PAIRS) {
      const certFile = scratch.file(`${certificate}.pem`, outputString(first, certificate));
      const fromKey = await run("openssl", [
        "pkey",
        "-pubout",
        "-in",
        scratch.file(`${key}.pem`, outputString(first, key)),
      ]);
      const fromCert = await run("openssl", ["x509", "-pubkey", "-noout", "-in", certFile]);
      expect(fromKey.code, fromKey.output).toBe(0);
      expect(fromKey.output, certificate).toContain("-----BEGIN PUBLIC KEY-----");
      expect(fromKey.output, certificate).toBe(fromCert.output);
      const verify = await run("openssl", ["verify", "-CAfile", ca, certFile]);
      expect(verify.output, certificate).toContain(": OK");
    }
    // Three different key pairs, not one shared.
    expect(new Set(PAIRS.map(([, key]) => outputString(first, key))).size).toBe(3);
  });

  it("preview after up plans no change and makes zero API calls", async () => {
    await expectNoChangePreviewWithoutApiCalls(stack, emulator, { same: 2 });
  });

  it("refresh of unchanged material fetches once and reports no change", async () => {
    const before = await emulator.requestCount();
    expect(await stack.refresh()).toEqual({ same: 2 });
    expect(await emulator.requestCount()).toBe(before + 1);
    await stack.previewNoChanges();
    expect(await stack.outputs()).toEqual(first);
  });

  it("stack export holds no PEM or credential in plaintext; stack output prints [secret]", async () => {
    const state = await stack.exportState();
    expectNoPlaintextSecrets(state);
    const [certKey] = resourcesOfType(state, CERT_KEY);
    expect(certKey?.id).toBe(`${TASK_ID}/ca`);
    expect(certKey?.outputs).toMatchObject({ taskId: TASK_ID, enableCaCert: true });
    expectSecretOutputs(certKey, SECRET_OUTPUTS);
    await expectOutputsHidden(stack, SECRET_OUTPUTS);
  });

  it("turning enableCaCert off replaces the material, and false is sent, not left to the service", async () => {
    stack.setConfig({ enableCaCert: "false" });
    const before = await emulator.requestCount();
    expect(await stack.preview()).toEqual({ same: 1, replace: 1 });
    expect(await emulator.requestCount()).toBe(before);
    const { outputs } = await stack.up();
    expect(outputs.caPem?.value).toBeUndefined();
    expect(outputString(outputs, "certPem")).not.toBe(outputString(first, "certPem"));
    // Without a CA, each certificate is self-signed.
    const cert = outputString(outputs, "certPem");
    expect(splitPemBlocks(cert)).toHaveLength(1);
    const verify = await run("openssl", [
      "verify",
      "-CAfile",
      scratch.file("self.pem", cert),
      scratch.file("leaf.pem", cert),
    ]);
    expect(verify.output).toContain(": OK");
    expect(certKeyRequests().at(-1)).toMatch(
      new RegExp(`^GET /v3/tasks/${TASK_ID}/certkey\\?enable_ca_cert=false -> 200`),
    );
    await stack.previewNoChanges();
  });

  it("refresh after the task is gone from SMS drops the material from state", async () => {
    await emulator.control("POST", "reset");
    expect(await stack.refresh()).toEqual({ same: 1, delete: 1 });
    expect(resourcesOfType(await stack.exportState(), CERT_KEY)).toEqual([]);
    expect(certKeyRequests().at(-1)).toMatch(/-> 404/);
  });

  it("destroy forgets the material without an API call (SMS owns the task)", async () => {
    await seedTask(emulator);
    expect((await stack.up()).changes).toMatchObject({ create: 1 });
    const before = await emulator.requestCount();
    expect(await stack.destroy()).toEqual({ delete: 2 });
    expect(await emulator.requestCount()).toBe(before);
  });
});

describe("MigrationTaskCertKey check: bad input is refused at preview, with zero API calls", () => {
  const setup = useEmulatorStack({
    program: "test/programs/scm-sms-bad-input",
    config: { resource: "sms" },
  });

  it("names taskId and enableCaCert", async () => {
    const message = await setup.stack.previewFailure();
    expect(message).toMatch(/taskId.*must be an SMS migration task id: 1–36 letters, digits, "-" or "_"/);
    expect(message).toMatch(/enableCaCert.*must be a boolean \(got a string\)/);
    expect(await setup.emulator.requestCount()).toBe(0);
  });
});
