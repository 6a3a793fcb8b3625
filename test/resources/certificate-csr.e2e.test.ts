// Issuing from the user's own CSR: CCM signs it, never sees the key; the bundle carries no key
// and its chain verifies with openssl; destroy revokes with the chosen reason.
import { describe, expect, it } from "vitest";
import { usePreparedStack } from "../harness/emulator-stacks.js";
import { resourcesOfType } from "../harness/stack.js";
import { OPENSSL_NEW_EC_P256_KEY, opensslVerify, run, useScratch } from "../harness/tools.js";
import { createRootCa } from "./fixtures.js";

describe("PrivateCertificate from a CSR", () => {
  let rootPem: string;
  const scratch = useScratch();
  const keyFile = `${scratch.dir}/own.key`;
  const setup = usePreparedStack(async (emulator) => {
    let caId: string;
    ({ caId, rootPem } = await createRootCa(emulator));
    const csrFile = `${scratch.dir}/own.csr`;
    const made = await run("openssl", [
      "req",
      "-new",
      ...OPENSSL_NEW_EC_P256_KEY,
      "-keyout",
      keyFile,
      "-out",
      csrFile,
      "-subj",
      "/CN=api.internal.example/O=Own Key Ltd",
    ]);
    expect(made.code, made.output).toBe(0);
    const csrPem = (await run("cat", [csrFile])).output;
    return { program: "test/programs/csr", config: { caId }, secrets: { csrPem } };
  });

  it("issues with the CSR's subject and key; the bundle has no private key", async () => {
    const { outputs } = await setup.stack.up();
    expect(outputs.genMode?.value).toBe("CSR");
    expect(outputs.status?.value).toBe("ISSUED");
    expect(outputs.privateKeyPem).toBeUndefined();
    expect(outputs.subject?.value).toContain("CN=api.internal.example");
    const fullChain = outputs.fullChainPem?.value as string;
    expect((await opensslVerify(scratch, rootPem, fullChain)).output).toContain(": OK");
    const ours = await run("openssl", ["pkey", "-pubout", "-in", keyFile]);
    const issued = await run("openssl", ["x509", "-pubkey", "-noout", "-in", scratch.file("issued.pem", fullChain)]);
    expect(issued.output).toBe(ours.output);
  });

  it("the CSR is a secret in state, and the second preview is quiet", async () => {
    const state = await setup.stack.exportState();
    expect(JSON.stringify(state)).not.toContain("-----BEGIN");
    const [certificate] = resourcesOfType(state, "pulumi-nodejs:dynamic/huaweicloud-ccm:PrivateCertificate");
    expect(certificate?.inputs?.csrPem).toMatchObject({ "4dabf18193072939515e22adb298388d": expect.any(String) });
    await setup.stack.previewNoChanges();
  });

  it("destroy revokes with CESSATION_OF_OPERATION, then deletes", async () => {
    await setup.emulator.setFaults([
      { kind: "error", method: "DELETE", path: "^/v1/private-certificates/", status: 403, error_code: "PCA.00030203" },
    ]);
    await expect(setup.stack.destroy()).rejects.toThrow(/PCA\.00030203/);
    expect((await setup.emulator.inventory()).certificates[0]).toMatchObject({
      status: "REVOKED",
      revocation_reason: "CESSATION_OF_OPERATION",
    });
    await setup.emulator.setFaults([]);
    await setup.stack.destroy();
    expect((await setup.emulator.inventory()).certificates).toEqual([]);
  });
});
