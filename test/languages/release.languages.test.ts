// `npm run release -- --version X` (scripts/release.mjs), and each artefact installed into a fresh
// project of its language as a user would, running the quickstart against the released emulator
// (its npm tarball installed and started by its own command): the provider's npm tarball in a
// `pulumi new typescript`-shaped project, the plugin archive with `pulumi plugin install` for the
// YAML quickstart, a Go module requiring the Go SDK by the release's module path (no plugin
// installed: the engine downloads the archive from the release's pluginDownloadURL, served on
// loopback), and the Python wheel pip-installed into a fresh venv — these three with no node and no
// bin/ on PATH.
import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConsumerProject, packProvider } from "../harness/consumer.js";
import { requirePulumiRoot, TestStack } from "../harness/stack.js";
import { repoRoot } from "./cli.js";
import { buildGoProgram, goStep, goStepEnv } from "./go-program.js";
import {
  AMBIENT_PLUGIN_WARNING,
  executablesOnPath,
  installPluginArchive,
  onInstalledPlugin,
  type PluginArchive,
} from "./plugin-archive.js";
import { pythonBinDir } from "./python-stack.js";
import {
  type FileServer,
  installIntoFreshProject,
  type Release,
  ReleasedEmulator,
  runRelease,
  serveFiles,
} from "./release.js";

const VERSION = "0.9.0";
const GO_MODULE = "github.com/example-org/pulumi-huaweicloud-ccm/sdk/go/huaweicloudccm";
const ARTEFACTS = [
  `ccm-emulator-${VERSION}.tgz`,
  `pulumi-huaweicloud-ccm-${VERSION}.tgz`,
  `pulumi-huaweicloud-ccm-go-sdk-v${VERSION}.tar.gz`,
  `pulumi-resource-huaweicloud-ccm-v${VERSION}-linux-amd64.tar.gz`,
  `pulumi_huaweicloud_ccm-${VERSION}-py3-none-any.whl`,
  `pulumi_huaweicloud_ccm-${VERSION}.tar.gz`,
  "schema.json",
];

describe("npm run release: every artefact, installed as a user would", () => {
  let release: Release;
  let emulatorProject: string;
  let emulator: ReleasedEmulator;
  /** The release's plugin download URL: its own files, served on loopback. */
  let downloads: FileServer;
  const artefact = (name: string) => path.join(release.dir, name);
  const wheel = () => artefact(`pulumi_huaweicloud_ccm-${VERSION}-py3-none-any.whl`);
  const scratch = mkdtempSync(path.join(tmpdir(), "ccm-release-test-"));

  beforeAll(async () => {
    downloads = await serveFiles(() => release.dir);
    release = runRelease({ version: VERSION, pluginDownloadURL: downloads.url, goModule: GO_MODULE });
    emulatorProject = (await installIntoFreshProject([artefact(`ccm-emulator-${VERSION}.tgz`)])).dir;
    emulator = await ReleasedEmulator.start(emulatorProject);
  }, 1_800_000);
  afterAll(async () => {
    emulator?.stop();
    await downloads?.close();
    release?.dispose();
    if (emulatorProject) rmSync(path.dirname(emulatorProject), { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  });

  it("SHA256SUMS lists every artefact, and each matches", () => {
    expect(release.artefacts).toEqual([...ARTEFACTS, "SHA256SUMS"].sort());
    const checked = execFileSync("sha256sum", ["-c", "SHA256SUMS"], { cwd: release.dir, encoding: "utf8" });
    expect(checked.trim().split("\n").sort()).toEqual(ARTEFACTS.map((name) => `${name}: OK`).sort());
  });

  it("the CHANGELOG has an entry for the version naming each artefact", () => {
    const text = readFileSync(release.changelog, "utf8");
    expect(text).toMatch(new RegExp(`^## ${VERSION.replaceAll(".", "\\.")} \\(\\d{4}-\\d{2}-\\d{2}\\)$`, "m"));
    for (const name of ARTEFACTS) expect(text).toContain(`- \`${name}\``);
  });

  it("npm: the provider installs with no install script of ours; the plain `npm pack` does have one", async () => {
    const { dir, stderr } = await installIntoFreshProject([artefact(`pulumi-huaweicloud-ccm-${VERSION}.tgz`)]);
    const manifest = JSON.parse(
      readFileSync(path.join(dir, "node_modules/pulumi-huaweicloud-ccm/package.json"), "utf8"),
    );
    expect(manifest).toMatchObject({ name: "pulumi-huaweicloud-ccm", version: VERSION });
    expect(Object.keys(manifest)).not.toEqual(expect.arrayContaining(["scripts"]));
    expect(manifest.devDependencies).toBeUndefined();
    expect(manifest.workspaces).toBeUndefined();
    expect(stderr).not.toMatch(/pulumi-huaweicloud-ccm@/);
    // The control: this checkout packed as it is carries `prepare`, and npm says so.
    const plain = await packProvider(scratch);
    const control = await installIntoFreshProject([plain.tarball]);
    expect(control.stderr).toMatch(/pulumi-huaweicloud-ccm@0\.1\.0 \(prepare: /);
    rmSync(path.dirname(dir), { recursive: true, force: true });
    rmSync(path.dirname(control.dir), { recursive: true, force: true });
  });

  it("TypeScript: the quickstart from the released tarball runs against the released emulator", async () => {
    const project = await ConsumerProject.create(
      artefact(`pulumi-huaweicloud-ccm-${VERSION}.tgz`),
      "examples/quickstart/index.ts",
    );
    const { config, secrets } = emulator.stackConfig();
    const stack = new TestStack({
      program: project.dir,
      entry: "bin/index.js",
      runner: project.installRunner(),
      config,
      secrets: { ...secrets, pfxPassword: "Pfx-Demo_1" },
    });
    try {
      await project.compile();
      const { outputs, changes } = await stack.up();
      expect(changes).toEqual({ create: 6 });
      expect(outputs.status?.value).toBe("ISSUED");
      expect(await stack.destroy()).toEqual({ delete: 6 });
      expect((await emulator.inventory()).certificates.filter((c) => !c.deleted)).toEqual([]);
    } finally {
      await stack.dispose();
      project.dispose();
    }
  });

  const releasedPlugin = (): PluginArchive => {
    const archive = artefact(`pulumi-resource-huaweicloud-ccm-v${VERSION}-linux-amd64.tar.gz`);
    return { target: "linux-amd64", archive, version: VERSION, bytes: 0, sha256: "" };
  };

  it("YAML: the quickstart on the released plugin archive, installed with pulumi plugin install", async () => {
    const quickstart = path.join(repoRoot, "test/languages/yaml/quickstart");
    await onInstalledPlugin(quickstart, releasedPlugin(), emulator, {}, async (project) => {
      await project.pulumi("up", "--yes", "--skip-preview");
      expect(project.lastLog).not.toMatch(AMBIENT_PLUGIN_WARNING);
      expect((await project.outputs()).status).toBe("ISSUED");
      // The plugin answers with the release's schema: its version and download URL.
      const schema = JSON.parse(await project.pulumi("package", "get-schema", `huaweicloud-ccm@${VERSION}`));
      expect(schema).toMatchObject({ version: VERSION, pluginDownloadURL: downloads.url });
      await project.pulumi("destroy", "--yes", "--skip-preview");
    });
  });

  it("Go: a user's module on the Go SDK by its module path; the first up downloads the plugin itself", async () => {
    const root = path.join(scratch, "go");
    for (const dir of ["state", "home", "work", "sdk"]) mkdirSync(path.join(root, dir), { recursive: true });
    const goSdk = artefact(`pulumi-huaweicloud-ccm-go-sdk-v${VERSION}.tar.gz`);
    execFileSync("tar", ["-xzf", goSdk, "-C", path.join(root, "sdk")]);
    const sdkDir = path.join(root, "sdk/go/huaweicloudccm");
    expect(readFileSync(path.join(sdkDir, "go.mod"), "utf8")).toMatch(new RegExp(`^module ${GO_MODULE}$`, "m"));
    const binary = buildGoProgram(root, { module: GO_MODULE, version: VERSION, dir: sdkDir });
    // Nothing installed: the SDK asks the engine for the release's version at the release's URL.
    const env = { ...goStepEnv(root, emulator.stackConfig()), PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "false" };
    const archive = `pulumi-resource-huaweicloud-ccm-v${VERSION}-linux-amd64.tar.gz`;
    expect(downloads.requests).not.toContain(archive);
    const up = await goStep(binary, env, "up");
    expect(up.changes).toEqual({ create: 5 });
    expect(up.log).not.toMatch(AMBIENT_PLUGIN_WARNING);
    expect(downloads.requests).toContain(archive);
    const listed = execFileSync(path.join(requirePulumiRoot(), "bin/pulumi"), ["plugin", "ls", "--json"], {
      env: { ...env, PULUMI_HOME: path.join(root, "home") },
      encoding: "utf8",
    });
    expect(JSON.parse(listed)).toContainEqual(
      expect.objectContaining({ name: "huaweicloud-ccm", kind: "resource", version: VERSION }),
    );
    expect((await goStep(binary, env, "destroy")).changes).toEqual({ delete: 5 });
  });

  it("Python: the wheel pip-installed into a fresh venv runs the quickstart on the installed plugin", async () => {
    const root = path.join(scratch, "python");
    for (const dir of ["state", "home", "work"]) mkdirSync(path.join(root, dir), { recursive: true });
    const venv = path.join(root, "venv");
    execFileSync("python3", ["-m", "venv", venv]);
    // The pulumi SDK at the CLI's version from the venv scripts/python-env.sh keeps (a .pth line,
    // appended after the venv's own packages), so the test needs no package index; the wheel is
    // installed as a user installs it, and shadows the SDK that venv holds (the import is checked).
    const python = path.join(venv, "bin/python");
    const sitePackages = (bin: string) =>
      execFileSync(path.join(bin, "python"), ["-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], {
        encoding: "utf8",
      }).trim();
    writeFileSync(
      path.join(sitePackages(path.join(venv, "bin")), "ccm-pulumi-sdk.pth"),
      `${sitePackages(pythonBinDir())}\n`,
    );
    const pip = ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-index", "--no-deps", wheel()];
    execFileSync(python, pip, { stdio: ["ignore", "ignore", "inherit"] });
    const imported = execFileSync(
      python,
      [
        "-c",
        "import importlib.metadata as m, pulumi_huaweicloud_ccm as p; print(m.version('pulumi_huaweicloud_ccm'), p.__file__)",
      ],
      { encoding: "utf8" },
    );
    expect(imported).toMatch(new RegExp(`^${VERSION.replaceAll(".", "\\.")} ${venv}/`));
    await installPluginArchive(path.join(root, "home"), releasedPlugin());
    const env = {
      ...goStepEnv(root, emulator.stackConfig()),
      PATH: [path.join(requirePulumiRoot(), "bin"), path.join(venv, "bin")].join(path.delimiter),
      CCM_PROGRAM: path.join(repoRoot, "examples/python-quickstart/__main__.py"),
    };
    expect(executablesOnPath("node", env.PATH)).toEqual([]);
    const step = async (name: string) => {
      const driver = path.join(repoRoot, "test/languages/python/stack.py");
      const { stdout } = await promisify(execFile)(python, [driver, name], { env });
      return JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as { changes: Record<string, number>; log: string };
    };
    const up = await step("up");
    expect(up.changes).toEqual({ create: 5 });
    expect(up.log).not.toMatch(AMBIENT_PLUGIN_WARNING);
    expect((await step("destroy")).changes).toEqual({ delete: 5 });
  });
});
