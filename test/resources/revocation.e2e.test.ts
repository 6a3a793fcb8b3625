// Revocation through the real CLI with the TypeScript classes: a certificate and a subordinate CA
// made behind the stack's back are revoked by `up` (the emulator records REVOKED and the reason),
// a preview makes no API call, a second preview and a refresh are quiet, a new reason warns and
// changes nothing, an already revoked target succeeds with a warning, bad input is refused at
// preview naming the property, and destroy leaves both revoked with a warning.
import { describe, expect, it } from "vitest";
import { usePreparedStack } from "../harness/emulator-stacks.js";
import { expectTargetsRevoked, makeRevocationTargets, type RevocationTargets } from "./revocation-fixtures.js";

const WARNING = String.raw`\n\s*warning: `;

describe("Revocation (TypeScript classes)", () => {
  let targets: RevocationTargets;
  const setup = usePreparedStack(async (emulator) => {
    targets = await makeRevocationTargets(emulator.client());
    const { certificateId, subordinateId } = targets;
    return { program: "test/programs/revocation", config: { certificateId, caId: subordinateId, extra: "null" } };
  });

  const entry = async (id: string) => {
    const inventory = await setup.emulator.inventory();
    return [...inventory.certificates, ...inventory.certificate_authorities].find((e) => e.id === id);
  };

  it("preview plans both revocations and makes no API call", async () => {
    const before = await setup.emulator.requestCount();
    expect(await setup.stack.preview()).toMatchObject({ create: 3 });
    expect(await setup.emulator.requestCount()).toBe(before);
  });

  it("up revokes the certificate and the subordinate CA with their reasons", async () => {
    const { outputs } = await setup.stack.up();
    await expectTargetsRevoked(entry, targets);
    // CCM has no REVOKED status for a CA: it stays ACTIVED; the emulator's inventory keeps the reason.
    expect(await entry(targets.subordinateId)).toMatchObject({ status: "ACTIVED" });
    expect(await entry(targets.otherCertificateId)).toMatchObject({ status: "ISSUED", revocation_reason: null });
    const values = Object.fromEntries(Object.entries(outputs).map(([key, out]) => [key, out.value]));
    expect(values).toMatchObject({
      certificateStatus: "REVOKED",
      certificateKind: "CERTIFICATE",
      certificateCommonName: "leaked.internal.example",
      certificateAlreadyRevoked: false,
      certificateRecordedReason: "KEY_COMPROMISE",
      caStatus: "ACTIVED",
      caKind: "CA",
      caCommonName: "Revocation Sub A",
      caAlreadyRevoked: false,
    });
    expect(values.certificateSerial).toMatch(/^[0-9A-Fa-f]+$/);
  });

  it("a second preview (no API call) and a refresh are quiet", async () => {
    const before = await setup.emulator.requestCount();
    await setup.stack.previewNoChanges();
    expect(await setup.emulator.requestCount()).toBe(before);
    const refreshed = await setup.stack.refresh();
    expect(Object.keys(refreshed).filter((kind) => kind !== "same")).toEqual([]);
    await setup.stack.previewNoChanges();
  });

  it("a new reason is an in-place update that makes no call and warns that CCM keeps the first", async () => {
    setup.stack.setConfig({ reason: "SUPERSEDED" });
    const before = await setup.emulator.requestCount();
    const { outputs, changes } = await setup.stack.up();
    expect(changes).toMatchObject({ update: 1 });
    expect(await setup.emulator.requestCount()).toBe(before);
    expect(setup.stack.lastLog).toMatch(
      new RegExp(
        `${WARNING}The certificate ${targets.certificateId} stays revoked with the reason CCM recorded first \\(KEY_COMPROMISE\\)`,
      ),
    );
    expect(outputs.certificateReason?.value).toBe("SUPERSEDED");
    expect(outputs.certificateRecordedReason?.value).toBe("KEY_COMPROMISE");
    expect(await entry(targets.certificateId)).toMatchObject({ revocation_reason: "KEY_COMPROMISE" });
    await setup.stack.previewNoChanges();
  });

  it("bad input is refused at preview, naming the property and what is allowed, with no API call", async () => {
    const before = await setup.emulator.requestCount();
    const cases = [
      [
        { certificateId: targets.otherCertificateId, caId: targets.otherSubordinateId },
        /property caId .*give certificateId or caId, not both/,
      ],
      [
        { reason: "SUPERSEDED" },
        /property certificateId .*either certificateId \(a private certificate\) or caId \(a SUBORDINATE CA\) is required/,
      ],
      [
        { caId: targets.otherSubordinateId, reason: "LOST" },
        /property reason .*must be one of "UNSPECIFIED", "KEY_COMPROMISE", .*"ATTRIBUTE_AUTHORITY_COMPROMISE" \(got "LOST"\)/,
      ],
    ] as const;
    for (const [extra, refusal] of cases) {
      setup.stack.setConfig({ extra: JSON.stringify(extra) });
      expect(await setup.stack.previewFailure()).toMatch(refusal);
    }
    expect(await setup.emulator.requestCount()).toBe(before);
  });

  it("a target revoked elsewhere already is success, with a warning", async () => {
    await setup.emulator.client().certificates.revoke(targets.otherCertificateId, "AFFILIATION_CHANGED");
    setup.stack.setConfig({ extra: JSON.stringify({ certificateId: targets.otherCertificateId }) });
    const { outputs } = await setup.stack.up();
    expect(outputs.anotherAlreadyRevoked?.value).toBe(true);
    expect(setup.stack.lastLog).toMatch(
      new RegExp(`${WARNING}The certificate ${targets.otherCertificateId} was already revoked: nothing changed`),
    );
    expect(await entry(targets.otherCertificateId)).toMatchObject({ revocation_reason: "AFFILIATION_CHANGED" });
  });

  it("destroy makes no call, warns, and leaves every target revoked", async () => {
    const before = await setup.emulator.requestCount();
    expect(await setup.stack.destroy()).toMatchObject({ delete: 4 });
    expect(await setup.emulator.requestCount()).toBe(before);
    expect(setup.stack.lastLog).toMatch(
      new RegExp(`${WARNING}The CA ${targets.subordinateId} stays revoked: a revocation cannot be undone`),
    );
    expect(await entry(targets.certificateId)).toMatchObject({
      status: "REVOKED",
      revocation_reason: "KEY_COMPROMISE",
    });
    expect(await entry(targets.subordinateId)).toMatchObject({ revocation_reason: "CERTIFICATE_AUTHORITY_COMPROMISE" });
    expect(await entry(targets.otherCertificateId)).toMatchObject({ status: "REVOKED" });
  });
});
