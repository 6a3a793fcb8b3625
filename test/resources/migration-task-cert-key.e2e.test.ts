// examples/migration-certkey (MigrationTaskCertKey) through the real Pulumi CLI against the
// emulator, with an SMS migration task seeded there: every certificate and key a secret and
// checked by openssl; enable_ca_cert always sent; no-change previews without API calls; refresh
// that keeps unchanged material and drops a deleted task; destroy without API calls. Bad input:
// scm-sms-check.e2e.test.ts.
import { describe, expect, it } from "vitest";
import { splitPemBlocks } from "../../provider/pem.js";
import type { TestEmulator } from "../harness/emulator.js";
import { usePreparedStack } from "../harness/emulator-stacks.js";
import {
  expectNoChangePreviewWithoutApiCalls,
  expectRefreshKeeps,
  expectSecretsHidden,
  expectWithoutApiCalls,
} from "../harness/expect-state.js";
import { type OutputValue, outputString, resourcesOfType } from "../harness/stack.js";
import { run, useScratch } from "../harness/tools.js";

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
  const requestLines: string[] = [];
  // No startup seed: a reset then leaves SMS without the task, as if it were deleted there.
  const setup = usePreparedStack(
    async (emulator) => {
      await seedTask(emulator);
      return { program: "examples/migration-certkey", config: { taskId: TASK_ID, enableCaCert: "true" } };
    },
    { logRequests: true, log: (line) => requestLines.push(line) },
  );
  const scratch = useScratch();
  let first: Record<string, OutputValue>;

  /** The certkey requests the emulator served, path and query as sent. */
  const certKeyRequests = () => requestLines.filter((line) => line.includes("/certkey"));

  it("up fetches the task's certificates and keys (with the CA), every one a secret", async () => {
    const { outputs, changes } = await setup.stack.up();
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
    await expectNoChangePreviewWithoutApiCalls(setup.stack, setup.emulator, { same: 2 });
  });

  it("refresh of unchanged material fetches once and reports no change", async () => {
    await expectRefreshKeeps(setup.stack, setup.emulator, { same: 2 }, 1, first);
  });

  it("stack export holds no PEM or credential in plaintext; stack output prints [secret]", async () => {
    const certKey = await expectSecretsHidden(setup.stack, CERT_KEY, SECRET_OUTPUTS, SECRET_OUTPUTS);
    expect(certKey?.id).toBe(`${TASK_ID}/ca`);
    expect(certKey?.outputs).toMatchObject({ taskId: TASK_ID, enableCaCert: true });
  });

  it("turning enableCaCert off replaces the material, and false is sent, not left to the service", async () => {
    setup.stack.setConfig({ enableCaCert: "false" });
    const before = await setup.emulator.requestCount();
    expect(await setup.stack.preview()).toEqual({ same: 1, replace: 1 });
    expect(await setup.emulator.requestCount()).toBe(before);
    const { outputs } = await setup.stack.up();
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
    await setup.stack.previewNoChanges();
  });

  it("refresh after the task is gone from SMS drops the material from state", async () => {
    await setup.emulator.control("POST", "reset");
    expect(await setup.stack.refresh()).toEqual({ same: 1, delete: 1 });
    expect(resourcesOfType(await setup.stack.exportState(), CERT_KEY)).toEqual([]);
    expect(certKeyRequests().at(-1)).toMatch(/-> 404/);
  });

  it("destroy forgets the material without an API call (SMS owns the task)", async () => {
    await seedTask(setup.emulator);
    expect((await setup.stack.up()).changes).toMatchObject({ create: 1 });
    await expectWithoutApiCalls(setup.emulator, () => setup.stack.destroy(), { delete: 2 });
  });
});
