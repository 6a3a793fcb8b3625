// The plugin installed the Pulumi way: the linux-amd64 archive scripts/plugin-archive.mjs builds
// (the official Node binary with the plugin injected as a single executable application) installed
// with `pulumi plugin install resource huaweicloud-ccm <version> --file <archive>` into the test's
// PULUMI_HOME, then the YAML quickstart and the Go program run with PULUMI_IGNORE_AMBIENT_PLUGINS=true,
// neither bin/ nor any node on PATH, and no ambient-plugin warning. A control run with bin/ on PATH
// shows the warning, so its absence means something.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestEmulator } from "../harness/emulator.js";
import { CliProject, repoRoot } from "./cli.js";
import { buildGoProgram, goStep, goStepEnv } from "./go-program.js";
import { yamlHostDir } from "./hosts.js";
import {
  AMBIENT_PLUGIN_WARNING,
  buildPluginArchive,
  executablesOnPath,
  installPluginArchive,
  onInstalledPlugin,
  type PluginArchive,
} from "./plugin-archive.js";

const PLUGIN = "pulumi-resource-huaweicloud-ccm";
const quickstart = path.join(repoRoot, "test/languages/yaml/quickstart");

describe("the plugin archive installed with pulumi plugin install", () => {
  let emulator: TestEmulator;
  let plugin: PluginArchive;

  beforeAll(async () => {
    plugin = buildPluginArchive();
    emulator = await TestEmulator.start();
  }, 900_000);
  afterAll(async () => {
    await emulator?.close();
    if (plugin) rmSync(path.dirname(plugin.archive), { recursive: true, force: true });
  });

  it("holds the executable alone at its root, named as the engine expects", () => {
    expect(path.basename(plugin.archive)).toBe(`${PLUGIN}-v${plugin.version}-linux-amd64.tar.gz`);
    const listing = execFileSync("tar", ["-tvzf", plugin.archive], { encoding: "utf8" }).trim().split("\n");
    expect(listing).toHaveLength(1);
    expect(listing[0]).toMatch(new RegExp(`^-rwxr-xr-x .* ${PLUGIN}$`));
  });

  it("the YAML quickstart runs on the installed plugin alone: no node, no bin/, no warning", async () => {
    await onInstalledPlugin(quickstart, plugin, emulator, {}, async (project, installed) => {
      const searchPath = String(project.env().PATH);
      expect(executablesOnPath("node", searchPath)).toEqual([]);
      expect(executablesOnPath(PLUGIN, searchPath)).toEqual([]);
      expect(installed.size).toBeGreaterThan(50_000_000);

      await project.pulumi("up", "--yes", "--skip-preview");
      expect(project.lastLog).not.toMatch(AMBIENT_PLUGIN_WARNING);
      expect((await project.outputs()).status).toBe("ISSUED");
      expect(await project.preview("--expect-no-changes")).toEqual({ same: 5 });
      expect(project.lastLog).not.toMatch(AMBIENT_PLUGIN_WARNING);
      await project.pulumi("destroy", "--yes", "--skip-preview");
      expect(project.lastLog).not.toMatch(AMBIENT_PLUGIN_WARNING);
      expect((await emulator.inventory()).certificates.filter((c) => !c.deleted)).toHaveLength(0);
    });
  });

  it("the plugin's warnings reach the engine's Log call (its gRPC client is bundled too)", async () => {
    const slowApply = path.join(repoRoot, "test/languages/yaml/slow-apply");
    const config = { "huaweicloud-ccm:requestTimeoutMs": "3000" };
    await onInstalledPlugin(slowApply, plugin, emulator, config, async (project) => {
      // The first apply is held 7 s, then executed. The client gives up at 3 s, looks at 6 s (a
      // lookup waits as long as the attempt took): nothing yet, so it re-sends, and looks for late
      // look-alikes 2 s after that (8 s), by which time the first attempt's certificate exists.
      await emulator.setFaults([
        { kind: "latency", latency_ms: 7000, method: "POST", path: "^/v1/private-certificates$", count: 1 },
      ]);
      try {
        await project.pulumi("up", "--yes", "--skip-preview");
        // An engine diagnostic of its own, not the stderr fallback of a plugin with no engine to tell.
        expect(project.lastLog).toMatch(
          /\n\s*warning: PrivateCertificate "[^"]+" holds \S+; its first request's response/,
        );
        expect(project.lastLog).not.toMatch(/no engine to tell/);
        await project.pulumi("destroy", "--yes", "--skip-preview");
      } finally {
        await emulator.setFaults([]);
      }
    });
  });

  it("control: with bin/ on PATH the engine runs it and warns", async () => {
    const project = new CliProject({ source: quickstart, path: [yamlHostDir()] });
    try {
      await installPluginArchive(String(project.env().PULUMI_HOME), plugin);
      const { config, secrets } = emulator.stackConfig();
      await project.init(config, secrets);
      expect(await project.preview()).toEqual({ create: 5 });
      expect(project.lastLog).toMatch(AMBIENT_PLUGIN_WARNING);
    } finally {
      project.dispose();
    }
  });

  it("the Go program (Automation API, inline, Go SDK) runs on the installed plugin alone", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "ccm-go-archive-"));
    try {
      const binary = buildGoProgram(root);
      for (const dir of ["state", "home", "work"]) mkdirSync(path.join(root, dir));
      await installPluginArchive(path.join(root, "home"), plugin);
      const env = goStepEnv(root, emulator.stackConfig());
      expect(executablesOnPath("node", String(env.PATH))).toEqual([]);
      const up = await goStep(binary, env, "up");
      expect(up.changes).toEqual({ create: 5 });
      expect(up.outputs?.status?.value).toBe("ISSUED");
      expect(up.log).not.toMatch(AMBIENT_PLUGIN_WARNING);
      const destroy = await goStep(binary, env, "destroy");
      expect(destroy.changes).toEqual({ delete: 5 });
      expect(destroy.log).not.toMatch(AMBIENT_PLUGIN_WARNING);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
