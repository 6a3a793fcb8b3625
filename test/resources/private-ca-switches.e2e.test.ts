// PrivateCa's switches in place through the real engine: OCSP and the CRL at creation (the
// certificates issued then carry the OCSP responder and the CRL distribution point), then
// enabled / ocspEnabled / crlConfiguration changed in place (the CA is not replaced; a preview of
// it makes no API call), issuing under the disabled CA refused with an error that says so, a CA
// disabled outside the stack shown by refresh and enabled again by the next up, and destroy
// revoking the subordinate (revokeOnDelete) before deleting it.
import { describe, expect, it } from "vitest";
import { useEmulatorStack } from "../harness/emulator.js";
import { resourcesOfType } from "../harness/stack.js";
import { run, useScratch } from "../harness/tools.js";

const CRL_ON = JSON.stringify({ enabled: true, obsBucketName: "ccm-crl-bucket", validDays: 7 });

describe("PrivateCa: enabled, ocspEnabled and crlConfiguration in place; revokeOnDelete", () => {
  const setup = useEmulatorStack({
    program: "test/programs/private-ca-switches",
    config: { ocspEnabled: "true", crl: CRL_ON, issue: "true" },
  });
  const scratch = useScratch();
  let rootId: string;

  const rootNow = () => setup.emulator.client().cas.get(rootId);

  it("up creates the root with OCSP and a CRL; its certificates name both", async () => {
    expect(await setup.stack.preview()).toEqual({ create: 4 });
    const { outputs } = await setup.stack.up();
    rootId = String(outputs.rootCaId?.value);
    expect(outputs.rootOcspEnabled?.value).toBe(true);
    expect(await rootNow()).toMatchObject({
      status: "ACTIVED",
      ocspEnabled: true,
      crlConfiguration: { enabled: true },
    });
    const leaf = await setup.emulator.client().certificates.exportPem(String(outputs.leafId?.value), { type: "OTHER" });
    const text = await run("openssl", [
      "x509",
      "-noout",
      "-text",
      "-in",
      scratch.file("leaf.pem", leaf.certificate ?? ""),
    ]);
    expect(text.output).toMatch(/OCSP - URI:http\S+/);
    expect(text.output).toMatch(/CRL Distribution Points:[\s\S]*URI:https:\/\/ccm-crl-bucket\.obs\.\S+\.crl/);
  });

  it("disabling, OCSP off and the CRL off are one in-place update; the preview makes no API call", async () => {
    setup.stack.setConfig({
      enabled: "false",
      ocspEnabled: "false",
      crl: JSON.stringify({ enabled: false }),
      issue: "",
    });
    const before = await setup.emulator.requestCount();
    expect(await setup.stack.preview()).toEqual({ same: 2, update: 1, delete: 1 });
    expect(await setup.emulator.requestCount()).toBe(before);
    const { outputs } = await setup.stack.up();
    expect(outputs.rootCaId?.value).toBe(rootId);
    expect(outputs.rootStatus?.value).toBe("DISABLED");
    expect(await rootNow()).toMatchObject({
      status: "DISABLED",
      ocspEnabled: false,
      crlConfiguration: { enabled: false },
    });
    await setup.stack.previewNoChanges();
  });

  it("a certificate from the disabled CA fails at up, saying the CA is disabled", async () => {
    setup.stack.setConfig({ issue: "true" });
    await expect(setup.stack.up()).rejects.toThrow(/DISABLED\. Enable it again/);
    setup.stack.setConfig({ issue: "" });
  });

  it("a CA enabled again in place, then disabled outside: refresh shows it, the next up enables it", async () => {
    setup.stack.setConfig({ enabled: "true" });
    expect((await setup.stack.up()).outputs.rootStatus?.value).toBe("ACTIVED");
    await setup.emulator.client().cas.disable(rootId);
    expect(await setup.stack.refresh()).toEqual({ same: 2, update: 1 });
    // Refresh updates the resources' state (the stack's outputs wait for the next up).
    const [root] = resourcesOfType(await setup.stack.exportState(), "pulumi-nodejs:dynamic/huaweicloud-ccm:PrivateCa");
    expect(root?.outputs).toMatchObject({ status: "DISABLED", enabled: false });
    expect(await setup.stack.preview()).toEqual({ same: 2, update: 1 });
    expect((await setup.stack.up()).outputs.rootStatus?.value).toBe("ACTIVED");
    expect((await rootNow()).status).toBe("ACTIVED");
  });

  it("destroy revokes the subordinate with its reason, then deletes both CAs", async () => {
    const subId = String((await setup.stack.outputs()).subCaId?.value);
    await setup.stack.destroy();
    const inventory = await setup.emulator.inventory();
    const sub = inventory.certificate_authorities.find((ca) => ca.id === subId);
    expect(sub).toMatchObject({ revocation_reason: "CESSATION_OF_OPERATION", deleted: true });
    expect(inventory.certificate_authorities.find((ca) => ca.id === rootId)?.deleted).toBe(true);
  });
});
