// A create that fails after the object exists (ErrorResourceInitFailed) must leave a stack that
// Pulumi can still manage: for every step that runs after the API created the object, an emulator
// fault fails exactly that step, then — each straight after such a failed `up` — `refresh`,
// `destroy` and a fixed `up` work through the real CLI. The emulator's inventory is compared with
// `pulumi stack export` every time: one object per failed create, none orphaned, none duplicated.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ORGANISATION } from "../harness/ca-fixtures.js";
import { type InventoryEntry, TestEmulator } from "../harness/emulator.js";
import { PulumiRunError, resourcesOfType, type StackExport, type StackResource, TestStack } from "../harness/stack.js";
import { createRootCa } from "./fixtures.js";

const TYPE = {
  certificate: "pulumi-nodejs:dynamic/huaweicloud-ccm:PrivateCertificate",
  ca: "pulumi-nodejs:dynamic/huaweicloud-ccm:PrivateCa",
  intermediate: "pulumi-nodejs:dynamic/huaweicloud-ccm:IntermediateCaCertificate",
};
const CERTIFICATE = "^/v1/private-certificates/[^/]+";
const CA = "^/v1/private-certificate-authorities/[^/]+";

export interface Scenario {
  /** The step that fails. */
  step: string;
  /** test/programs/partial-create's `resource`. */
  resource: "certificate" | "root-ca" | "root-ca-switched" | "pending-ca" | "intermediate";
  type: string;
  /** Fails the step once; not retryable (403), so the create reports it. */
  fault: { method: string; path: string };
  /** Tags for the failing `up`, and the ones the fixed `up` is given. */
  tags?: [Record<string, string>, Record<string, string>];
  /** Status once the job is finished. */
  status: string;
  /** Status state records after the failed step: UNKNOWN unless the object was described before it. */
  statusAfterFailure?: string;
  /** Status a refresh finds right after the failure, when the job was not that far (default: `status`). */
  statusAfterRefresh?: string;
}

/** What each resource of test/programs/partial-create is, and its status once its job is done. */
const RESOURCES = {
  certificate: { type: TYPE.certificate, status: "ISSUED" },
  "root-ca": { type: TYPE.ca, status: "ACTIVED" },
  // Described (ACTIVED) before its switches are turned: a failed switch leaves that in state.
  "root-ca-switched": { type: TYPE.ca, status: "DISABLED", statusAfterFailure: "ACTIVED" },
  "pending-ca": { type: TYPE.ca, status: "PENDING" },
  intermediate: { type: TYPE.intermediate, status: "ACTIVED" },
};
const TAGS: Scenario["tags"] = [{ owner: "team-a" }, { owner: "team-b" }];

/** `step` of `resource`'s create fails at `method` `path`; `tags` if the step is tagging. */
function scenario(
  step: string,
  resource: Scenario["resource"],
  method: string,
  path: string,
  more: Pick<Scenario, "tags" | "statusAfterRefresh"> = {},
): Scenario {
  return { step, resource, ...RESOURCES[resource], fault: { method, path }, ...more };
}

export const SCENARIOS: Scenario[] = [
  scenario("certificate: waiting for ISSUED", "certificate", "GET", `${CERTIFICATE}$`),
  scenario("certificate: tags", "certificate", "POST", `${CERTIFICATE}/tags/create$`, { tags: TAGS }),
  scenario("CA: tags", "root-ca", "POST", `${CA}/tags/create$`, { tags: TAGS }),
  scenario("CA: CSR fetch", "pending-ca", "GET", `${CA}/csr$`),
  scenario("CA: certificate export", "root-ca", "POST", `${CA}/export$`),
  scenario("intermediate CA certificate: export", "intermediate", "POST", `${CA}/export$`),
  // The disable failed: a refresh finds the CA still ACTIVED.
  scenario("CA: disable after the create", "root-ca-switched", "POST", `${CA}/disable$`, {
    statusAfterRefresh: "ACTIVED",
  }),
  scenario("CA: OCSP switch", "root-ca-switched", "POST", `${CA}/ocsp/switch$`),
];

/** The three rounds for each scenario, in one file with its own emulator (faults are global). */
export function describePartialCreates(scenarios: Scenario[]): void {
  describe("a create that fails half-way leaves a manageable stack", () => {
    let emulator: TestEmulator;
    let rootId: string;
    let csrPem: string;
    const stacks: TestStack[] = [];

    beforeAll(async () => {
      emulator = await TestEmulator.start();
      ({ caId: rootId } = await createRootCa(emulator));
      // A CSR for the intermediate scenario, from a PENDING CA made behind Pulumi's back.
      const api = emulator.client();
      const { caId: pendingId } = await api.cas.create({
        type: "SUBORDINATE",
        keyAlgorithm: "EC256",
        distinguishedName: { commonName: "Partial Intermediate", ...ORGANISATION },
      });
      csrPem = await api.cas.exportCsr(pendingId);
    });
    afterAll(async () => {
      for (const stack of stacks) await stack.dispose();
      await emulator?.close();
    });

    /** The objects of the scenario's kind that exist and are not scheduled for deletion. */
    async function live(scenario: Scenario): Promise<InventoryEntry[]> {
      const inventory = await emulator.inventory();
      const entries = scenario.type === TYPE.certificate ? inventory.certificates : inventory.certificate_authorities;
      const mine =
        scenario.type === TYPE.intermediate
          ? entries.filter((e) => e.issuer_id === rootId && e.common_name === "Partial Intermediate")
          : scenario.type === TYPE.ca
            ? entries.filter((e) => e.common_name.startsWith("Partial "))
            : entries;
      return mine.filter((e) => !e.deleted);
    }

    function stackFor(scenario: Scenario, round: string, tags?: Record<string, string>): TestStack {
      const { config, secrets } = emulator.stackConfig();
      const stack = new TestStack({
        program: "test/programs/partial-create",
        stack: `${scenario.resource}-${SCENARIOS.indexOf(scenario)}-${round}`,
        config: {
          ...config,
          resource: scenario.resource,
          caId: rootId,
          ...(tags ? { tags: JSON.stringify(tags) } : {}),
        },
        secrets: { ...secrets, csrPem },
      });
      stacks.push(stack);
      return stack;
    }

    /**
     * A failed `up` whose create made exactly one object, recorded in state with everything the
     * dynamic-provider host needs (`__provider`) and no plaintext PEM.
     */
    async function failedUp(scenario: Scenario, stack: TestStack): Promise<{ id: string; known: Set<string> }> {
      const before = new Set((await live(scenario)).map((e) => e.id));
      await emulator.setFaults([
        { kind: "error", status: 403, error_code: "PCA.00030203", count: 1, ...scenario.fault },
      ]);
      const failure = await stack.up().catch((error: unknown) => error);
      await emulator.setFaults([]);
      expect(failure).toBeInstanceOf(PulumiRunError);
      // The engine reports the init error's reason: the refused step.
      expect((failure as PulumiRunError).message).toMatch(/HTTP 403 PCA\.00030203/);
      const created = (await live(scenario)).filter((e) => !before.has(e.id));
      expect(created).toHaveLength(1);
      const id = created[0]?.id ?? "";
      const resource = await onlyResource(stack, scenario);
      expect(resource.id).toBe(id);
      expect(resource.outputs?.__provider).toBeDefined();
      expect(resource.outputs?.status).toBe(scenario.statusAfterFailure ?? "UNKNOWN");
      return { id, known: before };
    }

    async function onlyResource(stack: TestStack, scenario: Scenario, exported?: unknown): Promise<StackResource> {
      const state = (exported ?? (await stack.exportState())) as StackExport;
      expect(JSON.stringify(state)).not.toContain("-----BEGIN");
      const resources = resourcesOfType(state, scenario.type);
      expect(resources).toHaveLength(1);
      return resources[0] as StackResource;
    }

    /** After a destroy: the object is gone (an intermediate CA certificate cannot be deleted in CCM: it stays). */
    async function destroyAndCheck(scenario: Scenario, stack: TestStack, id: string): Promise<void> {
      const { export: state } = await stack.run(["destroy", "export"]);
      expect(resourcesOfType(state as StackExport, scenario.type)).toEqual([]);
      const ids = (await live(scenario)).map((e) => e.id);
      if (scenario.type === TYPE.intermediate) expect(ids).toContain(id);
      else expect(ids).not.toContain(id);
      // Nothing left to dispose of: spare afterAll a destroy.
      stacks.splice(stacks.indexOf(stack), 1);
      await stack.discard();
    }

    // Each round is up to eight CLI runs: give it room on a loaded machine.
    describe.each(scenarios)("$step fails", { timeout: 600_000 }, (scenario) => {
      it("then refresh records the object as it is, and destroy removes it", async () => {
        const stack = stackFor(scenario, "refresh", scenario.tags?.[0]);
        const { id } = await failedUp(scenario, stack);
        const refreshed = await onlyResource(stack, scenario, (await stack.run(["refresh", "export"])).export);
        expect(refreshed.id).toBe(id);
        expect(refreshed.outputs?.status).toBe(scenario.statusAfterRefresh ?? scenario.status);
        await destroyAndCheck(scenario, stack, id);
      });

      it("then destroy removes it", async () => {
        const stack = stackFor(scenario, "destroy", scenario.tags?.[0]);
        const { id } = await failedUp(scenario, stack);
        await destroyAndCheck(scenario, stack, id);
      });

      it("then a fixed up finishes the job on the same object", async () => {
        const stack = stackFor(scenario, "up", scenario.tags?.[0]);
        const { id, known } = await failedUp(scenario, stack);
        if (scenario.tags) stack.setConfig({ tags: JSON.stringify(scenario.tags[1]) });
        const result = await stack.run(["up", "preview-no-changes", "export"]);
        const { outputs } = result.up as { outputs: Record<string, { value: unknown }> };
        expect(outputs.id?.value).toBe(id);
        expect(outputs.status?.value).toBe(scenario.status);
        const entries = (await live(scenario)).filter((e) => !known.has(e.id));
        expect(entries.map((e) => e.id)).toEqual([id]);
        expect((await onlyResource(stack, scenario, result.export)).id).toBe(id);
        if (scenario.tags) {
          const expected = Object.entries(scenario.tags[1]).map(([key, value]) => ({ key, value }));
          expect(entries[0]?.tags).toEqual(expected);
        }
        await destroyAndCheck(scenario, stack, id);
      });
    });
  });
}
