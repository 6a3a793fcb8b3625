// ccm-orphans across front ends, through the real CLI: one stack owns a CA, another issues from it,
// one written in TypeScript (the dynamic provider), the other in YAML (the native plugin), both
// ways round. Given both exports nothing is listed and `--delete --yes` deletes nothing (the bug
// this guards: a YAML stack's live certificate listed as an orphan, then deleted). Given only the
// owner's export, the other stack's certificate is listed with a note naming the shared CA, and
// nothing is done without the confirmation.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestEmulator } from "../harness/emulator.js";
import type { StackExport, TestStack } from "../harness/stack.js";
import { CliProject, repoRoot } from "./cli.js";
import { yamlHostDir } from "./hosts.js";

const execFileAsync = promisify(execFile);
const ORPHANS = path.join(repoRoot, "dist/provider/cli/orphans.js");

interface Listing {
  orphans: { id: string }[];
  actions: unknown[];
  notes: string[];
}

describe("ccm-orphans with a TypeScript stack and a YAML stack sharing a CA", () => {
  let emulator: TestEmulator;
  let dir: string;
  let hostDir: string;

  beforeAll(async () => {
    emulator = await TestEmulator.start();
    dir = mkdtempSync(path.join(tmpdir(), "ccm-orphans-mixed-"));
    hostDir = yamlHostDir();
  }, 900_000);
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await emulator?.close();
  });

  const saved = (name: string, state: StackExport) => {
    const file = path.join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify(state));
    return file;
  };
  const orphans = (...args: string[]) =>
    execFileAsync(process.execPath, [ORPHANS, ...args], {
      env: emulator.commandEnv(),
    });
  const listing = async (...args: string[]) => JSON.parse((await orphans(...args, "--json")).stdout) as Listing;
  const liveCertificates = async () =>
    (await emulator.inventory()).certificates.filter((c) => !c.deleted && c.status === "ISSUED").map((c) => c.id);
  const liveCas = async () =>
    (await emulator.inventory()).certificate_authorities.filter((c) => c.status === "ACTIVED").map((c) => c.id);

  async function yamlStack(program: string, config: Record<string, string> = {}): Promise<CliProject> {
    const project = new CliProject({ source: path.join(repoRoot, "test/languages/yaml", program), path: [hostDir] });
    const { config: base, secrets } = emulator.stackConfig();
    await project.init({ ...base, ...config }, secrets);
    await project.pulumi("up", "--yes", "--skip-preview");
    return project;
  }

  /** Given both exports: nothing listed, and `--delete --yes` deletes nothing. */
  async function bothGivenTouchNothing(owner: string, issuer: string): Promise<void> {
    const before = await liveCertificates();
    expect((await listing(owner, issuer)).orphans).toEqual([]);
    expect((await listing(owner, issuer, "--revoke", "--delete", "--yes")).actions).toEqual([]);
    expect((await liveCertificates()).sort()).toEqual(before.sort());
  }

  it("a TypeScript stack owns the CA, a YAML stack issues from it", async () => {
    const ts = emulator.stack({ program: "test/programs/private-ca" });
    let yaml: CliProject | undefined;
    try {
      const caId = String((await ts.up()).outputs.rootCaId?.value);
      yaml = await yamlStack("issue-from-ca", { caId });
      const yamlCertificate = String((await yaml.outputs()).certificateId);
      const owner = saved("ts-owner", await ts.exportState());
      const issuer = saved("yaml-issuer", await yaml.exportState());
      await bothGivenTouchNothing(owner, issuer);

      // The owner alone: the YAML stack's certificate is listed, under a CA that note names …
      const alone = await listing(owner);
      expect(alone.orphans.map((o) => o.id)).toEqual([yamlCertificate]);
      expect(alone.notes).toEqual([expect.stringContaining(`1 listed under CA ${caId} (Lifecycle Root)`)]);
      expect(alone.notes[0]).toContain("Give every stack that shares it");
      // … and nothing is done without the confirmation.
      await expect(orphans(owner, "--delete")).rejects.toMatchObject({
        code: 2,
        stderr: expect.stringContaining("pass --yes"),
      });
      expect(await liveCertificates()).toContain(yamlCertificate);
    } finally {
      await yaml?.pulumi("destroy", "--yes", "--skip-preview");
      yaml?.dispose();
      await ts.destroy();
      await ts.dispose();
    }
  });

  it("a YAML stack owns the CA, a TypeScript stack issues from it", async () => {
    const yaml = await yamlStack("quickstart");
    let ts: TestStack | undefined;
    try {
      const caId = String((await yaml.outputs()).rootCaId);
      ts = emulator.stack({ program: "test/programs/certificate", config: { caId } });
      await ts.up();
      const owner = saved("yaml-owner", await yaml.exportState());
      const issuer = saved("ts-issuer", await ts.exportState());
      await bothGivenTouchNothing(owner, issuer);

      // The issuer alone: the CA is used but not managed, so with --yes nothing under it is touched.
      const alone = await listing(issuer, "--delete", "--yes");
      expect(alone.orphans.length).toBeGreaterThan(0);
      expect(alone.notes[0]).toContain(`CA ${caId} (Example Root CA) is used but not managed`);
      expect(alone.actions).toEqual([]);
      const live = [...(await liveCertificates()), ...(await liveCas())];
      expect(live).toEqual(expect.arrayContaining(alone.orphans.map((o) => o.id)));
    } finally {
      await ts?.destroy();
      await ts?.dispose();
      await yaml.pulumi("destroy", "--yes", "--skip-preview");
      yaml.dispose();
    }
  });
});
