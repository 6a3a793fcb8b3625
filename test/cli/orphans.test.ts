// ccm-orphans without Pulumi: hand-written exports (the shapes `pulumi stack export` prints) against
// an in-process emulator holding a mix of held, orphaned and unrelated objects.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanOrphans } from "../../provider/cli/clean.js";
import { findOrphans } from "../../provider/cli/find.js";
import { planActions } from "../../provider/cli/plan.js";
import { collectHeldState, StateFormatError } from "../../provider/cli/state.js";
import type { CcmClient } from "../../provider/index.js";
import { type FrontEnd, type ResourceTypeName, typeToken } from "../../provider/runtime/resource-types.js";
import { issueCertificate as issue, rootCaRequest } from "../harness/ca-fixtures.js";
import { TestEmulator } from "../harness/emulator.js";

const execFileAsync = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, "../..");
const ROOT = rootCaRequest("Orphan Root CA");
const DN = ROOT.distinguishedName;

function resource(
  type: ResourceTypeName,
  name: string,
  id: string,
  inputs: Record<string, unknown>,
  outputs = {},
  frontEnd: FrontEnd = "dynamic",
) {
  const token = typeToken(frontEnd, type);
  return { urn: `urn:pulumi:dev::proj::${token}::${name}`, type: token, id, inputs, outputs };
}

describe("ccm-orphans", () => {
  let emulator: TestEmulator;
  let client: CcmClient;
  const ids = { root: "", held: "", bundled: "", orphan: "", twinRoot: "", twinChild: "", other: "", otherCert: "" };
  let exported: unknown;
  let dir: string;

  beforeAll(async () => {
    emulator = await TestEmulator.start();
    client = emulator.client();
    dir = mkdtempSync(path.join(tmpdir(), "ccm-orphans-"));
    ids.root = (await client.cas.create(ROOT)).caId;
    ids.held = await issue(client, ids.root, "held.example");
    ids.bundled = await issue(client, ids.root, "bundled.example"); // held by a bundle's input only
    ids.orphan = await issue(client, ids.root, "orphan.example");
    ids.twinRoot = (await client.cas.create(ROOT)).caId; // what a repeated create of the root made
    ids.twinChild = await issue(client, ids.twinRoot, "held.example");
    ids.other = (await client.cas.create({ ...ROOT, distinguishedName: { ...DN, commonName: "Other Root" } })).caId;
    ids.otherCert = await issue(client, ids.other, "other.example");
    exported = {
      version: 3,
      deployment: {
        manifest: {},
        resources: [
          { urn: "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev", type: "pulumi:pulumi:Stack" },
          resource("PrivateCa", "root", ids.root, { type: "ROOT", distinguishedName: DN }, { caId: ids.root }),
          resource("PrivateCertificate", "held", ids.held, { issuerId: ids.root }, { certificateId: ids.held }),
          resource("CertificateBundle", "bundle", `${ids.bundled}/NGINX`, { certificateId: ids.bundled }),
        ],
        pending_operations: [
          {
            type: "creating",
            resource: {
              urn: "urn:…::pulumi-nodejs:dynamic/huaweicloud-ccm:PrivateCertificate::lost",
              type: typeToken("dynamic", "PrivateCertificate"),
              inputs: { issuerId: ids.root },
            },
          },
        ],
      },
    };
    writeFileSync(path.join(dir, "state.json"), JSON.stringify(exported));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await emulator?.close();
  });

  it("collects held ids, CAs to scan, described CAs and pending creates from an export", () => {
    const held = collectHeldState([{ source: "dev", exported }]);
    expect([...held.heldIds].sort()).toEqual([ids.root, ids.held, ids.bundled, `${ids.bundled}/NGINX`].sort());
    expect([...held.scanCaIds]).toEqual([ids.root]);
    expect(held.describedCas.map((d) => d.commonName)).toEqual(["Orphan Root CA"]);
    expect(held.pendingCreates).toHaveLength(1);
    expect(() => collectHeldState([{ source: "x.json", exported: { hello: 1 } }])).toThrow(StateFormatError);
  });

  it("reports what no state holds under the stack's CAs, and look-alikes of its CAs with their certificates", async () => {
    const { orphans, unmanagedIssuers } = await findOrphans(client, collectHeldState([{ source: "dev", exported }]));
    expect(orphans.map((o) => o.id).sort()).toEqual([ids.orphan, ids.twinRoot, ids.twinChild].sort());
    const twin = orphans.find((o) => o.id === ids.twinRoot);
    expect(twin?.kind).toBe("CA");
    expect(twin?.reason).toMatch(/looks like root/);
    const orphan = orphans.find((o) => o.id === ids.orphan);
    expect(orphan).toMatchObject({
      kind: "certificate",
      commonName: "orphan.example",
      status: "ISSUED",
      keyAlgorithm: "EC256",
    });
    expect(orphan?.createTime).toBeTruthy();
    expect(unmanagedIssuers).toEqual([]);
  });

  it("refuses to act without --yes when stdin is not a terminal, and changes nothing", async () => {
    const run = execFileAsync(
      process.execPath,
      [path.join(repoRoot, "dist/provider/cli/orphans.js"), path.join(dir, "state.json"), "--delete"],
      {
        env: emulator.commandEnv(),
      },
    );
    await expect(run).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/pass --yes/) });
    const live = (await emulator.inventory()).certificates.map((c) => c.id);
    expect(live).toContain(ids.orphan);
  });

  it("lists as JSON from the command, then revokes and deletes only the orphans", async () => {
    const env = emulator.commandEnv();
    const cli = path.join(repoRoot, "dist/provider/cli/orphans.js");
    const listed = JSON.parse(
      (await execFileAsync(process.execPath, [cli, path.join(dir, "state.json"), "--json"], { env })).stdout,
    );
    expect(listed.orphans).toHaveLength(3);
    expect(listed.actions).toEqual([]);
    const { stdout } = await execFileAsync(
      process.execPath,
      [cli, path.join(dir, "state.json"), "--json", "--revoke", "--delete", "--yes"],
      { env },
    );
    const { actions } = JSON.parse(stdout) as { actions: { id: string; done: string[]; error?: string }[] };
    expect(actions.filter((a) => a.error)).toEqual([]);
    expect(actions.find((a) => a.id === ids.orphan)?.done).toEqual(["revoked (SUPERSEDED)", "deleted"]);
    const inventory = await emulator.inventory();
    const certs = new Set(inventory.certificates.map((c) => c.id));
    expect(certs.has(ids.orphan)).toBe(false);
    expect(certs.has(ids.twinChild)).toBe(false);
    for (const kept of [ids.held, ids.bundled, ids.otherCert]) expect(certs.has(kept)).toBe(true);
    const twin = inventory.certificate_authorities.find((ca) => ca.id === ids.twinRoot);
    expect(twin?.status).toBe("DELETED");
    expect(inventory.certificate_authorities.find((ca) => ca.id === ids.root)?.status).toBe("ACTIVED");
  });

  it("never touches an id a state holds, even when asked to", async () => {
    const held = collectHeldState([{ source: "dev", exported }]);
    const orphan = {
      kind: "certificate" as const,
      id: ids.held,
      commonName: "held.example",
      status: "ISSUED",
      createTime: undefined,
      issuerId: ids.root,
      keyAlgorithm: undefined,
      signatureAlgorithm: undefined,
      genMode: undefined,
      notAfter: undefined,
      subject: {},
      reason: "test",
    };
    const plan = planActions([orphan], { revoke: true, delete: true, reason: "SUPERSEDED", pendingDays: 7 });
    await expect(cleanOrphans(client, plan, held.heldIds)).rejects.toThrow(/holds it/);
    expect((await emulator.inventory()).certificates.find((c) => c.id === ids.held)?.status).toBe("ISSUED");
  });
});
