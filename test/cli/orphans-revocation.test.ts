// ccm-orphans and Revocation: a Revocation holds no object of its own — its id and its input name a
// certificate or CA someone else made — so the orphan finder must hold its target (never list it,
// never revoke or delete it) without taking it as a CA this stack manages or scans.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findOrphans } from "../../provider/cli/find.js";
import { planActions } from "../../provider/cli/plan.js";
import { collectHeldState } from "../../provider/cli/state.js";
import { type FrontEnd, type ResourceTypeName, typeToken } from "../../provider/runtime/resource-types.js";
import { TestEmulator } from "../harness/emulator.js";
import { makeRevocationTargets, type RevocationTargets } from "../resources/revocation-fixtures.js";

function resource(frontEnd: FrontEnd, type: ResourceTypeName, name: string, id: string, inputs: object, outputs = {}) {
  const token = typeToken(frontEnd, type);
  return { urn: `urn:pulumi:dev::proj::${token}::${name}`, type: token, id, inputs, outputs };
}

describe("ccm-orphans with Revocations in state", () => {
  let emulator: TestEmulator;
  let targets: RevocationTargets;

  beforeAll(async () => {
    emulator = await TestEmulator.start();
    targets = await makeRevocationTargets(emulator.client());
  });
  afterAll(() => emulator?.close());

  /** The root managed by the stack; the subordinate and a certificate revoked by it, each front end once. */
  function exported(frontEnd: FrontEnd) {
    const { rootId, subordinateId, certificateId } = targets;
    const revocation = { targetKind: "CA", status: "ACTIVED", alreadyRevoked: false, reason: "KEY_COMPROMISE" };
    return {
      deployment: {
        resources: [
          resource(frontEnd, "PrivateCa", "root", rootId, { type: "ROOT" }, { caId: rootId }),
          resource(frontEnd, "Revocation", "sub", subordinateId, { caId: subordinateId }, { ...revocation }),
          resource(frontEnd, "Revocation", "leak", certificateId, { certificateId }, { targetKind: "CERTIFICATE" }),
        ],
      },
    };
  }

  it.each(["dynamic", "native"] as const)("%s: holds each target without managing or scanning it", (frontEnd) => {
    const held = collectHeldState([{ source: "dev", exported: exported(frontEnd) }]);
    expect(held.unknownTypes).toEqual([]);
    expect(held.heldIds).toContain(targets.subordinateId);
    expect(held.heldIds).toContain(targets.certificateId);
    expect([...held.managedCaIds]).toEqual([targets.rootId]);
    expect([...held.scanCaIds]).toEqual([targets.rootId]);
  });

  it("never lists a revoked target as an orphan, so no --revoke or --delete reaches it", async () => {
    const held = collectHeldState([{ source: "dev", exported: exported("dynamic") }]);
    const { orphans } = await findOrphans(emulator.client(), held);
    const listed = orphans.map((o) => o.id);
    expect(listed).not.toContain(targets.subordinateId);
    expect(listed).not.toContain(targets.certificateId);
    // The root's other subordinate is what no state holds: the finder still sees it.
    expect(listed).toContain(targets.otherSubordinateId);
    // What the revoked subordinate issued is not this stack's to judge: that CA is not scanned.
    expect(listed).not.toContain(targets.otherCertificateId);
    const planned = planActions(orphans, { revoke: true, delete: true, reason: "SUPERSEDED", pendingDays: 7 });
    const touched = planned.map((action) => action.orphan.id);
    expect(touched).not.toContain(targets.subordinateId);
    expect(touched).not.toContain(targets.certificateId);
  });
});
