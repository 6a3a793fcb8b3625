// PrivateCa through the real Pulumi CLI when a CA create's response is lost (the service made the
// CA, the connection dropped) or answered 502 without being executed: exactly one CA per resource,
// each resource holding its own, and destroy working at the first try.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestEmulator } from "../harness/emulator.js";
import { outputString, resourcesOfType, type TestStack } from "../harness/stack.js";

const PRIVATE_CA = "pulumi-nodejs:dynamic/huaweicloud-ccm:PrivateCa";
const CREATE = { method: "POST", path: "^/v1/private-certificate-authorities$", count: 1 };

describe.each([
  { name: "a lost response", fault: { kind: "lost_response", ...CREATE }, creates: 2 },
  { name: "a 502 that was not executed", fault: { kind: "error", status: 502, ...CREATE }, creates: 3 },
])("PrivateCa: the first CA create meets $name", ({ fault, creates }) => {
  let emulator: TestEmulator;
  let stack: TestStack;

  beforeAll(async () => {
    emulator = await TestEmulator.start();
    stack = emulator.stack({ program: "test/programs/private-ca" });
  });
  afterAll(async () => {
    await emulator.setFaults([]).catch(() => undefined);
    await stack?.dispose();
    await emulator?.close();
  });

  it("up ends with one CA per resource, each its own, nothing duplicated", async () => {
    await emulator.setFaults([fault]);
    const { outputs, changes } = await stack.up();
    expect(changes).toEqual({ create: 3 });
    const ids = [outputString(outputs, "rootCaId"), outputString(outputs, "pendingCaId")];
    const { certificate_authorities: cas, requests } = await emulator.inventory();
    expect(cas.map((ca) => ca.id).sort()).toEqual([...ids].sort());
    expect(requests.by_route["POST /v1/private-certificate-authorities"]).toBe(creates);
    const state = resourcesOfType(await stack.exportState(), PRIVATE_CA);
    expect(state.map((r) => r.id).sort()).toEqual([...ids].sort());
    for (const r of state) expect(r.outputs?.suspectedDuplicateIds).toBeUndefined();
  });

  it("destroy works at the first try", async () => {
    expect(await stack.destroy()).toEqual({ delete: 3 });
    expect((await emulator.inventory()).certificate_authorities.filter((ca) => !ca.deleted)).toEqual([]);
  });
});
