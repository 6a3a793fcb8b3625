// The native plugin from a Python program on the generated Python SDK (examples/python-quickstart),
// installed with pip into a venv with `pulumi` from PyPI at the CLI's version: mypy on the example,
// then preview, up, a no-change preview that makes no API call, refresh, `pulumi import` of a
// certificate made outside the stack (and a no-change preview of the program that then states it),
// destroy, and no secret in plaintext in `pulumi stack export`. PYTHON_PATH names the way it ran.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestEmulator } from "../harness/emulator.js";
import { resourcesOfType } from "../harness/stack.js";
import { CERTIFICATE, expectSecretsKept, inventoryMatchesState, live } from "./inventory.js";
import { applyLegacyCertificate, importedLegacyInputs } from "./legacy-certificate.js";
import { PYTHON_PATH, PythonStack, pythonBinDir, quickstart, takenOver } from "./python-stack.js";

describe(`Python program through the native plugin (${PYTHON_PATH})`, () => {
  let binDir: string;
  let emulator: TestEmulator;
  let stack: PythonStack;
  let outputs: Record<string, { value: unknown; secret: boolean }>;

  beforeAll(async () => {
    binDir = pythonBinDir();
    emulator = await TestEmulator.start();
    stack = new PythonStack(binDir, emulator);
  }, 1_800_000);
  afterAll(async () => {
    stack?.dispose();
    await emulator?.close();
  });

  async function mypy(...files: string[]): Promise<{ code: number; text: string }> {
    const cache = mkdtempSync(path.join(tmpdir(), "ccm-mypy-"));
    try {
      const { stdout } = await promisify(execFile)(path.join(binDir, "mypy"), [
        "--strict",
        "--cache-dir",
        cache,
        ...files,
      ]);
      return { code: 0, text: stdout };
    } catch (error) {
      const { code, stdout } = error as { code?: number; stdout?: string };
      return { code: code ?? -1, text: stdout ?? String(error) };
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  }

  it("mypy --strict passes the example on the SDK's type hints, and refuses a misspelt one", async () => {
    expect(await mypy(quickstart, takenOver)).toEqual({ code: 0, text: expect.stringContaining("Success") });
    const dir = mkdtempSync(path.join(tmpdir(), "ccm-mypy-bad-"));
    try {
      const bad = path.join(dir, "bad.py");
      // A CA's key algorithm on a certificate, and a validity given as text: both refused.
      writeFileSync(
        bad,
        [
          "import pulumi_huaweicloud_ccm as ccm",
          'ccm.PrivateCertificate("app", issuer_id="ca", key_algorithm=ccm.CaKeyAlgorithm.SM2,',
          '                       validity={"type": ccm.ValidityType.DAY, "value": 90})',
          'ccm.CertificateBundle("b", certificate_id="c", type=ccm.CertificateBundleType.NGINX)',
          'ccm.PrivateCa("r", type=ccm.CaType.ROOT, validity={"type": ccm.ValidityType.DAY, "value": "90"})',
          "",
        ].join("\n"),
      );
      const { code, text } = await mypy(bad);
      expect(code).toBe(1);
      expect(text).toMatch(/bad\.py:2: error: .*PrivateCertificate/);
      expect(text).toMatch(/bad\.py:5: error: .*PrivateCa/);
      expect(text).not.toMatch(/bad\.py:4:/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("preview plans everything, up creates it with the bundle's key as a secret output", async () => {
    expect((await stack.step(["preview"])).changes).toEqual({ create: 5 });
    const up = await stack.step(["up"]);
    outputs = up.outputs ?? {};
    expect(up.changes).toEqual({ create: 5 });
    expect(outputs.status).toEqual({ value: "ISSUED", secret: false });
    expect(outputs.privateKeyPem?.secret).toBe(true);
    expect(String(outputs.privateKeyPem?.value)).toMatch(/^-----BEGIN (EC )?PRIVATE KEY-----/);
    const inventory = await emulator.inventory();
    expect(inventory.certificate_authorities.filter((ca) => ca.status === "ACTIVED")).toHaveLength(2);
    expect(inventory.certificates.map((c) => c.tags)).toEqual([[{ key: "app", value: "demo" }]]);
    await inventoryMatchesState(emulator, await stack.exportState());
  });

  it("a second preview changes nothing and makes no API call; refresh changes nothing", async () => {
    const before = await emulator.requestCount();
    expect((await stack.step(["preview-no-changes"])).changes).toEqual({ same: 5 });
    expect(await emulator.requestCount()).toBe(before);
    expect((await stack.step(["refresh"])).changes).toEqual({ same: 5 });
  });

  it("pulumi import adopts a certificate made outside the stack, with the validity it was made for", async () => {
    const issuerId = String(outputs.rootCaId?.value);
    const certificateId = await applyLegacyCertificate(emulator.client(), issuerId);
    expect((await stack.step(["import", certificateId])).changes).toMatchObject({ import: 1 });
    const imported = resourcesOfType(await stack.exportState(), CERTIFICATE).find((r) => r.id === certificateId);
    expect(imported?.outputs).toMatchObject({ status: "ISSUED", certificateId });
    expect(imported?.inputs).toEqual(importedLegacyInputs(issuerId));
  });

  it("the program that states the imported inputs plans no change", async () => {
    const changes = (await stack.step(["preview-no-changes"], { CCM_PROGRAM: takenOver })).changes;
    expect(changes).toEqual({ same: 6 });
  });

  it("the exported state holds no secret in plaintext, and equals the emulator's inventory", async () => {
    await expectSecretsKept(emulator, await stack.exportState(), outputs.privateKeyPem?.value, [
      "privateKeyPem",
      "fullChainPem",
    ]);
  });

  it("destroy deletes everything, the imported certificate too", async () => {
    expect((await stack.step(["destroy"], { CCM_PROGRAM: takenOver })).changes).toMatchObject({ delete: 6 });
    expect(live((await emulator.inventory()).certificates)).toEqual([]);
    await inventoryMatchesState(emulator, await stack.exportState());
  });
});
