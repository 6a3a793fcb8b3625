// The native plugin from a Go program on the generated Go SDK, through Go's Automation API in
// inline mode (test/languages/go/main.go): preview, up, the lookups (functions through the
// plugin's Invoke), refresh, `pulumi import` (then a preview of the program stating the imported
// certificate), destroy, and no secret in plaintext in the exported state. One step per run of
// the Go binary.
import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestEmulator } from "../harness/emulator.js";
import { requirePulumiRoot, type StackExport } from "../harness/stack.js";
import { repoRoot } from "./cli.js";
import { goStepEnv } from "./go-program.js";
import { yamlHostDir } from "./hosts.js";
import { applyLegacyCertificate, importedLegacyInputs } from "./legacy-certificate.js";

const SECRET_SIG = "4dabf18193072939515e22adb298388d";
const goDir = path.join(repoRoot, "test/languages/go");

describe("Go program (Automation API, inline) through the native plugin", () => {
  let emulator: TestEmulator;
  let root: string;
  let binary: string;
  let env: NodeJS.ProcessEnv;

  /** `pulumi stack export` as a user runs it: secrets stay encrypted (the Automation API's Export decrypts). */
  async function exportState(): Promise<StackExport> {
    const { stdout } = await promisify(execFile)(
      "pulumi",
      ["stack", "export", "--stack", "organization/ccm-go-e2e/test"],
      { env: { ...env, PULUMI_BACKEND_URL: `file://${path.join(root, "state")}` }, maxBuffer: 64 * 1024 * 1024 },
    );
    return JSON.parse(stdout) as StackExport;
  }

  async function step(...args: string[]): Promise<Record<string, unknown>> {
    return stepWith({}, ...args);
  }

  async function stepWith(extra: NodeJS.ProcessEnv, ...args: string[]): Promise<Record<string, unknown>> {
    try {
      const options = { env: { ...env, ...extra }, maxBuffer: 64 * 1024 * 1024 };
      const { stdout } = await promisify(execFile)(binary, args, options);
      return JSON.parse(stdout) as Record<string, unknown>;
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      throw new Error(`ccm-go-e2e ${args.join(" ")} failed:\n${stdout ?? ""}\n${stderr ?? ""}`);
    }
  }

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), "ccm-go-"));
    binary = path.join(root, "ccm-go-e2e");
    execFileSync("go", ["build", "-trimpath", "-tags", "osusergo,grpcnotrace", "-o", binary, "."], {
      cwd: goDir,
      env: { ...process.env, CGO_ENABLED: "0" },
      stdio: "inherit",
    });
    emulator = await TestEmulator.start();
    for (const dir of ["state", "home", "work"]) mkdirSync(path.join(root, dir));
    // bin/ (the plugin), the CLI and the YAML language host on PATH.
    env = goStepEnv(root, emulator.stackConfig(), [
      path.join(repoRoot, "bin"),
      path.join(requirePulumiRoot(), "bin"),
      yamlHostDir(),
    ]);
  }, 1_800_000);
  afterAll(async () => {
    rmSync(root, { recursive: true, force: true });
    await emulator?.close();
  });

  let outputs: Record<string, { value: unknown; secret: boolean }>;

  it("preview plans everything, up creates it with the bundle's key as a secret output", async () => {
    expect((await step("preview")).changes).toEqual({ create: 5 });
    const up = await step("up");
    outputs = up.outputs as typeof outputs;
    expect(up.changes).toEqual({ create: 5 });
    expect(outputs.status).toEqual({ value: "ISSUED", secret: false });
    expect(outputs.privateKeyPem?.secret).toBe(true);
    expect(String(outputs.privateKeyPem?.value)).toMatch(/-----BEGIN (EC )?PRIVATE KEY-----/);
  });

  it("the lookups (plugin Invoke) read what up made, in the Output and the promise form", () => {
    const value = (name: string) => outputs[name]?.value;
    expect(value("lookupIssuingCommonName")).toBe("Example Issuing CA");
    expect(String(value("lookupIssuingCertificatePem"))).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(value("lookupCertificateSans")).toEqual(["DNS:app.internal.example"]);
    expect(value("lookupCertificateSerial")).toEqual(expect.any(String));
    // The 90-day certificate is the one expiring within 100 days under the issuing CA.
    expect(value("lookupExpiringIds")).toHaveLength(1);
    expect(value("lookupRootIds")).toEqual([value("rootCaId")]);
    expect(value("quotaCaQuota")).toBeGreaterThan(0);
  });

  it("a second preview and a refresh change nothing", async () => {
    expect((await step("preview")).changes).toEqual({ same: 5 });
    expect((await step("refresh")).changes).toEqual({ same: 5 });
  });

  it("pulumi import adopts a certificate made outside the stack", async () => {
    const certificateId = await applyLegacyCertificate(emulator.client(), String(outputs.rootCaId?.value));
    expect((await step("import", certificateId)).changes).toMatchObject({ import: 1 });
    const { deployment } = await exportState();
    const imported = deployment.resources?.find((r) => r.id === certificateId);
    expect(imported?.outputs).toMatchObject({ status: "ISSUED", certificateId });
    // The validity comes back from the certificate's window: the program need not guess it.
    expect(imported?.inputs).toEqual(importedLegacyInputs(String(outputs.rootCaId?.value)));
  });

  it("the program that states the imported inputs plans no change", async () => {
    expect((await stepWith({ CCM_TAKEN_OVER: "1" }, "preview")).changes).toEqual({ same: 6 });
  });

  it("the exported state holds no secret in plaintext", async () => {
    const { deployment } = await exportState();
    const text = JSON.stringify(deployment);
    expect(text).not.toContain(String(outputs.privateKeyPem?.value).slice(30, 90));
    expect(text).not.toContain(emulator.stackConfig().secrets["huaweicloud-ccm:secretKey"]);
    const bundle = deployment.resources?.find((r) => r.type === "huaweicloud-ccm:index:CertificateBundle");
    expect(bundle?.outputs?.privateKeyPem).toMatchObject({ [SECRET_SIG]: expect.any(String) });
  });

  it("destroy deletes everything, the imported certificate too", async () => {
    expect((await step("destroy")).changes).toMatchObject({ delete: 6 });
    expect((await emulator.inventory()).certificates.filter((c) => !c.deleted)).toHaveLength(0);
  });
});
