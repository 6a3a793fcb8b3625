// PrivateCa through the real Pulumi CLI against the emulator: tags in place, status changes made
// outside Pulumi reflected by refresh (DISABLED kept; DELETED kept and replaced by the next up;
// gone leaves state), destroy scheduling every CA's deletion — and bad input refused at preview,
// every property named, with no API call.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestEmulator, useEmulatorStack } from "../harness/emulator.js";
import { type OutputValue, resourcesOfType, type TestStack } from "../harness/stack.js";

const PRIVATE_CA = "pulumi-nodejs:dynamic/huaweicloud-ccm:PrivateCa";

function text(outputs: Record<string, OutputValue>, name: string): string {
  const value = outputs[name]?.value;
  if (typeof value !== "string") throw new Error(`output ${name} is ${JSON.stringify(value)}`);
  return value;
}

describe("PrivateCa lifecycle: in-place updates, changes made outside Pulumi, destroy", () => {
  let emulator: TestEmulator;
  let stack: TestStack;
  let first: Record<string, OutputValue>;

  beforeAll(async () => {
    emulator = await TestEmulator.start();
    stack = emulator.stack({
      program: "test/programs/private-ca",
      config: { tags: JSON.stringify({ team: "pki" }), pendingDays: "10" },
    });
  });
  afterAll(async () => {
    await stack?.dispose();
    await emulator?.close();
  });

  it("up creates an ACTIVED root and a PENDING subordinate", async () => {
    const { outputs, changes } = await stack.up();
    first = outputs;
    expect(changes).toEqual({ create: 3 });
    expect(outputs.rootStatus?.value).toBe("ACTIVED");
    expect(outputs.pendingStatus?.value).toBe("PENDING");
    const root = (await emulator.inventory()).certificate_authorities.find((ca) => ca.id === text(outputs, "rootCaId"));
    expect(root?.tags).toEqual([{ key: "team", value: "pki" }]);
  });

  it("tags and pendingDays change in place (a preview of it makes no API call)", async () => {
    stack.setConfig({ tags: JSON.stringify({ team: "security", tier: "0" }), pendingDays: "12" });
    const before = await emulator.requestCount();
    expect(await stack.preview()).toEqual({ update: 1, same: 2 });
    expect(await emulator.requestCount()).toBe(before);
    const { outputs, changes } = await stack.up();
    expect(changes).toEqual({ update: 1, same: 2 });
    expect(outputs.rootCaId?.value).toBe(first.rootCaId?.value);
    expect(outputs.rootTags?.value).toEqual({ team: "security", tier: "0" });
    const root = (await emulator.inventory()).certificate_authorities.find((ca) => ca.id === text(outputs, "rootCaId"));
    expect(root?.tags).toEqual(
      expect.arrayContaining([
        { key: "team", value: "security" },
        { key: "tier", value: "0" },
      ]),
    );
  });

  it("refresh reflects a CA disabled outside Pulumi, and the next preview leaves it as it is", async () => {
    await emulator.client().cas.disable(text(first, "rootCaId"));
    // The engine counts a refresh as a change only when the provider's diff would plan one, and a
    // DISABLED CA is deliberately left as it is (see the preview below): the state is updated all the same.
    expect(await stack.refresh()).toEqual({ same: 3 });
    const [root] = resourcesOfType(await stack.exportState(), PRIVATE_CA).filter((r) => r.urn.endsWith("::root"));
    expect(root?.outputs?.status).toBe("DISABLED");
    const before = await emulator.requestCount();
    expect(await stack.previewNoChanges()).toEqual({ same: 3 });
    expect(await emulator.requestCount()).toBe(before);
  });

  it("a CA scheduled for deletion outside stays in state (DELETED); one gone for good leaves state", async () => {
    const api = emulator.client();
    await api.cas.delete(text(first, "rootCaId"), 7); // DISABLED → DELETED, restorable for 7 days
    await api.cas.delete(text(first, "pendingCaId")); // PENDING → gone at once
    expect(await stack.refresh()).toEqual({ update: 1, delete: 1, same: 1 });
    const cas = resourcesOfType(await stack.exportState(), PRIVATE_CA);
    expect(cas.map((r) => r.urn.split("::").at(-1))).toEqual(["root"]);
    expect(cas[0]?.outputs?.status).toBe("DELETED");
    expect(cas[0]?.outputs?.deleteTime).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("the next up replaces the CA scheduled for deletion and recreates the one that is gone", async () => {
    const before = await emulator.requestCount();
    expect(await stack.preview()).toEqual({ replace: 1, create: 1, same: 1 });
    expect(await emulator.requestCount()).toBe(before);
    const { outputs, changes } = await stack.up();
    expect(changes).toEqual({ replace: 1, create: 1, same: 1 });
    expect(outputs.rootCaId?.value).not.toBe(first.rootCaId?.value);
    expect(outputs.rootStatus?.value).toBe("ACTIVED");
    expect(outputs.pendingStatus?.value).toBe("PENDING");
    expect(await stack.previewNoChanges()).toEqual({ same: 3 });
  });

  it("destroy disables and schedules every CA's deletion with pendingDays (a PENDING one goes at once)", async () => {
    const outputs = await stack.outputs();
    expect(await stack.destroy()).toEqual({ delete: 3 });
    const cas = (await emulator.inventory()).certificate_authorities;
    expect(cas.filter((ca) => !ca.deleted)).toEqual([]);
    expect(cas.find((ca) => ca.id === text(outputs, "pendingCaId"))).toBeUndefined();
    const root = await emulator.client().cas.get(text(outputs, "rootCaId"));
    expect(root.status).toBe("DELETED");
    // pendingDays 12 from the in-place update, measured on the emulator's clock.
    const days = (Date.parse(root.deleteTime ?? "") - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(11.9);
    expect(days).toBeLessThan(12.1);
  });
});

describe("PrivateCa check: bad input", () => {
  const setup = useEmulatorStack({
    program: "test/programs/private-ca",
    config: { country: "CHN", keyAlgorithm: "RSA1024", rootPathLength: "1", pendingDays: "3" },
  });

  it("preview names every bad property of a resource and makes no API call", async () => {
    const message = await setup.stack.previewFailure();
    for (const expected of [
      /'root': property distinguishedName\.country .*two letters/,
      /'root': property keyAlgorithm .*must be one of "RSA2048", "RSA4096", "EC256", "EC384", "SM2"/,
      /'root': property pendingDays .*7/,
      /'root': property pathLength .*not allowed for a ROOT CA/,
    ]) {
      expect(message).toMatch(expected);
    }
    expect(await setup.emulator.requestCount()).toBe(0);
  });

  it("a validity too long for a root is refused once the other properties are right", async () => {
    setup.stack.setConfig({
      country: "CN",
      keyAlgorithm: "EC256",
      rootPathLength: "",
      pendingDays: "7",
      validityYears: "31",
    });
    expect(await setup.stack.previewFailure()).toMatch(/'root': property validity\.value .*at most 30 years/);
    expect(await setup.emulator.requestCount()).toBe(0);
  });

  it("a signed certificate without its chain is refused, and the PEM is not echoed", async () => {
    setup.stack.setConfig(
      { validityYears: "2" },
      { pendingCertificatePem: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n" },
    );
    const message = await setup.stack.previewFailure();
    expect(message).toMatch(/'pending': property certificateChainPem .*is required with the other/);
    expect(message).not.toContain("MIIB");
    expect(await setup.emulator.requestCount()).toBe(0);
  });
});

describe("PrivateCa.get: a CA made outside Pulumi, looked up read-only", () => {
  let emulator: TestEmulator;
  let stack: TestStack;
  let caId: string;

  beforeAll(async () => {
    emulator = await TestEmulator.start();
    ({ caId } = await emulator.client().cas.create({
      type: "ROOT",
      keyAlgorithm: "EC256",
      signatureAlgorithm: "SHA256",
      validity: { type: "YEAR", value: 1 },
      distinguishedName: {
        commonName: "Adopted Root",
        country: "CN",
        state: "Sichuan",
        locality: "Chengdu",
        organization: "Example Corp",
        organizationalUnit: "Platform",
      },
    }));
    stack = emulator.stack({ program: "test/programs/private-ca-adopt", config: { caId } });
  });
  afterAll(async () => {
    await stack?.dispose();
    await emulator?.close();
  });

  it("up reads it, its certificate a secret; destroy leaves it alone", async () => {
    const { outputs } = await stack.up();
    expect(outputs.caId?.value).toBe(caId);
    expect(outputs.type?.value).toBe("ROOT");
    expect(outputs.status?.value).toBe("ACTIVED");
    expect(outputs.subject?.value).toMatchObject({ commonName: "Adopted Root" });
    expect(outputs.certificatePem).toMatchObject({ secret: true });
    expect(text(outputs, "certificatePem")).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    expect(JSON.stringify(await stack.exportState())).not.toContain("-----BEGIN");
    await stack.destroy();
    expect((await emulator.client().cas.get(caId)).status).toBe("ACTIVED");
  });
});
