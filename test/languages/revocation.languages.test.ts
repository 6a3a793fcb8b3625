// Revocation through the native plugin from a YAML program: up revokes a certificate and a
// subordinate CA made outside the stack, a second preview and a refresh are quiet, `pulumi import`
// takes over a certificate and a CA revoked elsewhere (by id alone: the inputs name it under the
// right property, with no reason — CCM's API reports none) and the program that then states them
// plans no change, and destroy leaves all of them revoked.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestEmulator } from "../harness/emulator.js";
import { resourcesOfType } from "../harness/stack.js";
import {
  expectTargetsRevoked,
  makeRevocationTargets,
  type RevocationTargets,
} from "../resources/revocation-fixtures.js";
import type { CliProject } from "./cli.js";
import { startYamlProject } from "./hosts.js";

const TOKEN = "huaweicloud-ccm:index:Revocation";

describe("Revocation (YAML, native plugin)", () => {
  let emulator: TestEmulator;
  let project: CliProject;
  let targets: RevocationTargets;

  const entry = async (id: string) => {
    const inventory = await emulator.inventory();
    return [...inventory.certificates, ...inventory.certificate_authorities].find((e) => e.id === id);
  };

  beforeAll(async () => {
    ({ emulator, project } = await startYamlProject("revocation", async (started) => {
      targets = await makeRevocationTargets(started.client());
      return { certificateId: targets.certificateId, caId: targets.subordinateId };
    }));
  }, 900_000);
  afterAll(async () => {
    project?.dispose();
    await emulator?.close();
  });

  it("preview plans both revocations with no API call", async () => {
    const before = await emulator.requestCount();
    expect(await project.preview()).toEqual({ create: 3 });
    expect(await emulator.requestCount()).toBe(before);
  });

  it("up revokes the certificate and the subordinate CA", async () => {
    await project.pulumi("up", "--yes", "--skip-preview");
    expect(await project.outputs()).toMatchObject({
      certificateStatus: "REVOKED",
      certificateKind: "CERTIFICATE",
      certificateCommonName: "leaked.internal.example",
      certificateAlreadyRevoked: false,
      caStatus: "ACTIVED",
      caKind: "CA",
      caRecordedReason: "CERTIFICATE_AUTHORITY_COMPROMISE",
    });
    await expectTargetsRevoked(entry, targets);
  });

  it("a second preview and a refresh change nothing", async () => {
    expect(await project.preview("--expect-no-changes")).toEqual({ same: 3 });
    await project.pulumi("refresh", "--yes", "--skip-preview", "--expect-no-changes");
  });

  it("pulumi import takes over a certificate and a CA revoked elsewhere, by id alone", async () => {
    const client = emulator.client();
    await client.certificates.revoke(targets.otherCertificateId, "SUPERSEDED");
    await client.cas.revoke(targets.otherSubordinateId, "CESSATION_OF_OPERATION");
    for (const [name, id] of [
      ["importedCertificate", targets.otherCertificateId],
      ["importedCa", targets.otherSubordinateId],
    ] as const) {
      await project.pulumi("import", TOKEN, name, id, "--yes", "--protect=false", "--generate-code=false");
    }
    // The last import's output: a CA's details cannot prove it was revoked, and the warning says so.
    expect(project.lastLog).toMatch(/imported as revoked without proof/);
    const state = await project.exportState();
    const byId = (id: string) => resourcesOfType(state, TOKEN).find((r) => r.id === id);
    expect(byId(targets.otherCertificateId)?.inputs).toEqual({ certificateId: targets.otherCertificateId });
    expect(byId(targets.otherCertificateId)?.outputs).toMatchObject({ status: "REVOKED", alreadyRevoked: true });
    expect(byId(targets.otherSubordinateId)?.inputs).toEqual({ caId: targets.otherSubordinateId });
    expect(byId(targets.otherSubordinateId)?.outputs).toMatchObject({ targetKind: "CA", alreadyRevoked: true });
  });

  it("the program that states the imported revocations, reasons and all, plans no change", async () => {
    // The reason CCM recorded is not readable, so an imported one is never compared with the program's.
    const stated = [
      ["importedCertificate", "certificateId", targets.otherCertificateId, "SUPERSEDED"],
      ["importedCa", "caId", targets.otherSubordinateId, "CESSATION_OF_OPERATION"],
    ].map(([name, key, id, reason]) => {
      const properties = `      ${key}: ${id}\n      reason: ${reason}\n`;
      return `  ${name}:\n    type: huaweicloud-ccm:Revocation\n    properties:\n${properties}`;
    });
    const file = path.join(project.dir, "Pulumi.yaml");
    const program = readFileSync(file, "utf8");
    expect(program).toContain("\noutputs:\n");
    writeFileSync(file, program.replace("\noutputs:\n", `\n${stated.join("")}outputs:\n`));
    expect(await project.preview("--expect-no-changes")).toEqual({ same: 5 });
  });

  it("importing a ROOT CA is refused: CCM revokes none, so there is no revocation to take over", async () => {
    expect((await entry(targets.rootId))?.type).toBe("ROOT");
    await expect(
      project.pulumi("import", TOKEN, "root", targets.rootId, "--yes", "--protect=false", "--generate-code=false"),
    ).rejects.toThrow(/CCM revokes only SUBORDINATE CAs/);
  });

  it("destroy makes no call and leaves every target revoked", async () => {
    const before = await emulator.requestCount();
    await project.pulumi("destroy", "--yes", "--skip-preview");
    expect(await emulator.requestCount()).toBe(before);
    expect(project.lastLog).toMatch(/stays revoked: a revocation cannot be undone/);
    await expectTargetsRevoked(entry, targets);
    expect(await entry(targets.otherCertificateId)).toMatchObject({
      status: "REVOKED",
      revocation_reason: "SUPERSEDED",
    });
    expect(await entry(targets.otherSubordinateId)).toMatchObject({ revocation_reason: "CESSATION_OF_OPERATION" });
  });
});
