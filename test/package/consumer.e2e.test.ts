// The package as users get it: `npm pack`, installed from the tarball into a fresh project shaped
// like `pulumi new typescript` makes it (pinned to a newer SDK than ours), compiled with the
// project's own TypeScript, and the README's quickstart program run through the real CLI. Where
// the Node language host is on PATH that is `pulumi up` in the project's directory; otherwise the
// same compiled program goes through the Automation API's inline mode, loaded from the project's
// node_modules (the test's name says which).
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConsumerProject, findLanguageHost, packProvider, USER_SDK_VERSION } from "../harness/consumer.js";
import { TestEmulator } from "../harness/emulator.js";
import { declaredPositions } from "../harness/expect-state.js";
import { requirePulumiRoot, type StackExport, TestStack } from "../harness/stack.js";

const execFileAsync = promisify(execFile);
const PACKAGE = "pulumi-huaweicloud-ccm";
const languageHost = findLanguageHost();

/** Every file under `dir` (relative paths), without descending into node_modules. */
function walk(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : walk(path.join(dir, entry.name), rel);
    return [rel];
  });
}

/** Every installed copy of @pulumi/pulumi under node_modules, at any depth. */
function sdkCopies(nodeModules: string): string[] {
  const copies: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const scoped = entry.name.startsWith("@");
      for (const name of scoped ? readdirSync(path.join(dir, entry.name)) : [entry.name]) {
        const pkg = path.join(dir, scoped ? entry.name : "", name);
        if (scoped && name === "pulumi" && entry.name === "@pulumi") copies.push(pkg);
        const nested = path.join(pkg, "node_modules");
        if (existsSync(nested)) visit(nested);
      }
    }
  };
  visit(nodeModules);
  return copies;
}

/** The versions of @pulumi/pulumi anywhere in `npm ls --all --json` output. */
function versionsInTree(node: { dependencies?: Record<string, unknown> }, found: string[] = []): string[] {
  for (const [name, child] of Object.entries(node.dependencies ?? {})) {
    const dep = child as { version?: string; dependencies?: Record<string, unknown> };
    if (name === "@pulumi/pulumi" && dep.version) found.push(dep.version);
    versionsInTree(dep, found);
  }
  return found;
}

describe("the packed package installed into a user's `pulumi new typescript` project", () => {
  let packDir: string;
  let packed: Awaited<ReturnType<typeof packProvider>>;
  let project: ConsumerProject;
  let installed: string;

  beforeAll(async () => {
    requirePulumiRoot();
    packDir = mkdtempSync(path.join(tmpdir(), "ccm-pack-"));
    packed = await packProvider(packDir);
    project = await ConsumerProject.create(packed.tarball, "examples/quickstart/index.ts");
    installed = path.join(project.dir, "node_modules", PACKAGE);
  }, 900_000);
  afterAll(() => {
    project?.dispose();
    if (packDir) rmSync(packDir, { recursive: true, force: true });
  });

  it("the tarball holds the compiled provider and its sources, nothing of the emulator or the tests", () => {
    console.log(`packed: ${path.basename(packed.tarball)}, ${packed.size} bytes, ${packed.files.length} files`);
    expect(packed.files).toContain("dist/provider/index.js");
    expect(packed.files).toContain("dist/provider/runtime/index.js");
    // The host's one-file runtime entry (rolldown.config.mjs), what `…/runtime` resolves to.
    expect(packed.files).toContain("dist/runtime/index.cjs");
    expect(packed.files).toContain("provider/client/transport.ts");
    // The native plugin's executable and its schema (docs/plugin.md).
    expect(packed.files).toContain("bin/pulumi-resource-huaweicloud-ccm");
    expect(packed.files).toContain("schema.json");
    const stray = packed.files.filter(
      (f) =>
        !/^(dist\/provider\/|dist\/runtime\/index\.cjs$|provider\/|README\.md$|package\.json$|schema\.json$|bin\/pulumi-resource-huaweicloud-ccm$)/.test(
          f,
        ),
    );
    expect(stray).toEqual([]);
  });

  it("npm dedupes @pulumi/pulumi: the user's copy is the only one", async () => {
    const { stdout } = await project.npm(["ls", "@pulumi/pulumi"]);
    console.log(`npm ls @pulumi/pulumi in the user's project:\n${stdout}`);
    expect(stdout).toMatch(new RegExp(`${PACKAGE}@0\\.1\\.0[\\s\\S]*@pulumi/pulumi@${USER_SDK_VERSION} deduped`));
    const tree = JSON.parse((await project.npm(["ls", "@pulumi/pulumi", "--all", "--json"])).stdout);
    expect(new Set(versionsInTree(tree))).toEqual(new Set([USER_SDK_VERSION]));
    expect(sdkCopies(path.join(project.dir, "node_modules"))).toEqual([
      path.join(project.dir, "node_modules/@pulumi/pulumi"),
    ]);
  });

  it("brings only what production code imports (no emulator, no PKI libraries)", async () => {
    const manifest = JSON.parse(readFileSync(path.join(installed, "package.json"), "utf8"));
    console.log(
      `production dependencies: ${JSON.stringify(manifest.dependencies)}; peer: ${JSON.stringify(manifest.peerDependencies)}`,
    );
    // gRPC and protobuf serve the native plugin (provider/plugin), in the ranges @pulumi/pulumi asks
    // for, so npm keeps one copy with the peer's.
    expect(Object.keys(manifest.dependencies).sort()).toEqual([
      "@grpc/grpc-js",
      "fflate",
      "google-protobuf",
      "undici",
      "zod",
    ]);
    expect(manifest.peerDependencies).toEqual({ "@pulumi/pulumi": "^3.259.0" });
    // The package ships ccm-orphans (cleaning up after an interrupted up) and the native plugin for
    // YAML, Go and Python programs; the emulator's ccm-emulator comes with its own package.
    expect(manifest.bin).toEqual({
      "ccm-orphans": "dist/provider/cli/orphans.js",
      "pulumi-resource-huaweicloud-ccm": "bin/pulumi-resource-huaweicloud-ccm",
    });
    expect(existsSync(path.join(project.dir, "node_modules/.bin/ccm-orphans"))).toBe(true);
    expect(existsSync(path.join(project.dir, "node_modules/.bin/pulumi-resource-huaweicloud-ccm"))).toBe(true);
    for (const absent of ["ccm-emulator", "pkijs", "@peculiar/x509", "reflect-metadata"]) {
      expect(existsSync(path.join(project.dir, "node_modules", absent)), absent).toBe(false);
    }
    const { stdout } = await project.npm(["ls", "--omit=dev", "fflate", "undici", "zod"]);
    console.log(`npm ls --omit=dev fflate undici zod:\n${stdout}`);
    expect(stdout).toMatch(/pulumi-huaweicloud-ccm@0\.1\.0\n(.*\n)*.*undici@8\.12\.4/);
  });

  it("every source map in the install names a file the install has", () => {
    const maps = walk(installed).filter((f) => f.endsWith(".map"));
    expect(maps.length).toBeGreaterThan(50);
    const missing: string[] = [];
    for (const map of maps) {
      const { sources, sourceRoot } = JSON.parse(readFileSync(path.join(installed, map), "utf8")) as {
        sources: string[];
        sourceRoot?: string;
      };
      for (const source of sources) {
        const file = path.resolve(installed, path.dirname(map), sourceRoot ?? "", source);
        if (!file.startsWith(installed + path.sep) || !existsSync(file)) missing.push(`${map} -> ${source}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("a stack trace from an error thrown inside the package reads as lines of its shipped sources", async () => {
    const script = `
      const { createClient } = require("${PACKAGE}");
      try {
        createClient({ "huaweicloud-ccm:accessKey": "AK", "huaweicloud-ccm:secretKey": "SK", "huaweicloud-ccm:endpoints": "{not json" }, {});
      } catch (error) {
        console.log(JSON.stringify({ code: error.code, stack: error.stack }));
        process.exit(0);
      }
      process.exit(3);`;
    const result = await project.node(["--enable-source-maps"], script);
    expect(result.code, result.stderr).toBe(0);
    const { code, stack } = JSON.parse(result.stdout) as { code: string; stack: string };
    expect(code).toBe("ERR_CCM_CONFIG");
    const frames = [...stack.matchAll(/at (?:(\S+) \()?(\/[^\s()]+):(\d+):(\d+)\)?$/gm)]
      .map(([, fn, file, line]) => ({ fn, file: file ?? "", line: Number(line) }))
      .filter((frame) => frame.file.startsWith(installed + path.sep));
    expect(frames.length, stack).toBeGreaterThanOrEqual(2);
    for (const frame of frames) {
      expect(frame.file, stack).toMatch(/\.ts$/);
      expect(existsSync(frame.file), frame.file).toBe(true);
    }
    // The frame that threw points at the line that throws, in the shipped provider/config-endpoints.ts.
    const thrower = frames.find((frame) => frame.fn === "endpointsObject");
    expect(thrower?.file).toBe(path.join(installed, "provider/config-endpoints.ts"));
    const lines = readFileSync(thrower?.file ?? "", "utf8").split("\n");
    expect(lines[(thrower?.line ?? 0) - 1]).toContain("throw new CcmConfigError");
  });

  it("the user's TypeScript (CommonJS, the template's tsconfig) compiles against the package's types", async () => {
    await project.compile();
    const compiled = readFileSync(path.join(project.dir, "bin/index.js"), "utf8");
    expect(compiled).toContain(`require("${PACKAGE}")`);
  });

  describe(
    languageHost
      ? "the README's quickstart: `pulumi up` in the project directory with the Node language host"
      : "the README's quickstart through the Automation API inline (pulumi-language-nodejs is not on PATH)",
    () => {
      let emulator: TestEmulator;
      const secrets = () => ({ ...emulator.stackConfig().secrets, pfxPassword: "Pfx-Demo_1" });

      beforeAll(async () => {
        emulator = await TestEmulator.start();
      });
      afterAll(() => emulator?.close());

      it("up → preview with no change and no API call → refresh → destroy", async () => {
        if (languageHost) {
          await runWithLanguageHost(project, emulator, secrets());
        } else {
          await runInline(project, emulator, secrets());
        }
        const inventory = await emulator.inventory();
        expect(inventory.certificates).toEqual([]);
        expect(inventory.certificate_authorities.map((ca) => ca.status)).toEqual(["DELETED", "DELETED"]);
      }, 600_000);
    },
  );
});

async function runInline(project: ConsumerProject, emulator: TestEmulator, secrets: Record<string, string>) {
  const stack = new TestStack({
    program: project.dir,
    entry: "bin/index.js",
    runner: project.installRunner(),
    config: emulator.stackConfig().config,
    secrets,
  });
  try {
    const { outputs, changes } = await stack.up();
    expect(changes).toEqual({ create: 6 });
    expect(outputs.status?.value).toBe("ISSUED");
    expectDeclaredInProgram(project, await stack.exportState());
    const before = await emulator.requestCount();
    expect(await stack.previewNoChanges()).toEqual({ same: 6 });
    expect(await emulator.requestCount()).toBe(before);
    expect(await stack.refresh()).toEqual({ same: 6 });
    expect(await stack.destroy()).toEqual({ delete: 6 });
  } finally {
    await stack.dispose();
  }
}

/**
 * Pulumi recorded the program's own `new X("name", …)` line as each resource's source position
 * (and our classes' frames nowhere), as it does for any provider's resources.
 */
function expectDeclaredInProgram(project: ConsumerProject, state: StackExport) {
  const positions = declaredPositions(state, /\/node_modules\/pulumi-huaweicloud-ccm\//);
  expect([...positions.keys()].sort()).toEqual(["app", "app-iis", "app-nginx", "issuing", "root"]);
  for (const [name, position] of positions) {
    // Relative to the project's directory; the inline path's project is a temporary workspace.
    const [, file = "", line = "0"] =
      /^project:\/\/\/(?:.*\/ccm-consumer\/)?(bin\/index\.js|index\.ts)#(\d+),\d+$/.exec(position ?? "") ?? [];
    expect(file, `${name}: ${position}`).not.toBe("");
    const source = readFileSync(path.join(project.dir, file), "utf8").split("\n")[Number(line) - 1];
    expect(source, name).toContain(`"${name}"`);
  }
}

/** What a user types, in the project's directory, with a file:// backend and a throwaway PULUMI_HOME. */
async function runWithLanguageHost(project: ConsumerProject, emulator: TestEmulator, secrets: Record<string, string>) {
  const state = mkdtempSync(path.join(tmpdir(), "ccm-consumer-state-"));
  const pulumi = path.join(requirePulumiRoot(), "bin/pulumi");
  const env = {
    ...process.env,
    PULUMI_HOME: path.join(state, "home"),
    PULUMI_BACKEND_URL: `file://${state}`,
    PULUMI_CONFIG_PASSPHRASE: "ccm-local-passphrase",
    PULUMI_SKIP_UPDATE_CHECK: "true",
  };
  const cli = async (args: string[]) => {
    try {
      return (await execFileAsync(pulumi, args, { cwd: project.dir, env, maxBuffer: 64 * 1024 * 1024 })).stdout;
    } catch (error) {
      const e = error as Error & { stdout?: string; stderr?: string };
      throw new Error(`pulumi ${args.join(" ")} failed:\n${e.stdout ?? ""}${e.stderr ?? e.message}`);
    }
  };
  try {
    await cli(["stack", "init", "dev"]);
    for (const [key, value] of Object.entries(emulator.stackConfig().config)) await cli(["config", "set", key, value]);
    for (const [key, value] of Object.entries(secrets)) await cli(["config", "set", "--secret", key, value]);
    await cli(["up", "--yes", "--skip-preview"]);
    const outputs = JSON.parse(await cli(["stack", "output", "--json"])) as Record<string, unknown>;
    expect(outputs.status).toBe("ISSUED");
    expectDeclaredInProgram(project, JSON.parse(await cli(["stack", "export"])) as StackExport);
    const before = await emulator.requestCount();
    await cli(["preview", "--expect-no-changes"]);
    expect(await emulator.requestCount()).toBe(before);
    await cli(["refresh", "--yes", "--expect-no-changes"]);
    await cli(["destroy", "--yes"]);
    await cli(["stack", "rm", "--yes"]);
  } finally {
    rmSync(state, { recursive: true, force: true });
  }
}
