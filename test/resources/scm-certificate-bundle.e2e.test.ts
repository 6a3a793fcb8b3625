// examples/scm-bundle (ScmCertificateBundle) through the real Pulumi CLI against the emulator, with
// an SCM certificate seeded there: the export as secrets, checked by openssl; no-change previews
// without API calls; refresh that keeps unchanged material, takes a replaced certificate and
// drops a deleted one; destroy without API calls. Bad ids: scm-sms-check.e2e.test.ts.
import { readFileSync } from "node:fs";
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
import { outputString, resourcesOfType } from "../harness/stack.js";
import { OPENSSL_NEW_EC_P256_KEY, opensslVerify, run, type Scratch, useScratch } from "../harness/tools.js";

const BUNDLE = "pulumi-nodejs:dynamic/huaweicloud-ccm:ScmCertificateBundle";
const SECRET_OUTPUTS = [
  "certificatePem",
  "certificateChainPem",
  "fullChainPem",
  "entireCertificatePem",
  "privateKeyPem",
];

/** The public key of a private key and of a certificate, as openssl prints them (equal when they match). */
async function publicKeys(scratch: Scratch, keyPem: string, certificatePem: string) {
  const key = await run("openssl", ["pkey", "-pubout", "-in", scratch.file("key.pem", keyPem)]);
  const certificate = await run("openssl", [
    "x509",
    "-pubkey",
    "-noout",
    "-in",
    scratch.file("cert.pem", certificatePem),
  ]);
  expect(key.code, key.output).toBe(0);
  expect(certificate.code, certificate.output).toBe(0);
  return { key: key.output, certificate: certificate.output };
}

async function seedScm(emulator: TestEmulator, seed: Record<string, string>): Promise<string> {
  const result = (await emulator.control("POST", "seed", { scm_certificates: [seed] })) as {
    scm_certificates: { id: string }[];
  };
  const id = result.scm_certificates[0]?.id;
  if (!id) throw new Error("the emulator seeded no SCM certificate");
  return id;
}

describe("examples/scm-bundle: an SCM certificate exported through the real engine", () => {
  let scmId: string;
  // No startup seed: a reset then leaves SCM empty, as if the certificate were deleted there.
  const setup = usePreparedStack(async (emulator) => {
    scmId = await seedScm(emulator, { common_name: "shop.example.com" });
    return { program: "examples/scm-bundle", config: { scmCertificateId: scmId } };
  });
  const scratch = useScratch();

  it("up exports the certificate: every PEM a secret, metadata read locally and not secret", async () => {
    const { outputs, changes } = await setup.stack.up();
    expect(changes).toEqual({ create: 2 });
    for (const key of SECRET_OUTPUTS) expect(outputs[key], key).toMatchObject({ secret: true });
    for (const key of ["subject", "subjectAlternativeNames", "serialNumber", "notBefore", "notAfter"]) {
      expect(outputs[key]?.secret, key).toBe(false);
    }
    expect(outputs.subject?.value).toMatch(/(^|\n)CN=shop\.example\.com$/);
    expect(outputs.subjectAlternativeNames?.value).toEqual(["DNS:shop.example.com"]);
    const leaf = outputString(outputs, "certificatePem");
    expect(splitPemBlocks(leaf)).toEqual([leaf]);
    expect(leaf).not.toContain("\r");
    // The seeded certificate is issued under its own root: the chain is that root.
    const chain = outputString(outputs, "certificateChainPem");
    expect(splitPemBlocks(chain)).toHaveLength(1);
    expect(outputString(outputs, "fullChainPem")).toBe(`${leaf}${chain}`);
    expect(outputString(outputs, "entireCertificatePem")).toBe(`${leaf}${chain}`);
    expect(outputString(outputs, "privateKeyPem")).toMatch(/^-----BEGIN (RSA )?PRIVATE KEY-----\n/);
    expect(Date.parse(outputString(outputs, "notAfter"))).toBeGreaterThan(Date.now());
    expect((await setup.emulator.inventory()).requests.by_route).toEqual({
      "POST /v3/scm/certificates/{certificate_id}/export": 1,
    });
  });

  it("openssl: the key matches the certificate, the chain verifies, the metadata is the certificate's", async () => {
    const outputs = await setup.stack.outputs();
    const leaf = outputString(outputs, "certificatePem");
    const keys = await publicKeys(scratch, outputString(outputs, "privateKeyPem"), leaf);
    expect(keys.key).toContain("-----BEGIN PUBLIC KEY-----");
    expect(keys.key).toBe(keys.certificate);
    const verify = await opensslVerify(
      scratch,
      outputString(outputs, "certificateChainPem"),
      outputs.fullChainPem?.value as string,
    );
    expect(verify.output).toContain(": OK");
    const x509 = await run("openssl", [
      "x509",
      "-noout",
      "-serial",
      "-fingerprint",
      "-sha256",
      "-in",
      scratch.file("leaf.pem", leaf),
    ]);
    expect(x509.output).toContain(`serial=${outputString(outputs, "serialNumber")}`);
    expect(x509.output).toContain(`Fingerprint=${outputString(outputs, "sha256Fingerprint")}`);
  });

  it("preview after up plans no change and makes zero API calls", async () => {
    await expectNoChangePreviewWithoutApiCalls(setup.stack, setup.emulator, { same: 2 });
  });

  it("refresh of an unchanged certificate exports once and reports no change", async () => {
    await expectRefreshKeeps(setup.stack, setup.emulator, { same: 2 }, 1);
  });

  it("stack export holds no PEM or credential in plaintext; stack output prints [secret]", async () => {
    // The full chain is computed in the program from the leaf and the chain, never stored.
    const stored = SECRET_OUTPUTS.filter((key) => key !== "fullChainPem");
    const bundle = await expectSecretsHidden(setup.stack, BUNDLE, stored, SECRET_OUTPUTS);
    expect(bundle?.id).toBe(scmId);
    expect(bundle?.outputs).not.toHaveProperty("fullChainPem");
    expect(bundle?.outputs?.subject).toMatch(/CN=shop\.example\.com$/);
  });

  it("refresh takes the certificate SCM now holds under the same id (renewed or re-uploaded)", async () => {
    const key = scratch.file("renewed.key", "");
    const certificate = scratch.file("renewed.pem", "");
    const made = await run("openssl", [
      "req",
      "-x509",
      ...OPENSSL_NEW_EC_P256_KEY,
      "-keyout",
      key,
      "-out",
      certificate,
      "-days",
      "30",
      "-subj",
      "/CN=shop.example.com",
      "-addext",
      "subjectAltName=DNS:shop.example.com,DNS:www.shop.example.com",
    ]);
    expect(made.code, made.output).toBe(0);
    const renewedPem = readFileSync(certificate, "utf8");
    await seedScm(setup.emulator, { id: scmId, certificate: renewedPem, private_key: readFileSync(key, "utf8") });

    // The engine classifies a refresh by the provider's diff of the inputs, which did not
    // change (same id): the summary says "same", while the state now holds the new certificate.
    expect(await setup.stack.refresh()).not.toHaveProperty("delete");
    const refreshed = await setup.stack.exportState();
    // New material read by refresh is as secret in state as what up wrote.
    expect(JSON.stringify(refreshed)).not.toContain("-----BEGIN");
    const [bundle] = resourcesOfType(refreshed, BUNDLE);
    expect(bundle?.outputs?.subject).toBe("CN=shop.example.com");
    expect(bundle?.outputs?.subjectAlternativeNames).toEqual(["DNS:shop.example.com", "DNS:www.shop.example.com"]);
    // A self-signed upload has no chain: the output is absent, and the full chain is the certificate.
    expect(bundle?.outputs?.certificateChainPem).toBeUndefined();
    const { outputs } = await setup.stack.up();
    expect(splitPemBlocks(outputString(outputs, "fullChainPem"))).toEqual(splitPemBlocks(renewedPem));
    const keys = await publicKeys(scratch, outputString(outputs, "privateKeyPem"), renewedPem);
    expect(keys.key).toBe(keys.certificate);
    await setup.stack.previewNoChanges();
  });

  it("refresh after the certificate is gone from SCM drops the bundle from state", async () => {
    await setup.emulator.control("POST", "reset");
    expect((await setup.emulator.control("GET", "inventory")) as { scm_certificates: unknown[] }).toMatchObject({
      scm_certificates: [],
    });
    expect(await setup.stack.refresh()).toEqual({ same: 1, delete: 1 });
    expect(resourcesOfType(await setup.stack.exportState(), BUNDLE)).toEqual([]);
    // The next up exports again and says why it cannot.
    await expect(setup.stack.up()).rejects.toThrow(
      /SCM POST \/v3\/scm\/certificates\/scs\d{13}\/export failed: HTTP 404/,
    );
  });

  it("destroy forgets the bundle without an API call (SCM owns the certificate)", async () => {
    await seedScm(setup.emulator, { id: scmId, common_name: "shop.example.com" });
    expect((await setup.stack.up()).changes).toMatchObject({ create: 1 });
    await expectWithoutApiCalls(setup.emulator, () => setup.stack.destroy(), { delete: 2 });
    expect(
      ((await setup.emulator.control("GET", "inventory")) as { scm_certificates: { id: string }[] }).scm_certificates,
    ).toEqual([{ id: scmId }]);
  });
});
