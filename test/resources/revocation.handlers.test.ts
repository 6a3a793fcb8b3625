// Revocation handlers without the engine: check and diff as pure functions (what a preview runs —
// no API call), then create, read, update and delete against an in-process emulator, with the
// warnings they give collected from the handler context's log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handlerContext } from "../../provider/kernel/context.js";
import { REVOCATION } from "../../provider/resources/revocation/declaration.js";
import type { RevocationInputs, RevocationOutputs } from "../../provider/resources/revocation/inputs.js";
import { UNKNOWN } from "../../provider/resources/shared/unknowns.js";
import { pointHandlersAt, TestEmulator } from "../harness/emulator.js";
import { makeRevocationTargets, type RevocationTargets } from "./revocation-fixtures.js";

const ID = "2cb2878b-6cd1-460d-bd25-afe655159bdc";
const warnings: string[] = [];
const handlers = REVOCATION.handlers(handlerContext({ log: { warn: async (m) => void warnings.push(m) } }));

async function failuresOf(news: Record<string, unknown>) {
  const result = await handlers.check({}, news);
  return Object.fromEntries((result.failures ?? []).map((f) => [f.property, f.reason]));
}

function stored(overrides: Partial<RevocationOutputs> = {}): RevocationOutputs {
  const base = { certificateId: ID, reason: "KEY_COMPROMISE", targetKind: "CERTIFICATE", status: "REVOKED" } as const;
  return { ...base, alreadyRevoked: false, revokedWithReason: "KEY_COMPROMISE", ...overrides };
}

describe("check and diff (no API call)", () => {
  it("takes one target and defaults the reason to UNSPECIFIED", async () => {
    const result = await handlers.check({}, { certificateId: ID });
    expect(result.failures).toBeUndefined();
    expect(result.inputs).toMatchObject({ certificateId: ID, reason: "UNSPECIFIED" });
    expect((await handlers.check({}, { caId: ID, certificateId: null })).failures).toBeUndefined();
    expect((await handlers.check({}, { caId: UNKNOWN })).failures).toBeUndefined();
  });

  it("refuses both targets or neither, naming the property", async () => {
    expect(await failuresOf({ certificateId: ID, caId: ID })).toEqual({
      caId: "give certificateId or caId, not both: one Revocation revokes one certificate or one CA",
    });
    expect(await failuresOf({ reason: "SUPERSEDED" })).toEqual({
      certificateId: "either certificateId (a private certificate) or caId (a SUBORDINATE CA) is required",
    });
    expect((await failuresOf({ caId: ID, reason: "LOST" })).reason).toMatch(/must be one of "UNSPECIFIED", /);
  });

  it("a new target replaces; a new reason is in place; an imported (reasonless) one compares nothing", async () => {
    const news = (overrides: Partial<RevocationInputs>) => ({
      certificateId: ID,
      reason: "KEY_COMPROMISE",
      ...overrides,
    });
    expect(await handlers.diff(ID, stored(), news({}) as RevocationInputs)).toMatchObject({ changes: false });
    const other = "3cb2878b-6cd1-460d-bd25-afe655159bdc";
    expect(await handlers.diff(ID, stored(), news({ certificateId: other }) as RevocationInputs)).toMatchObject({
      changes: true,
      replaces: ["certificateId"],
    });
    const reasonChange = await handlers.diff(ID, stored(), news({ reason: "SUPERSEDED" }) as RevocationInputs);
    expect(reasonChange).toMatchObject({ changes: true, replaces: [] });
    const { reason: _none, ...imported } = stored({ alreadyRevoked: true });
    const afterImport = await handlers.diff(ID, imported as RevocationOutputs, news({}) as RevocationInputs);
    expect(afterImport).toMatchObject({ changes: false });
  });
});

describe("handlers against the emulator", () => {
  let emulator: TestEmulator;
  let targets: RevocationTargets;

  beforeAll(async () => {
    emulator = await TestEmulator.start();
    targets = await makeRevocationTargets(emulator.client());
    pointHandlersAt(emulator.url);
  });
  afterAll(() => emulator?.close());

  const revocationReasonOf = async (id: string) => {
    const inventory = await emulator.inventory();
    return [...inventory.certificates, ...inventory.certificate_authorities].find((e) => e.id === id)
      ?.revocation_reason;
  };

  it("revokes a certificate, then finds it already revoked (a warning, success)", async () => {
    warnings.length = 0;
    const inputs = { certificateId: targets.certificateId, reason: "KEY_COMPROMISE" } as RevocationInputs;
    const first = await handlers.create(inputs);
    expect(first.id).toBe(targets.certificateId);
    expect(first.outs).toMatchObject({ targetKind: "CERTIFICATE", status: "REVOKED", alreadyRevoked: false });
    expect(first.outs).toMatchObject({ commonName: "leaked.internal.example", revokedWithReason: "KEY_COMPROMISE" });
    expect(await revocationReasonOf(targets.certificateId)).toBe("KEY_COMPROMISE");
    const again = await handlers.create({ ...inputs, reason: "SUPERSEDED" });
    expect(again.outs).toMatchObject({ alreadyRevoked: true, status: "REVOKED" });
    expect(again.outs?.revokedWithReason).toBeUndefined();
    expect(warnings).toEqual([expect.stringMatching(/was already revoked: .*CCM keeps the reason recorded first/)]);
    expect(await revocationReasonOf(targets.certificateId)).toBe("KEY_COMPROMISE");
  });

  it("revokes a subordinate CA, then finds it already revoked", async () => {
    warnings.length = 0;
    const inputs = { caId: targets.subordinateId, reason: "CERTIFICATE_AUTHORITY_COMPROMISE" } as RevocationInputs;
    const first = await handlers.create(inputs);
    expect(first.outs).toMatchObject({ targetKind: "CA", status: "ACTIVED", alreadyRevoked: false });
    expect(await revocationReasonOf(targets.subordinateId)).toBe("CERTIFICATE_AUTHORITY_COMPROMISE");
    const again = await handlers.create(inputs);
    expect(again.outs).toMatchObject({ alreadyRevoked: true });
    expect(warnings).toEqual([expect.stringMatching(/^The CA .* was already revoked/)]);
  });

  it("refuses a root CA and ids that do not exist, with the service's answer and what to do", async () => {
    const root = await handlers.create({ caId: targets.rootId, reason: "UNSPECIFIED" }).catch((e: unknown) => e);
    expect(String(root)).toMatch(/caId: the CA .* is a ROOT CA and CCM revokes only SUBORDINATE CAs/);
    expect(String(root)).toMatch(/HTTP 400 PCA\.00020202 .*\(request id [^)]+\)/);
    const missing = "0cb2878b-6cd1-460d-bd25-afe655159bdc";
    const noCert = await handlers.create({ certificateId: missing, reason: "UNSPECIFIED" }).catch((e: unknown) => e);
    expect(String(noCert)).toMatch(
      /certificateId: the private certificate .* does not exist .*; a CA's id goes in caId/,
    );
    expect(String(noCert)).toMatch(/PCA\.10010002 .*request id .*Hint: /);
    const noCa = await handlers.create({ caId: targets.certificateId, reason: "UNSPECIFIED" }).catch((e: unknown) => e);
    expect(String(noCa)).toMatch(/caId: the CA .* does not exist .*goes in certificateId/);
  });

  it("read follows the target, imports by id alone, and drops a target that is gone", async () => {
    const refreshed = await handlers.read(targets.certificateId, stored({ certificateId: targets.certificateId }));
    expect(refreshed.props).toMatchObject({ status: "REVOKED", commonName: "leaked.internal.example" });
    expect(refreshed.inputs).toBeUndefined();
    warnings.length = 0;
    const ca = await handlers.read(targets.subordinateId);
    expect(ca.inputs).toEqual({ caId: targets.subordinateId });
    expect(ca.props).toMatchObject({ targetKind: "CA", alreadyRevoked: true });
    expect(ca.props?.reason).toBeUndefined();
    expect(warnings).toEqual([expect.stringMatching(/imported as revoked without proof/)]);
    await expect(handlers.read(targets.otherCertificateId)).rejects.toThrow(/is ISSUED, not revoked/);
    await expect(handlers.read(targets.rootId)).rejects.toThrow(/is a ROOT CA/);
    await emulator.client().certificates.delete(targets.certificateId);
    expect(await handlers.read(targets.certificateId, stored({ certificateId: targets.certificateId }))).toEqual({
      id: "",
    });
  });

  it("update and delete make no call and say why", async () => {
    warnings.length = 0;
    const before = await emulator.requestCount();
    const olds = stored({ caId: targets.subordinateId, certificateId: undefined, targetKind: "CA" });
    const news = { caId: targets.subordinateId, reason: "SUPERSEDED" } as RevocationInputs;
    const updated = await handlers.update(targets.subordinateId, olds, news);
    expect(updated.outs).toMatchObject({ reason: "SUPERSEDED", revokedWithReason: "KEY_COMPROMISE" });
    await handlers.delete(targets.subordinateId, olds);
    expect(await emulator.requestCount()).toBe(before);
    expect(warnings).toEqual([
      expect.stringMatching(/stays revoked with the reason CCM recorded first \(KEY_COMPROMISE\)/),
      expect.stringMatching(/stays revoked: a revocation cannot be undone/),
    ]);
  });
});
