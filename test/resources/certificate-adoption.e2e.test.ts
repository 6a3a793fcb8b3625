// Two PrivateCertificates with one common name (a server and a client certificate for one host),
// through the real Pulumi CLI, with a fault armed on the client's apply while the server's
// certificate is seconds old. Whatever the fault, each resource must end with its own certificate
// (openssl shows its own EKU and SANs), and destroy with revokeOnDelete must work at the first try.
// And when a re-send may have duplicated a slow first attempt, `pulumi up` says so; a run of
// failures that executed nothing converges in one `up`, unless createAttempts is set too low; a
// lookup that fails after a lost response is asked again rather than leave an orphan.
import { describe, expect, it } from "vitest";
import { typeToken } from "../../provider/runtime/resource-types.js";
import type { EmulatorStack, TestEmulator } from "../harness/emulator.js";
import { usePreparedStack } from "../harness/emulator-stacks.js";
import { outputString, resourcesOfType } from "../harness/stack.js";
import { run, type Scratch, useScratch } from "../harness/tools.js";
import { createRootCa } from "./fixtures.js";

const CERT = typeToken("dynamic", "PrivateCertificate");
const APPLY = { method: "POST", path: "^/v1/private-certificates$", count: 1 };

interface Case {
  name: string;
  fault: Record<string, unknown>;
  /** POST /v1/private-certificates requests the up makes: the server's and the client's. */
  applies: number;
}

const CASES: Case[] = [
  { name: "a 502 that was not executed", fault: { kind: "error", status: 502, ...APPLY }, applies: 3 },
  {
    name: "a lost response (executed, then the connection dropped)",
    fault: { kind: "lost_response", ...APPLY },
    applies: 2,
  },
];

/** test/programs/same-name-pair under a fresh root CA, with `config` (the faults armed among it). */
function useSameNamePair(config: Record<string, string>): EmulatorStack {
  return usePreparedStack(async (emulator) => {
    const { caId } = await createRootCa(emulator);
    return { program: "test/programs/same-name-pair", config: { caId, ...config } };
  });
}

const faults = (...rules: Record<string, unknown>[]) => JSON.stringify(rules);

/**
 * The emulator shows a new certificate at once, so the client's lookups after an ambiguous apply
 * need not start at 2 s (createSettleMs, the setting a user lowers for the emulator in CI too):
 * the lookups and re-sends under test are the same, only their waits are shorter.
 */
const QUICK_LOOKUPS = { "huaweicloud-ccm:createSettleMs": "250" };

async function opensslText(scratch: Scratch, emulator: TestEmulator, id: string): Promise<string> {
  const { certificate } = await emulator.client().certificates.exportPem(id, { type: "OTHER" });
  const result = await run("openssl", ["x509", "-noout", "-text", "-in", scratch.file(`${id}.pem`, certificate ?? "")]);
  expect(result.code, result.output).toBe(0);
  return result.output;
}

/** Refresh, destroy and up, each leaving the emulator's live certificates equal to the export's. */
async function expectRefreshDestroyUpKeepInventory(setup: EmulatorStack): Promise<void> {
  const inventoryMatchesState = async () => {
    const live = (await setup.emulator.inventory()).certificates.filter((c) => !c.deleted).map((c) => c.id);
    const held = resourcesOfType(await setup.stack.exportState(), CERT).map((r) => String(r.id));
    expect(live.sort()).toEqual(held.sort());
  };
  await inventoryMatchesState();
  expect(await setup.stack.refresh()).toEqual({ same: 3 });
  await inventoryMatchesState();
  await setup.stack.destroy();
  await inventoryMatchesState();
  await setup.stack.up();
  await inventoryMatchesState();
  expect(resourcesOfType(await setup.stack.exportState(), CERT)).toHaveLength(2);
}

describe.each(CASES)("same common name, the client's apply meets $name", ({ fault, applies }) => {
  const setup = useSameNamePair({ ...QUICK_LOOKUPS, faults: faults(fault) });
  const scratch = useScratch();
  let serverId: string;
  let clientId: string;

  it("up gives each resource its own certificate, with no duplicate and no orphan", async () => {
    const { outputs, changes } = await setup.stack.up();
    expect(changes).toEqual({ create: 3 });
    serverId = outputString(outputs, "serverId");
    clientId = outputString(outputs, "clientId");
    expect(clientId).not.toBe(serverId);
    expect(outputs.clientSuspects?.value).toBeUndefined();
    const inventory = await setup.emulator.inventory();
    expect(inventory.certificates.map((c) => c.id).sort()).toEqual([serverId, clientId].sort());
    expect(inventory.requests.by_route["POST /v1/private-certificates"]).toBe(applies);
  });

  it("openssl shows each certificate with its own EKU and SANs", async () => {
    const server = await opensslText(scratch, setup.emulator, serverId);
    expect(server).toContain("TLS Web Server Authentication");
    expect(server).not.toContain("TLS Web Client Authentication");
    expect(server).toMatch(/DNS:api\.internal\.example, IP Address:10\.0\.0\.20/);
    const client = await opensslText(scratch, setup.emulator, clientId);
    expect(client).toContain("TLS Web Client Authentication");
    expect(client).not.toContain("TLS Web Server Authentication");
    expect(client).toContain("email:svc@internal.example");
    expect(client).not.toContain("DNS:api.internal.example");
  });

  it("the state holds two resources with two ids, and a preview is quiet", async () => {
    const certs = resourcesOfType(await setup.stack.exportState(), CERT);
    expect(certs.map((r) => r.id).sort()).toEqual([serverId, clientId].sort());
    for (const r of certs) {
      expect(r.outputs?.certificateId).toBe(r.id);
      expect(r.outputs?.suspectedDuplicateIds).toBeUndefined();
    }
    await setup.stack.previewNoChanges();
  });

  it("destroy revokes and deletes both at the first try", async () => {
    expect(await setup.stack.destroy()).toEqual({ delete: 3 });
    const { certificates, requests } = await setup.emulator.inventory();
    expect(certificates.filter((c) => c.id === serverId || c.id === clientId)).toEqual([]);
    expect(requests.by_route["POST /v1/private-certificates/{certificate_id}/revoke"]).toBe(2);
  });
});

describe("a slow first apply that appears after the re-send", () => {
  // The client's apply is held 7 s by the emulator, then executed; the client gives up after
  // 3 s (written, unanswered: ambiguous), looks at 6 s (it waits as long as the attempt took:
  // nothing yet), re-sends, and looks for late look-alikes 2 s later (about 8 s), by which time
  // the first attempt's certificate exists.
  const setup = useSameNamePair({
    "huaweicloud-ccm:requestTimeoutMs": "3000",
    faults: faults({ kind: "latency", latency_ms: 7000, ...APPLY }),
  });

  it("warns in the `pulumi up` output and names the suspect in the resource's outputs", async () => {
    const { outputs } = await setup.stack.up();
    const clientId = outputString(outputs, "clientId");
    const serverId = outputString(outputs, "serverId");
    const { certificates } = await setup.emulator.inventory();
    const late = certificates.map((c) => c.id).filter((id) => id !== clientId && id !== serverId);
    expect(late).toHaveLength(1);
    expect(outputs.clientSuspects?.value).toEqual(late);
    expect(outputs.serverSuspects?.value).toBeUndefined();
    // An engine diagnostic (listed under Diagnostics, a line of its own), not text the host printed.
    expect(setup.stack.lastLog).toMatch(
      new RegExp(
        `Diagnostics:[\\s\\S]*\\n\\s*warning: PrivateCertificate "api\\.internal\\.example" holds ${clientId}[\\s\\S]*?${late[0]}`,
      ),
    );
    const [client] = resourcesOfType(await setup.stack.exportState(), CERT).filter((r) => r.id === clientId);
    expect(client?.outputs?.suspectedDuplicateIds).toEqual(late);
  });
});

describe("an apply that meets four 502s in a row, none of them executed", () => {
  const setup = useSameNamePair({
    ...QUICK_LOOKUPS,
    faults: faults({ kind: "error", status: 502, ...APPLY, count: 4 }),
  });

  it("converges in one `up`: a lookup after each shows nothing, and the fifth send (createAttempts) answers", async () => {
    const { outputs, changes } = await setup.stack.up();
    expect(changes).toEqual({ create: 3 });
    const clientId = outputString(outputs, "clientId");
    expect(clientId).not.toBe(outputString(outputs, "serverId"));
    expect(outputs.clientSuspects?.value).toBeUndefined();
    const { certificates, requests } = await setup.emulator.inventory();
    expect(certificates).toHaveLength(2); // no duplicate, no orphan
    expect(requests.by_route["POST /v1/private-certificates"]).toBe(1 + 5);
  });

  it("refresh, destroy and up leave the emulator's inventory equal to the stack's export", async () => {
    await expectRefreshDestroyUpKeepInventory(setup);
  });
});

describe("a lost response whose first lookup fails on the service's side", () => {
  // The apply is executed and its answer lost; then every attempt of the first lookup's list call
  // (maxRetries 1: two) answers 502. Giving up there left the certificate for no later run to
  // find, and the next `up` issued a second one (the orphan and duplicate the chaos run found).
  const LIST = { method: "GET", path: "^/v1/private-certificates$" };
  const setup = useSameNamePair({
    ...QUICK_LOOKUPS,
    "huaweicloud-ccm:maxRetries": "1",
    faults: faults({ kind: "lost_response", ...APPLY }, { kind: "error", status: 502, ...LIST, count: 2 }),
  });

  it("asks again and adopts the certificate the lost response made: one `up`, no duplicate, no orphan", async () => {
    const { outputs, changes } = await setup.stack.up();
    expect(changes).toEqual({ create: 3 });
    const clientId = outputString(outputs, "clientId");
    expect(clientId).not.toBe(outputString(outputs, "serverId"));
    const { certificates, requests } = await setup.emulator.inventory();
    expect(certificates.map((c) => c.id).sort()).toEqual([clientId, outputString(outputs, "serverId")].sort());
    expect(requests.by_route["POST /v1/private-certificates"]).toBe(2);
    // The failed lookup's two attempts, then the one that answered.
    expect(requests.by_route["GET /v1/private-certificates"]).toBe(3);
    const held = resourcesOfType(await setup.stack.exportState(), CERT).map((r) => String(r.id));
    expect(held.sort()).toEqual(certificates.map((c) => c.id).sort());
  });

  it("then refresh, destroy and up (which meets the same faults) leave the inventory equal to the export", async () => {
    await expectRefreshDestroyUpKeepInventory(setup);
  });
});

describe("an apply whose outcome stays unknown", () => {
  // With createAttempts 2, both of the client's attempts answer 502 without being executed, and
  // no look shows anything: the client stops rather than send a third time.
  const setup = useSameNamePair({
    ...QUICK_LOOKUPS,
    "huaweicloud-ccm:createAttempts": "2",
    faults: faults({ kind: "error", status: 502, ...APPLY, count: 2 }),
  });

  it("fails the step saying what is uncertain and how to go on with a dynamic provider", async () => {
    const error = await setup.stack.up().then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toContain("the outcome is unknown");
    expect(error?.message).toContain("the limit of 2 attempts is reached (createAttempts)");
    expect(error?.message).toContain("Nothing was recorded in the stack");
    expect(error?.message).toContain("GET /v1/private-certificates?name=<common name>");
    expect(error?.message).toContain('PrivateCertificate.get("<name>", "<id>")');
    expect(error?.message).toContain("dynamic providers cannot `pulumi import`");
    const { certificates, requests } = await setup.emulator.inventory();
    expect(certificates).toHaveLength(1); // the server's: nothing was created for the client
    expect(requests.by_route["POST /v1/private-certificates"]).toBe(3);
    expect(resourcesOfType(await setup.stack.exportState(), CERT)).toHaveLength(1);
  });

  it("the next up (no fault this time) creates the client's certificate", async () => {
    setup.stack.setConfig({ faults: "[]" });
    const { outputs } = await setup.stack.up();
    expect(outputString(outputs, "clientId")).not.toBe(outputString(outputs, "serverId"));
    expect((await setup.emulator.inventory()).certificates).toHaveLength(2);
  });
});
