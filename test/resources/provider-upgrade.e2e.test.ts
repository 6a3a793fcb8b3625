// Old state keeps working after a package upgrade. A program is set up the way a user's project
// is — its own node_modules with a copy of this package — and deployed. Then the copy is replaced
// by a "newer version" whose runtime is different code; preview, refresh and destroy of the old
// state must run through the new runtime, plan no change, and leave __provider untouched. Both
// shapes of `__provider` ever written are deployed by "version 1": protocol 1 (seven methods that
// call dispatch; its shim kept verbatim in fixtures/shim-protocol-1.cjs) and protocol 2 (today's
// shim: configure calls attach). See provider/resources/shared/shim.ts.
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HANDLER_METHODS } from "../../provider/kernel/handlers.js";
import { TestEmulator } from "../harness/emulator.js";
import type { StackExport, TestStack } from "../harness/stack.js";
import { createRootCa } from "./fixtures.js";

const repoRoot = path.resolve(import.meta.dirname, "../..");
// Preview, refresh, export, destroy and export in one step: room beyond the default per-test time
// when the machine is busy.
const FIVE_CLI_RUNS_MS = 600_000;
const PACKAGE = "pulumi-huaweicloud-ccm";

interface ShimShape {
  name: string;
  /** The compiled shim module version 1 ships (dist/provider/resources/shim.js); none = today's. */
  shimModule?: string;
  /** What every copy of `__provider` in version 1's state contains. */
  marker: string;
  /** Bytes per copy of `__provider`, at most. */
  maxBytes: number;
  /** The runtime entry the old state's shim enters by (logged by the "new code"). */
  entry: RegExp;
}

const SHAPES: ShimShape[] = [
  {
    name: "protocol 1 (≤ 0.1.0: every method calls dispatch)",
    shimModule: path.join(repoRoot, "test/resources/fixtures/shim-protocol-1.cjs"),
    marker: '.dispatch(type, "check", [olds, news])',
    maxBytes: 2600,
    // Protocol 1's configure is a dispatch call; protocol 2 never sends configure through dispatch.
    entry: /^PrivateCertificate dispatch configure$/m,
  },
  {
    name: "protocol 2 (today's shim: configure calls attach)",
    marker: ".attach(this, type, req)",
    maxBytes: 1024,
    entry: /^PrivateCertificate attach$/m,
  },
];

/** A user-like project: its own node_modules, this package copied in (not linked). */
function makeProject(dir: string, shimModule: string | undefined): void {
  const modules = path.join(dir, "node_modules");
  mkdirSync(modules, { recursive: true });
  for (const entry of readdirSync(path.join(repoRoot, "node_modules"))) {
    if (entry === PACKAGE || entry.startsWith(".")) continue;
    symlinkSync(path.join(repoRoot, "node_modules", entry), path.join(modules, entry));
  }
  const target = installPackage(dir, "1.0.0");
  if (shimModule) cpSync(shimModule, path.join(target, "dist/provider/resources/shared/shim.js"));
  cpSync(path.join(repoRoot, "test/programs/certificate/index.ts"), path.join(dir, "index.ts"));
  writeFileSync(path.join(dir, "Pulumi.yaml"), "name: upgrade\nruntime: nodejs\n");
}

/** (Re)installs the package copy, as `npm install pulumi-huaweicloud-ccm@<version>` would. */
function installPackage(dir: string, version: string): string {
  const target = path.join(dir, "node_modules", PACKAGE);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  cpSync(path.join(repoRoot, "dist"), path.join(target, "dist"), { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as Record<string, unknown>;
  writeFileSync(path.join(target, "package.json"), JSON.stringify({ ...manifest, version }));
  return target;
}

function shims(state: StackExport): string[] {
  return (state.deployment.resources ?? [])
    .filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/huaweicloud-ccm:"))
    .flatMap((r) => [r.inputs?.__provider, r.outputs?.__provider])
    .map((text) => String(text));
}

describe.each(SHAPES)("an upgraded package serves state written by an older one: $name", (shape) => {
  let emulator: TestEmulator;
  let stack: TestStack;
  const project = mkdtempSync(path.join(tmpdir(), "ccm-upgrade-"));
  const calls = path.join(project, "runtime-calls.log");
  let shimsBefore: string[];

  beforeAll(async () => {
    emulator = await TestEmulator.start();
    const { caId } = await createRootCa(emulator);
    makeProject(project, shape.shimModule);
    stack = emulator.stack({ program: project, config: { caId } });
  });
  afterAll(async () => {
    await stack?.dispose().catch(() => undefined);
    await emulator?.close();
    rmSync(project, { recursive: true, force: true });
  });

  it("version 1 deploys", async () => {
    const { changes } = await stack.up();
    expect(changes).toEqual({ create: 5 });
    shimsBefore = shims(await stack.exportState());
    expect(shimsBefore.length).toBe(8);
    for (const text of shimsBefore) {
      expect(text).toContain(shape.marker);
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(shape.maxBytes);
    }
  });

  it(
    "version 2, with different runtime code, plans no change and serves refresh and destroy",
    async () => {
      const target = installPackage(project, "2.0.0");
      // The "new code": a runtime that logs every call it serves, so the test sees who answered.
      const log = `require("node:fs").appendFileSync(${JSON.stringify(calls)}`;
      // The file `pulumi-huaweicloud-ccm/runtime` resolves to from the program's directory, as the
      // host resolves it (the package's exports map): the patch reaches what the host loads.
      const entry = createRequire(path.join(project, "index.ts")).resolve(`${PACKAGE}/runtime`);
      expect(entry.startsWith(target)).toBe(true);
      // Protocol 1's shim calls exports.dispatch at every call; protocol 2's calls exports.attach
      // once, whose methods reach dispatch inside the file: the patch wraps the methods attach
      // installs, under the same log line, so both shapes are seen answering.
      const patch = `
const __v1Dispatch = exports.dispatch;
exports.dispatch = (type, method, args) => {
  ${log}, type + " dispatch " + method + "\\n");
  return __v1Dispatch(type, method, args);
};
const __v1Attach = exports.attach;
exports.attach = (provider, type, request) => {
  ${log}, type + " attach\\n");
  __v1Attach(provider, type, request);
  for (const method of ${JSON.stringify(HANDLER_METHODS)}) {
    const installed = provider[method];
    provider[method] = (...args) => {
      ${log}, type + " dispatch " + method + "\\n");
      return installed(...args);
    };
  }
};
`;
      appendFileSync(entry, patch);

      await stack.previewNoChanges();
      expect(await stack.refresh()).toEqual({ same: 5 });
      const served = readFileSync(calls, "utf8");
      expect(served).toContain("PrivateCertificate dispatch diff");
      expect(served).toContain("PrivateCertificate dispatch read");
      expect(served).toContain("CertificateBundle dispatch read");
      // Refresh loads the shim stored in the outputs: the old state's own text reached the new runtime.
      expect(served).toMatch(shape.entry);
      // Preview and refresh leave the stored shims as they were: nothing in state had to change.
      expect(shims(await stack.exportState())).toEqual(shimsBefore);

      expect(await stack.destroy()).toEqual({ delete: 5 });
      expect(readFileSync(calls, "utf8")).toContain("PrivateCertificate dispatch delete");
      expect((await emulator.inventory()).certificates).toEqual([]);
    },
    FIVE_CLI_RUNS_MS,
  );

  it("the state names no package path or version in the shim", () => {
    for (const text of shimsBefore) {
      expect(text).not.toContain(project);
      expect(text).not.toMatch(/node_modules|1\.0\.0/);
    }
  });
});
