// PrivateCa through the real Pulumi CLI against the emulator: tags in place, status changes made
// outside Pulumi reflected by refresh (DISABLED kept; DELETED kept and replaced by the next up;
// gone leaves state), destroy scheduling every CA's deletion — and bad input refused at preview,
// every property named, with no API call.
import { describe, expect, it } from "vitest";
import { rootCaRequest } from "../harness/ca-fixtures.js";
import { useEmulatorStack } from "../harness/emulator.js";
import { usePreparedStack } from "../harness/emulator-stacks.js";
import { type OutputValue, outputString, resourcesOfType } from "../harness/stack.js";

const PRIVATE_CA = "pulumi-nodejs:dynamic/huaweicloud-ccm:PrivateCa";

describe("PrivateCa lifecycle: in-place updates, changes made outside Pulumi, destroy", () => {
  const setup = useEmulatorStack({
    program: "test/programs/private-ca",
    config: { tags: JSON.stringify({ team: "pki" }), pendingDays: "10" },
  });
  let first: Record<string, OutputValue>;

  it("up creates an ACTIVED root and a PENDING subordinate", async () => {
    const { outputs, changes } = await setup.stack.up();
    first = outputs;
    expect(changes).toEqual({ create: 3 });
    expect(outputs.rootStatus?.value).toBe("ACTIVED");
    expect(outputs.pendingStatus?.value).toBe("PENDING");
    const root = (await setup.emulator.inventory()).certificate_authorities.find(
      (ca) => ca.id === outputString(outputs, "rootCaId"),
    );
    expect(root?.tags).toEqual([{ key: "team", value: "pki" }]);
  });

  it("tags and pendingDays change in place (a preview of it makes no API call)", async () => {
    setup.stack.setConfig({ tags: JSON.stringify({ team: "security", tier: "0" }), pendingDays: "12" });
    const before = await setup.emulator.requestCount();
    expect(await setup.stack.preview()).toEqual({ update: 1, same: 2 });
    expect(await setup.emulator.requestCount()).toBe(before);
    const { outputs, changes } = await setup.stack.up();
    expect(changes).toEqual({ update: 1, same: 2 });
    expect(outputs.rootCaId?.value).toBe(first.rootCaId?.value);
    expect(outputs.rootTags?.value).toEqual({ team: "security", tier: "0" });
    const root = (await setup.emulator.inventory()).certificate_authorities.find(
      (ca) => ca.id === outputString(outputs, "rootCaId"),
    );
    expect(root?.tags).toEqual(
      expect.arrayContaining([
        { key: "team", value: "security" },
        { key: "tier", value: "0" },
      ]),
    );
  });

  it("refresh reflects a CA disabled outside Pulumi, and the next preview leaves it as it is", async () => {
    await setup.emulator.client().cas.disable(outputString(first, "rootCaId"));
    // The engine counts a refresh as a change only when the provider's diff would plan one, and a
    // DISABLED CA is deliberately left as it is (see the preview below): the state is updated all the same.
    expect(await setup.stack.refresh()).toEqual({ same: 3 });
    const [root] = resourcesOfType(await setup.stack.exportState(), PRIVATE_CA).filter((r) => r.urn.endsWith("::root"));
    expect(root?.outputs?.status).toBe("DISABLED");
    const before = await setup.emulator.requestCount();
    expect(await setup.stack.previewNoChanges()).toEqual({ same: 3 });
    expect(await setup.emulator.requestCount()).toBe(before);
  });

  it("a CA scheduled for deletion outside stays in state (DELETED); one gone for good leaves state", async () => {
    const api = setup.emulator.client();
    await api.cas.delete(outputString(first, "rootCaId"), 7); // DISABLED → DELETED, restorable for 7 days
    await api.cas.delete(outputString(first, "pendingCaId")); // PENDING → gone at once
    expect(await setup.stack.refresh()).toEqual({ update: 1, delete: 1, same: 1 });
    const cas = resourcesOfType(await setup.stack.exportState(), PRIVATE_CA);
    expect(cas.map((r) => r.urn.split("::").at(-1))).toEqual(["root"]);
    expect(cas[0]?.outputs?.status).toBe("DELETED");
    expect(cas[0]?.outputs?.deleteTime).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("the next up replaces the CA scheduled for deletion and recreates the one that is gone", async () => {
    const before = await setup.emulator.requestCount();
    expect(await setup.stack.preview()).toEqual({ replace: 1, create: 1, same: 1 });
    expect(await setup.emulator.requestCount()).toBe(before);
    const { outputs, changes } = await setup.stack.up();
    expect(changes).toEqual({ replace: 1, create: 1, same: 1 });
    expect(outputs.rootCaId?.value).not.toBe(first.rootCaId?.value);
    expect(outputs.rootStatus?.value).toBe("ACTIVED");
    expect(outputs.pendingStatus?.value).toBe("PENDING");
    expect(await setup.stack.previewNoChanges()).toEqual({ same: 3 });
  });

  it("destroy disables and schedules every CA's deletion with pendingDays (a PENDING one goes at once)", async () => {
    const outputs = await setup.stack.outputs();
    expect(await setup.stack.destroy()).toEqual({ delete: 3 });
    const cas = (await setup.emulator.inventory()).certificate_authorities;
    expect(cas.filter((ca) => !ca.deleted)).toEqual([]);
    expect(cas.find((ca) => ca.id === outputString(outputs, "pendingCaId"))).toBeUndefined();
    const root = await setup.emulator.client().cas.get(outputString(outputs, "rootCaId"));
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
  let caId: string;
  const setup = usePreparedStack(async (emulator) => {
    ({ caId } = await emulator.client().cas.create({
      ...rootCaRequest("Adopted Root"),
      validity: { type: "YEAR", value: 1 },
    }));
    return { program: "test/programs/private-ca-adopt", config: { caId } };
  });

  it("up reads it, its certificate a secret; destroy leaves it alone", async () => {
    const { outputs } = await setup.stack.up();
    expect(outputs.caId?.value).toBe(caId);
    expect(outputs.type?.value).toBe("ROOT");
    expect(outputs.status?.value).toBe("ACTIVED");
    expect(outputs.subject?.value).toMatchObject({ commonName: "Adopted Root" });
    expect(outputs.certificatePem).toMatchObject({ secret: true });
    expect(outputString(outputs, "certificatePem")).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    expect(JSON.stringify(await setup.stack.exportState())).not.toContain("-----BEGIN");
    await setup.stack.destroy();
    expect((await setup.emulator.client().cas.get(caId)).status).toBe("ACTIVED");
  });
});
