// The native plugin through the engine from a YAML program: the quickstart's shape run with
// `pulumi up` by the YAML language host, then a quiet preview, refresh, `pulumi import` of a
// certificate made outside the stack (and a quiet preview of the program that then states it), and
// destroy — with every secret encrypted in `stack export`.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestEmulator } from "../harness/emulator.js";
import { resourcesOfType } from "../harness/stack.js";
import { CliProject, repoRoot } from "./cli.js";
import { startYamlProject, yamlHostDir } from "./hosts.js";
import { applyLegacyCertificate, importedLegacyInputs } from "./legacy-certificate.js";

const SECRET_SIG = "4dabf18193072939515e22adb298388d";

/** The imported certificate as the program taking it over states it (inserted under `resources:`). */
const LEGACY_RESOURCE = `  legacy:
    type: huaweicloud-ccm:PrivateCertificate
    properties:
      issuerId: \${root.caId}
      keyAlgorithm: RSA2048
      signatureAlgorithm: SHA256
      distinguishedName:
        commonName: legacy.internal.example
        country: CN
        state: Sichuan
        locality: Chengdu
        organization: Example Corp
        organizationalUnit: Platform
      validity:
        type: DAY
        value: 10
`;

describe("YAML program through the native plugin", () => {
  let emulator: TestEmulator;
  let project: CliProject;
  let outputs: Record<string, unknown>;

  beforeAll(async () => {
    ({ emulator, project } = await startYamlProject("quickstart"));
  }, 900_000);
  afterAll(async () => {
    project?.dispose();
    await emulator?.close();
  });

  it("preview plans everything while the CA ids are still unknown", async () => {
    // The issuing CA, the certificate and the bundle get ids only at up: check sees them unknown.
    expect(await project.preview()).toEqual({ create: 5 });
  });

  it("pulumi up creates the CAs, the certificate and its bundle", async () => {
    await project.pulumi("up", "--yes", "--skip-preview");
    outputs = await project.outputs();
    expect(outputs.status).toBe("ISSUED");
    expect(outputs.privateKeyPem).toMatch(/^-----BEGIN (EC )?PRIVATE KEY-----/);
    expect(outputs.fullChainPem).toMatch(/-----BEGIN CERTIFICATE-----/);
    const inventory = await emulator.inventory();
    expect(inventory.certificate_authorities.filter((ca) => ca.status === "ACTIVED")).toHaveLength(2);
    expect(inventory.certificates).toHaveLength(1);
  });

  it("a second preview shows no change", async () => {
    expect(await project.preview("--expect-no-changes")).toEqual({ same: 5 });
  });

  it("refresh reads everything back unchanged", async () => {
    await project.pulumi("refresh", "--yes", "--skip-preview", "--expect-no-changes");
  });

  it("pulumi import adopts a certificate made outside the stack, with the validity it was made for", async () => {
    const issuerId = String((await project.outputs()).rootCaId);
    const certificateId = await applyLegacyCertificate(emulator.client(), issuerId);
    await project.pulumi(
      "import",
      "huaweicloud-ccm:index:PrivateCertificate",
      "legacy",
      certificateId,
      "--yes",
      "--protect=false",
      // GOTCHA: pulumi-language-yaml v1.38.3 cannot write program text for a resource with enum
      // types ("unexpected schema type …ValidityType"); the import itself is unaffected.
      "--generate-code=false",
    );
    const state = await project.exportState();
    const imported = resourcesOfType(state, "huaweicloud-ccm:index:PrivateCertificate").find(
      (r) => r.id === certificateId,
    );
    // The inputs are what the API tells (the handlers' read by id), and the validity its window
    // [notBefore, notAfter] comes from: a required input the program taking it over need not guess.
    expect(imported?.inputs).toEqual(importedLegacyInputs(issuerId));
    expect(imported?.outputs).toMatchObject({ status: "ISSUED", certificateId, validity: { type: "DAY", value: 10 } });
  });

  it("the program that states the imported inputs plans no change", async () => {
    // The quickstart plus the imported certificate, written as a user taking it over would.
    const file = path.join(project.dir, "Pulumi.yaml");
    const program = readFileSync(file, "utf8");
    expect(program).toContain("\noutputs:\n");
    writeFileSync(file, program.replace("\noutputs:\n", `\n${LEGACY_RESOURCE}outputs:\n`));
    expect(await project.preview("--expect-no-changes")).toEqual({ same: 6 });
  });

  it("stack export holds no secret in plaintext, and marks the plugin's secret outputs", async () => {
    const text = JSON.stringify(await project.exportState());
    for (const secret of [
      outputs.privateKeyPem,
      outputs.fullChainPem,
      emulator.stackConfig().secrets["huaweicloud-ccm:secretKey"],
    ]) {
      expect(text).not.toContain(String(secret).slice(30, 90));
    }
    const [bundle] = resourcesOfType(await project.exportState(), "huaweicloud-ccm:index:CertificateBundle");
    expect(bundle?.outputs?.privateKeyPem).toMatchObject({ [SECRET_SIG]: expect.any(String) });
    expect(bundle?.outputs?.serialNumber).toEqual(expect.any(String));
  });

  it("destroy deletes everything, the imported certificate too", async () => {
    await project.pulumi("destroy", "--yes", "--skip-preview");
    const inventory = await emulator.inventory();
    expect(inventory.certificates.filter((c) => !c.deleted)).toHaveLength(0);
    expect(resourcesOfType(await project.exportState(), "huaweicloud-ccm:index:PrivateCa")).toHaveLength(0);
  });
});

describe("YAML program with bad inputs", () => {
  it("check failures reach the user named by property, before any API call", async () => {
    const emulator = await TestEmulator.start();
    const project = new CliProject({
      source: path.join(repoRoot, "test/languages/yaml/bad-input"),
      path: [yamlHostDir()],
    });
    try {
      const { config, secrets } = emulator.stackConfig();
      await project.init(config, secrets);
      const failure = await project.preview().then(
        () => "",
        (error: Error) => error.message,
      );
      expect(failure).toMatch(/issuerId/);
      expect(failure).toMatch(/validity\.value/);
      expect((await emulator.inventory()).requests.total).toBe(0);
    } finally {
      project.dispose();
      await emulator.close();
    }
  });
});
