// A create that fails after the API made the certificate, through the native plugin and the real
// CLI (YAML program): the plugin answers ErrorResourceInitFailed, so the engine records the
// certificate instead of forgetting it. After each such failed `up`, `refresh`, `destroy` and a
// fixed `up` work, and the emulator's inventory is compared with `pulumi stack export` every time:
// no orphan, no duplicate, no pending operation. A lost create response ends the same way: one
// certificate, held by the stack, even when the first lookup for it fails.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestEmulator } from "../harness/emulator.js";
import { resourcesOfType, type StackExport } from "../harness/stack.js";
import { CliProject, repoRoot } from "./cli.js";
import { yamlHostDir } from "./hosts.js";
import { CERTIFICATE, inventoryMatchesState as matchesInventory } from "./inventory.js";
import { expectKeptInStackMessage, TAGGING_REFUSED_ONCE } from "./partial-create-suite.js";

describe("a create that fails half-way through the native plugin leaves a manageable stack", () => {
  const setup = useTestEmulator();
  let project: CliProject;

  beforeAll(async () => {
    const { emulator } = setup;
    project = new CliProject({
      source: path.join(repoRoot, "test/languages/yaml/partial-create"),
      path: [yamlHostDir()],
    });
    const { config, secrets } = emulator.stackConfig();
    await project.init(config, secrets);
  }, 900_000);
  afterAll(async () => {
    if (!project) return;
    await setup.emulator.setFaults([]);
    await project.pulumi("destroy", "--yes", "--skip-preview").catch(() => undefined);
    project.dispose();
  });

  /** What exists is what the stack holds (nothing orphaned, duplicated or pending); returns the state. */
  async function inventoryMatchesState(): Promise<StackExport> {
    const state = await project.exportState();
    await matchesInventory(setup.emulator, state);
    return state;
  }

  /** A failed `up`: the certificate exists, once, and the stack holds it; the user is told so. */
  async function failedUp(): Promise<string> {
    await setup.emulator.setFaults([TAGGING_REFUSED_ONCE]);
    const failure = await project.pulumi("up", "--yes", "--skip-preview").then(
      () => "",
      (error: Error) => error.message,
    );
    await setup.emulator.setFaults([]);
    const state = await inventoryMatchesState();
    const [certificate, ...others] = resourcesOfType(state, CERTIFICATE);
    expect(others).toEqual([]);
    const id = String(certificate?.id);
    expect(certificate?.outputs).toMatchObject({ certificateId: id, status: "UNKNOWN" });
    // The engine prints the init error's reasons: what exists, which step failed, what comes next.
    expectKeptInStackMessage(failure, id);
    return id;
  }

  async function destroyed(): Promise<void> {
    await project.pulumi("destroy", "--yes", "--skip-preview");
    const state = await inventoryMatchesState();
    expect(state.deployment.resources ?? []).toEqual([]);
  }

  it("refresh records the certificate as it is, and destroy removes it", async () => {
    const id = await failedUp();
    await project.pulumi("refresh", "--yes", "--skip-preview");
    const [certificate] = resourcesOfType(await inventoryMatchesState(), CERTIFICATE);
    expect(certificate).toMatchObject({ id, outputs: { status: "ISSUED" } });
    await destroyed();
  });

  it("destroy straight after removes it", async () => {
    await failedUp();
    await destroyed();
  });

  it("the next up finishes the job on the same certificate: tagged, nothing left to change", async () => {
    const id = await failedUp();
    const untagged = (await setup.emulator.inventory()).certificates.find((c) => c.id === id);
    expect(untagged?.tags).toEqual([]);
    await project.pulumi("up", "--yes", "--skip-preview");
    expect(await project.outputs()).toMatchObject({ certificateId: id, status: "ISSUED" });
    await inventoryMatchesState();
    const tagged = (await setup.emulator.inventory()).certificates.find((c) => c.id === id);
    expect(tagged?.tags).toEqual([{ key: "owner", value: "team-a" }]);
    expect(await project.preview("--expect-no-changes")).toEqual({ same: 3 }); // the stack, the CA, the certificate
    await destroyed();
  });

  /** An `up` whose apply response is lost (with `moreFaults` armed too): every rule is spent, the
   * stack holds one certificate, the one apply made, and nothing was re-sent. Returns how many
   * list calls the lookups made. */
  async function lostCreateUp(moreFaults: Record<string, unknown>[] = []): Promise<number> {
    const apply = "POST /v1/private-certificates";
    const list = "GET /v1/private-certificates";
    const before = (await setup.emulator.inventory()).requests.by_route;
    await setup.emulator.setFaults([
      { kind: "lost_response", method: "POST", path: "^/v1/private-certificates$", count: 1 },
      ...moreFaults,
    ]);
    await project.pulumi("up", "--yes", "--skip-preview");
    expect(await setup.emulator.control("GET", "faults")).toEqual({ rules: [] });
    expect(resourcesOfType(await inventoryMatchesState(), CERTIFICATE)).toHaveLength(1);
    const after = (await setup.emulator.inventory()).requests.by_route;
    expect(after[apply]).toBe((before[apply] ?? 0) + 1);
    return (after[list] ?? 0) - (before[list] ?? 0);
  }

  it("a lost create response: the certificate made is found and held, not made twice", async () => {
    expect(await lostCreateUp()).toBeGreaterThan(0);
    await destroyed();
  });

  it("a lost create response whose first lookup fails: asked again, found and held, not made twice; then refresh, destroy, up", async () => {
    // Two attempts per call, so that both of the first lookup's fail.
    await project.pulumi("config", "set", "huaweicloud-ccm:maxRetries", "1");
    try {
      const lists = await lostCreateUp([
        { kind: "error", status: 502, method: "GET", path: "^/v1/private-certificates$", count: 2 },
      ]);
      // The failed lookup's two attempts, then the one that found the certificate.
      expect(lists).toBe(3);
    } finally {
      await project.pulumi("config", "rm", "huaweicloud-ccm:maxRetries");
    }
    // Then refresh, destroy and up, the inventory equal to the export after each.
    await project.pulumi("refresh", "--yes", "--skip-preview");
    expect(resourcesOfType(await inventoryMatchesState(), CERTIFICATE)).toHaveLength(1);
    await destroyed();
    await project.pulumi("up", "--yes", "--skip-preview");
    expect(resourcesOfType(await inventoryMatchesState(), CERTIFICATE)).toHaveLength(1);
    await destroyed();
  });
});
