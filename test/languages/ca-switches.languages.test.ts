// PrivateCa's switches through the native plugin from YAML: created with OCSP on and the CRL off;
// disabled, OCSP off and the CRL on in place (`pulumi config set`, the CA keeps its id); issuing
// under the disabled CA fails at up saying so; the CRL's renewal days changed in place; a CA enabled
// outside the stack shown by refresh and disabled again by the next up; destroy revokes the
// subordinate (revokeOnDelete) before deleting it. (TypeScript: test/resources/private-ca-switches.e2e.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestEmulator } from "../harness/emulator.js";
import type { CliProject } from "./cli.js";
import { startYamlProject } from "./hosts.js";

describe("PrivateCa switches from YAML through the native plugin", () => {
  let emulator: TestEmulator;
  let project: CliProject;
  let rootId: string;
  const root = () => emulator.client().cas.get(rootId);

  beforeAll(async () => {
    ({ emulator, project } = await startYamlProject("ca-switches"));
  }, 900_000);
  afterAll(async () => {
    project?.dispose();
    await emulator?.close();
  });

  it("up creates the root with OCSP on and the CRL off", async () => {
    await project.pulumi("up", "--yes", "--skip-preview");
    rootId = String((await project.outputs()).rootCaId);
    expect(await root()).toMatchObject({ status: "ACTIVED", ocspEnabled: true });
    expect((await root()).crlConfiguration?.enabled).not.toBe(true);
  });

  it("disabling, OCSP off and the CRL on are an in-place update of the same CA", async () => {
    await project.pulumi("config", "set", "--type", "bool", "enabled", "false");
    await project.pulumi("config", "set", "--type", "bool", "ocspEnabled", "false");
    await project.pulumi("config", "set", "--type", "bool", "crlEnabled", "true");
    // The plugin answers the update's preview itself: no API call, and the subordinate and the
    // leaf issued from the CA keep their issuerId known (not planned as replaced).
    const before = await emulator.requestCount();
    expect(await project.preview()).toEqual({ same: 3, update: 1 });
    expect(await emulator.requestCount()).toBe(before);
    await project.pulumi("up", "--yes", "--skip-preview");
    expect((await project.outputs()).rootCaId).toBe(rootId);
    expect(await root()).toMatchObject({
      status: "DISABLED",
      ocspEnabled: false,
      crlConfiguration: { enabled: true, obsBucketName: "ccm-crl-bucket", validDays: 7 },
    });
    expect(await project.preview("--expect-no-changes")).toEqual({ same: 4 });
  });

  it("issuing under the disabled CA fails at up, saying so; the stack keeps the leaf it had", async () => {
    const leafId = String((await project.outputs()).leafId);
    await project.pulumi("config", "set", "leafName", "leaf-2.yaml-switches.example");
    await expect(project.pulumi("up", "--yes", "--skip-preview")).rejects.toThrow(/DISABLED\. Enable it again/);
    await project.pulumi("config", "set", "leafName", "leaf-1.yaml-switches.example");
    expect(await project.preview("--expect-no-changes")).toEqual({ same: 4 });
    expect((await project.outputs()).leafId).toBe(leafId);
  });

  it("a new CRL renewal period is applied in place", async () => {
    await project.pulumi("config", "set", "--type", "int", "crlValidDays", "10");
    expect(await project.preview()).toEqual({ same: 3, update: 1 });
    await project.pulumi("up", "--yes", "--skip-preview");
    expect((await project.outputs()).rootCaId).toBe(rootId);
    expect((await root()).crlConfiguration).toMatchObject({ enabled: true, validDays: 10 });
  });

  it("a CA enabled outside the stack: refresh shows it, the next up disables it again", async () => {
    await emulator.client().cas.enable(rootId);
    await project.pulumi("refresh", "--yes", "--skip-preview");
    expect(await project.preview()).toEqual({ same: 3, update: 1 });
    await project.pulumi("up", "--yes", "--skip-preview");
    expect((await root()).status).toBe("DISABLED");
  });

  it("destroy revokes the subordinate with its reason, then deletes both CAs", async () => {
    const subId = String((await project.outputs()).subCaId);
    await project.pulumi("destroy", "--yes", "--skip-preview");
    const cas = (await emulator.inventory()).certificate_authorities;
    expect(cas.find((ca) => ca.id === subId)).toMatchObject({ revocation_reason: "KEY_COMPROMISE", deleted: true });
    expect(cas.find((ca) => ca.id === rootId)?.deleted).toBe(true);
  });
});
