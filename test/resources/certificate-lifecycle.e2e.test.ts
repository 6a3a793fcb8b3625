// PrivateCertificate + CertificateBundle through the real Pulumi CLI against the emulator: the
// whole life of a certificate, its secrets in state, and its bundles opened by real tools.
import { describe, expect, it } from "vitest";
import { DEMO_AK, DEMO_SK } from "../harness/emulator.js";
import { usePreparedStack } from "../harness/emulator-stacks.js";
import { declaredPositions } from "../harness/expect-state.js";
import { outputString, resourcesOfType } from "../harness/stack.js";
import { opensslVerify, run, useScratch } from "../harness/tools.js";
import { createRootCa } from "./fixtures.js";

const tagMap = (tags: unknown) =>
  Object.fromEntries((tags as { key: string; value: string }[]).map((t) => [t.key, t.value]));

const CERT = "pulumi-nodejs:dynamic/huaweicloud-ccm:PrivateCertificate";
const BUNDLE = "pulumi-nodejs:dynamic/huaweicloud-ccm:CertificateBundle";

describe("PrivateCertificate and CertificateBundle: the whole life, through the real engine", () => {
  let caId: string;
  let rootPem: string;
  const setup = usePreparedStack(async (emulator) => {
    ({ caId, rootPem } = await createRootCa(emulator));
    return {
      program: "test/programs/certificate",
      config: { caId, revokeOnDelete: "SUPERSEDED" },
      secrets: { keystorePassword: "Iis-Pass_2026" },
    };
  });
  const scratch = useScratch();
  let firstCertificateId: string;

  it("up issues the certificate and exports three bundles, every PEM and keystore a secret", async () => {
    const { outputs, changes } = await setup.stack.up();
    expect(changes).toEqual({ create: 5 });
    expect(outputs.status).toEqual({ value: "ISSUED", secret: false });
    expect(outputs.readyForRenewal).toEqual({ value: false, secret: false });
    firstCertificateId = outputs.certificateId?.value as string;
    const [entry] = (await setup.emulator.inventory()).certificates;
    expect(entry).toMatchObject({ id: firstCertificateId, status: "ISSUED", common_name: "web.internal.example" });
    expect(outputs.subject?.value).toMatchObject({ commonName: "web.internal.example", organization: "Example Corp" });
    for (const key of ["nginxFullChainPem", "nginxPrivateKeyPem", "iisPfxBase64", "iisKeystorePassword"]) {
      expect(outputs[key]?.secret, key).toBe(true);
    }
    expect(outputs.nginxSerialNumber?.value).toBe(outputString(outputs, "serialNumber").toUpperCase());
    expect(outputs.nginxSubjectAlternativeNames?.value).toEqual(["DNS:web.internal.example", "IP Address:10.0.0.10"]);
    expect(outputs.iisKeystorePassword?.value).toBe("Iis-Pass_2026");
  });

  it("the NGINX full chain verifies with openssl up to the root, and its key matches", async () => {
    const outputs = await setup.stack.outputs();
    const fullChain = outputs.nginxFullChainPem?.value as string;
    expect(fullChain).not.toContain("\r");
    const verify = await opensslVerify(scratch, rootPem, fullChain);
    expect(verify.output).toContain(": OK");
    const leafKey = await run("openssl", [
      "pkey",
      "-pubout",
      "-in",
      scratch.file("key.pem", outputString(outputs, "nginxPrivateKeyPem")),
    ]);
    const certKey = await run("openssl", ["x509", "-pubkey", "-noout", "-in", scratch.file("leaf.pem", fullChain)]);
    expect(leafKey.code).toBe(0);
    expect(leafKey.output).toBe(certKey.output);
  });

  it("the IIS PFX opens with openssl pkcs12 and the TOMCAT JKS with keytool", async () => {
    const outputs = await setup.stack.outputs();
    const pfx = scratch.file("server.pfx", Buffer.from(outputs.iisPfxBase64?.value as string, "base64"));
    const pkcs12 = await run("openssl", ["pkcs12", "-in", pfx, "-passin", "pass:Iis-Pass_2026", "-nokeys"]);
    expect(pkcs12.code, pkcs12.output).toBe(0);
    expect(pkcs12.output).toMatch(/subject=.*CN ?= ?web\.internal\.example/);
    const jks = scratch.file("server.jks", Buffer.from(outputs.tomcatJksBase64?.value as string, "base64"));
    const password = outputs.tomcatKeystorePassword?.value as string;
    expect(password.length).toBeGreaterThan(5);
    const keytool = await run("keytool", [
      "-list",
      "-v",
      "-keystore",
      jks,
      "-storepass",
      password,
      "-storetype",
      "JKS",
    ]);
    expect(keytool.code, keytool.output).toBe(0);
    expect(keytool.output).toContain("PrivateKeyEntry");
    expect(keytool.output).toMatch(/Certificate chain length: 2/);
  });

  it("preview after up plans no change and makes zero API calls", async () => {
    const before = await setup.emulator.requestCount();
    expect(await setup.stack.previewNoChanges()).toEqual({ same: 5 });
    expect(await setup.emulator.requestCount()).toBe(before);
  });

  it("refresh of unchanged resources reports no change (keystores are not re-rolled)", async () => {
    expect(await setup.stack.refresh()).toEqual({ same: 5 });
    await setup.stack.previewNoChanges();
  });

  it("stack export holds no PEM, keystore or credential in plaintext; stack output prints [secret]", async () => {
    const outputs = await setup.stack.outputs();
    const text = JSON.stringify(await setup.stack.exportState());
    expect(text).not.toContain("-----BEGIN");
    expect(text).not.toContain(outputString(outputs, "iisPfxBase64").slice(0, 64));
    expect(text).not.toContain(outputString(outputs, "tomcatJksBase64").slice(0, 64));
    for (const secret of [DEMO_AK, DEMO_SK, "Iis-Pass_2026", outputString(outputs, "tomcatKeystorePassword")]) {
      expect(text).not.toContain(secret);
    }
    const state = await setup.stack.exportState();
    const [bundle] = resourcesOfType(state, BUNDLE);
    expect(bundle?.outputs?.privateKeyPem).toMatchObject({ "4dabf18193072939515e22adb298388d": expect.any(String) });
    // The full chain is computed in the program from the leaf and the chain, never stored.
    for (const b of resourcesOfType(state, BUNDLE)) expect(b.outputs).not.toHaveProperty("fullChainPem");
    expect(await setup.stack.outputText()).toMatch(/nginxFullChainPem\s+\[secret\]/);
  });

  it("the serialized provider in state is a few hundred bytes of shim, with no credential", async () => {
    const state = await setup.stack.exportState();
    for (const type of [CERT, BUNDLE]) {
      const [resource] = resourcesOfType(state, type);
      const shim = resource?.inputs?.__provider as string;
      expect(shim).toContain('require("pulumi-huaweicloud-ccm/runtime")');
      expect(shim.length).toBeLessThan(4096);
    }
  });

  it("the stacks Pulumi records for each resource hold no frame of this package", async () => {
    // This program is an ES module, whose top-level frames Pulumi cannot parse: it records no
    // position for them (test/package/consumer.e2e.test.ts checks a CommonJS program's lines).
    const positions = declaredPositions(await setup.stack.exportState(), /\/provider\/resources\//);
    expect([...positions.keys()].sort()).toEqual(["web", "web-iis", "web-nginx", "web-tomcat"]);
  });

  it("tags change in place, without a new certificate", async () => {
    setup.stack.setConfig({ tags: JSON.stringify({ team: "platform", env: "test" }) });
    expect(await setup.stack.preview()).toEqual({ same: 4, update: 1 });
    await setup.stack.up();
    const [entry] = (await setup.emulator.inventory()).certificates;
    expect(entry?.id).toBe(firstCertificateId);
    expect(tagMap(entry?.tags)).toEqual({ team: "platform", env: "test" });
    setup.stack.setConfig({ tags: JSON.stringify({ team: "platform" }) });
    await setup.stack.up();
    expect(tagMap((await setup.emulator.inventory()).certificates[0]?.tags)).toEqual({ team: "platform" });
  });

  it("refresh notices a revocation made outside Pulumi, and the next up replaces the certificate", async () => {
    await setup.emulator.client().certificates.revoke(firstCertificateId, "KEY_COMPROMISE");
    await setup.stack.refresh();
    // Refresh updates the resource's state (stack outputs change only with the next up).
    const [certificate] = resourcesOfType(await setup.stack.exportState(), CERT);
    expect(certificate?.outputs).toMatchObject({ status: "REVOKED", readyForRenewal: true });
    expect(await setup.stack.preview()).toMatchObject({ replace: 4 });
    const { outputs: after } = await setup.stack.up();
    expect(after.certificateId?.value).not.toBe(firstCertificateId);
    expect(after.status?.value).toBe("ISSUED");
    // The replaced certificate was deleted after its successor existed.
    const ids = (await setup.emulator.inventory()).certificates.map((c) => c.id);
    expect(ids).toEqual([after.certificateId?.value]);
  });

  it("destroy revokes with the configured reason before deleting; a failed delete leaves state consistent", async () => {
    const certificateId = (await setup.stack.outputs()).certificateId?.value as string;
    await setup.emulator.setFaults([
      // A refusal the client does not retry, so the failure is immediate.
      {
        kind: "error",
        method: "DELETE",
        path: "^/v1/private-certificates/[^/]+$",
        status: 403,
        error_code: "PCA.00030203",
      },
    ]);
    await expect(setup.stack.destroy()).rejects.toThrow();
    const [entry] = (await setup.emulator.inventory()).certificates;
    expect(entry).toMatchObject({ id: certificateId, status: "REVOKED", revocation_reason: "SUPERSEDED" });
    await setup.emulator.setFaults([]);
    // The bundles went with the first attempt; the certificate (already revoked) goes now.
    expect(await setup.stack.destroy()).toEqual({ delete: 2 });
    expect((await setup.emulator.inventory()).certificates).toEqual([]);
  });
});
