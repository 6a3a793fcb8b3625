// ccm-orphans' safety rails, through the built command against an in-process emulator: native
// plugin tokens count as held, a type this version does not know stops every action, --dry-run
// prints the exact calls and makes none, what sits under a CA the given stacks do not manage needs
// --shared-ca with --yes, and an orphan that changed after it was listed is skipped.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanOrphans } from "../../provider/cli/clean.js";
import { findOrphans } from "../../provider/cli/find.js";
import { planActions } from "../../provider/cli/plan.js";
import { collectHeldState } from "../../provider/cli/state.js";
import type { CcmClient } from "../../provider/index.js";
import { type FrontEnd, type ResourceTypeName, typeToken } from "../../provider/runtime/resource-types.js";
import { issueCertificate, rootCaRequest } from "../harness/ca-fixtures.js";
import { TestEmulator } from "../harness/emulator.js";

const execFileAsync = promisify(execFile);
const cli = path.resolve(import.meta.dirname, "../../dist/provider/cli/orphans.js");
const ROOT = rootCaRequest("Rails Root CA");
const OPTIONS = { revoke: true, delete: true, reason: "SUPERSEDED", pendingDays: 7 } as const;

function resource(frontEnd: FrontEnd, type: ResourceTypeName, id: string, inputs: Record<string, unknown>) {
  const token = typeToken(frontEnd, type);
  return { urn: `urn:pulumi:dev::proj::${token}::${id}`, type: token, id, inputs, outputs: {} };
}

function exportOf(resources: unknown[]): unknown {
  return { version: 3, deployment: { manifest: {}, resources } };
}

describe("ccm-orphans safety rails", () => {
  let emulator: TestEmulator;
  let client: CcmClient;
  let dir: string;
  let env: NodeJS.ProcessEnv;

  const issue = (issuerId: string, commonName: string) => issueCertificate(client, issuerId, commonName);
  const live = async () =>
    new Set((await emulator.inventory()).certificates.filter((c) => !c.deleted).map((c) => c.id));
  const file = (name: string, exported: unknown) => {
    const at = path.join(dir, name);
    writeFileSync(at, JSON.stringify(exported));
    return at;
  };
  const run = (...args: string[]) =>
    execFileAsync(process.execPath, [cli, ...args], { env }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  beforeAll(async () => {
    emulator = await TestEmulator.start();
    client = emulator.client();
    dir = mkdtempSync(path.join(tmpdir(), "ccm-orphans-rails-"));
    env = emulator.commandEnv();
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await emulator?.close();
  });

  it("holds what either front end's resources hold, alike", async () => {
    const root = (await client.cas.create(ROOT)).caId;
    const certificate = await issue(root, "mixed.example");
    for (const [caEnd, certificateEnd] of [
      ["dynamic", "native"],
      ["native", "dynamic"],
    ] as const) {
      const held = collectHeldState([
        { source: "owner", exported: exportOf([resource(caEnd, "PrivateCa", root, { type: "ROOT" })]) },
        {
          source: "issuer",
          exported: exportOf([resource(certificateEnd, "PrivateCertificate", certificate, { issuerId: root })]),
        },
      ]);
      expect([...held.heldIds].sort()).toEqual([root, certificate].sort());
      expect([...held.managedCaIds]).toEqual([root]);
      expect((await findOrphans(client, held)).orphans).toEqual([]);
    }
    // Described CAs and pending creates, from the plugin's tokens as from the classes'.
    for (const frontEnd of ["dynamic", "native"] as const) {
      const ca = resource(frontEnd, "PrivateCa", "", { type: "ROOT", distinguishedName: ROOT.distinguishedName });
      const pendingCertificate = resource(frontEnd, "PrivateCertificate", "", { issuerId: "issuer-of-lost" });
      const held = collectHeldState([
        {
          source: frontEnd,
          exported: {
            deployment: {
              resources: [],
              pending_operations: [
                { type: "creating", resource: ca },
                { type: "creating", resource: pendingCertificate },
              ],
            },
          },
        },
      ]);
      expect(held.pendingCreates).toEqual([ca.urn, pendingCertificate.urn]);
      expect(held.describedCas).toEqual([expect.objectContaining({ commonName: "Rails Root CA", pending: true })]);
      expect([...held.scanCaIds]).toEqual(["issuer-of-lost"]);
    }
  });

  it("refuses to act while a state holds a type it does not know, and says which", async () => {
    const root = (await client.cas.create(ROOT)).caId;
    const orphan = await issue(root, "unknown-type.example");
    const future = {
      urn: "urn:pulumi:dev::proj::huaweicloud-ccm:index:PrivateCaOcsp::ocsp",
      type: "huaweicloud-ccm:index:PrivateCaOcsp",
      id: "ocsp-1",
    };
    const state = file(
      "unknown.json",
      exportOf([resource("native", "PrivateCa", root, { type: "ROOT" }), { ...future, inputs: { caId: root } }]),
    );
    const listed = await run(state);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(orphan);
    expect(listed.stdout).toContain("warning: refusing to revoke or delete");
    const acted = await run(state, "--revoke", "--delete", "--yes");
    expect(acted.code).toBe(1);
    expect(acted.stdout).toContain(`${future.urn} (${future.type})`);
    expect(acted.stdout).toMatch(/upgrade this one[\s\S]*nothing done/);
    expect(await live()).toContain(orphan);
  });

  it("--dry-run prints every call in order and makes none", async () => {
    const root = (await client.cas.create(ROOT)).caId;
    const orphan = await issue(root, "dry.example");
    const state = file("dry.json", exportOf([resource("native", "PrivateCa", root, { type: "ROOT" })]));
    const requestsBefore = (await emulator.inventory()).requests.by_route;
    const dry = await run(state, "--revoke", "--delete", "--dry-run", "--json");
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout).plan).toEqual([
      `revoke certificate ${orphan} (SUPERSEDED)`,
      `delete certificate ${orphan}`,
    ]);
    const requestsAfter = (await emulator.inventory()).requests.by_route;
    for (const route of Object.keys(requestsAfter).filter((r) => !r.startsWith("GET"))) {
      expect(requestsAfter[route], route).toBe(requestsBefore[route]);
    }
    expect((await client.certificates.get(orphan)).status).toBe("ISSUED");
    expect(dry.stderr).toMatch(new RegExp(`1 listed under CA ${root} \\(Rails Root CA\\): if other stacks issue`));
  });

  it("with --yes, leaves what sits under a CA the stacks use but do not manage unless --shared-ca names it", async () => {
    const shared = (await client.cas.create(ROOT)).caId;
    const mine = await issue(shared, "mine.example");
    const theirs = await issue(shared, "theirs.example");
    const state = file("user.json", exportOf([resource("native", "PrivateCertificate", mine, { issuerId: shared })]));
    const left = await run(state, "--delete", "--yes");
    expect(left.code).toBe(0);
    expect(left.stdout).toContain(`is used but not managed by the given stacks: it is shared`);
    expect(left.stdout).toContain(`left alone: 1 under CA ${shared} (Rails Root CA)`);
    expect(await live()).toContain(theirs);
    const named = await run(state, "--delete", "--yes", "--shared-ca", shared);
    expect(named.stdout).toContain(`certificate ${theirs}: deleted`);
    const after = await live();
    expect(after).not.toContain(theirs);
    expect(after).toContain(mine);
  });

  it("skips an orphan that changed or went away after it was listed", async () => {
    const root = (await client.cas.create(ROOT)).caId;
    const revokedMeanwhile = await issue(root, "changed.example");
    const deletedMeanwhile = await issue(root, "gone.example");
    const untouched = await issue(root, "listed.example");
    const held = collectHeldState([
      { source: "dev", exported: exportOf([resource("dynamic", "PrivateCa", root, { type: "ROOT" })]) },
    ]);
    const plan = planActions((await findOrphans(client, held)).orphans, OPTIONS);
    await client.certificates.revoke(revokedMeanwhile, "KEY_COMPROMISE");
    await client.certificates.delete(deletedMeanwhile);
    const outcomes = await cleanOrphans(client, plan, held.heldIds);
    expect(outcomes.find((o) => o.id === revokedMeanwhile)).toMatchObject({
      done: [],
      skipped: "its status changed since it was listed (ISSUED → REVOKED)",
    });
    expect(outcomes.find((o) => o.id === deletedMeanwhile)).toMatchObject({
      done: [],
      skipped: "gone since it was listed",
    });
    expect(outcomes.find((o) => o.id === untouched)).toMatchObject({ done: ["revoked (SUPERSEDED)", "deleted"] });
    expect((await client.certificates.get(revokedMeanwhile)).status).toBe("REVOKED");
  });
});
