// The lookups from YAML (fn::invoke) through the native plugin's Invoke, with `pulumi` run in the
// program's directory by the YAML language host: a CA another team made (outside the stack) is
// found by name and tags and issues this stack's certificate; the lists, the quotas, and a lookup
// whose argument is known only after up (the preview does not fail on it). Preview, up, a quiet
// preview, refresh and destroy; the team's objects are never touched. Bad lookup arguments are
// refused at preview, each property named with what is allowed, with 0 API calls.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestEmulator } from "../harness/emulator.js";
import { makeTeamObjects, type TeamObjects } from "../harness/team-objects.js";
import { CliProject, repoRoot } from "./cli.js";
import { startYamlProject, yamlHostDir } from "./hosts.js";

describe("YAML lookups (fn::invoke) through the native plugin", () => {
  let emulator: TestEmulator;
  let project: CliProject;
  let team: TeamObjects;

  beforeAll(async () => {
    ({ emulator, project } = await startYamlProject("functions", async (started) => {
      team = await makeTeamObjects(started);
      return {};
    }));
  }, 900_000);
  afterAll(async () => {
    project?.dispose();
    await emulator?.close();
  });

  it("preview runs the lookups it can and plans the certificate; the one waiting for its id does not fail", async () => {
    expect(await project.preview()).toEqual({ create: 2 });
  });

  it("up issues the certificate from the CA the lookup found, and every lookup reads", async () => {
    await project.pulumi("up", "--yes", "--skip-preview");
    const outputs = await project.outputs();
    expect(outputs).toMatchObject({
      teamCaId: team.issuingId,
      teamCaStatus: "ACTIVED",
      teamCaTags: { team: "security" },
      expiringSoonIds: [team.expiringId],
      rootIds: [team.rootId],
      firstRootName: "Team Root CA",
      caUsed: 3,
      issuedStatus: "ISSUED",
      issuedSans: ["DNS:app.team.example"],
    });
    expect(String(outputs.teamCaPem)).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(String(outputs.issuedFingerprint)).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const issuer = (await emulator.inventory()).certificates.find((c) => c.id === outputs.appCertificateId);
    expect(issuer?.issuer_id).toBe(team.issuingId);
  });

  it("a second preview and a refresh change nothing", async () => {
    expect(await project.preview("--expect-no-changes")).toEqual({ same: 2 });
    await project.pulumi("refresh", "--yes", "--skip-preview", "--expect-no-changes");
  });

  it("destroy deletes the stack's certificate and leaves the team's CAs and certificate alone", async () => {
    await project.pulumi("destroy", "--yes", "--skip-preview");
    const inventory = await emulator.inventory();
    const live = inventory.certificates.filter((c) => !c.deleted).map((c) => c.id);
    expect(live).toEqual([team.expiringId]);
    expect(inventory.certificate_authorities.filter((ca) => ca.status === "ACTIVED")).toHaveLength(3);
  });

  it("bad lookup arguments are refused at preview, each named with what is allowed, before any API call", async () => {
    const bad = new CliProject({
      source: path.join(repoRoot, "test/languages/yaml/functions-bad-input"),
      path: [yamlHostDir()],
    });
    try {
      const { config, secrets } = emulator.stackConfig();
      await bad.init(config, secrets);
      const before = await emulator.requestCount();
      const failure = await bad.preview().then(
        () => "",
        (error: Error) => error.message,
      );
      expect(failure).toMatch(/must be one of .*PENDING.*ACTIVED.*DISABLED.*DELETED.*EXPIRED.*ACTIVE.*\(status\)/);
      expect(failure).toMatch(/must be at least 1 \(maxResults\)/);
      expect(await emulator.requestCount()).toBe(before);
    } finally {
      bad.dispose();
    }
  });
});
