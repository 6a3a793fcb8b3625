// The lookups from a TypeScript program through the real engine (test/programs/functions): a CA
// another team made is found by name and tags and issues the stack's certificate; the lookup of
// that certificate waits for its id (preview does not fail on it); preview, up, a quiet preview,
// refresh and destroy, the team's objects untouched; a bad argument is refused with the property
// and the allowed values, before any API call.
import { describe, expect, it } from "vitest";
import { usePreparedStack } from "../harness/emulator-stacks.js";
import { makeTeamObjects, type TeamObjects } from "../harness/team-objects.js";

describe("lookups in a TypeScript program", () => {
  let team: TeamObjects;
  const setup = usePreparedStack(async (emulator) => {
    team = await makeTeamObjects(emulator);
    return { program: "test/programs/functions", config: { teamCaName: "Team Issuing CA" } };
  });

  it("preview plans the certificate; the lookup waiting for its id stays unknown", async () => {
    expect(await setup.stack.preview()).toEqual({ create: 2 });
  });

  it("up issues from the CA the lookup found, and every lookup reads", async () => {
    const { outputs } = await setup.stack.up();
    const value = (name: string) => outputs[name]?.value;
    expect(value("teamCaId")).toBe(team.issuingId);
    expect(value("appIssuerId")).toBe(team.issuingId);
    expect(String(value("teamCaPem"))).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(value("issuedStatus")).toBe("ISSUED");
    expect(value("issuedSans")).toEqual(["DNS:app.team.example"]);
    expect(value("issuedSerial")).toEqual(expect.any(String));
    expect(value("expiringIds")).toEqual([team.expiringId]);
    expect(value("rootIds")).toEqual([team.rootId]);
    expect(value("activeCount")).toBe(3);
    expect(value("caUsed")).toBe(3);
  });

  it("a second preview and a refresh change nothing", async () => {
    await setup.stack.previewNoChanges();
    expect(await setup.stack.refresh()).toEqual({ same: 2 });
  });

  it("a bad argument from outside the program is refused, naming the property and the allowed values", async () => {
    const bad = setup.emulator.stack({ program: "test/programs/functions-bad-input" });
    const before = await setup.emulator.requestCount();
    const failure = await bad.preview({ LOOKUP_STATUS: "ACTIVE" }).then(
      () => "",
      (error: Error) => error.message,
    );
    expect(failure).toMatch(/invalid getPrivateCas arguments: status: must be one of .*"ACTIVED".*\(got "ACTIVE"\)/);
    expect(await setup.emulator.requestCount()).toBe(before);
    await bad.dispose();
  });

  it("destroy deletes the stack's certificate and leaves the team's objects alone", async () => {
    expect(await setup.stack.destroy()).toEqual({ delete: 2 });
    const inventory = await setup.emulator.inventory();
    expect(inventory.certificates.filter((c) => !c.deleted).map((c) => c.id)).toEqual([team.expiringId]);
    expect(inventory.certificate_authorities.filter((ca) => ca.status === "ACTIVED")).toHaveLength(3);
  });
});
