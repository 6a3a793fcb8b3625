// What the dynamic-provider host loads when the serialized shim calls
// require("pulumi-huaweicloud-ccm/runtime"): the one-file build of rolldown.config.mjs, resolved
// through the package's exports map from a program's node_modules, in a fresh Node process as the
// host is. It must carry both frozen protocols, load zod from inside itself (tree-shaken: not
// zod's CommonJS entry with every locale) and leave undici until the first API call.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const repoRoot = path.resolve(import.meta.dirname, "../..");

interface Loaded {
  entry: string;
  exports: Record<string, string>;
  modules: string[];
}

function loadInFreshProcess(): Loaded {
  const script = `
    const before = new Set(Object.keys(require.cache));
    const entry = require.resolve("pulumi-huaweicloud-ccm/runtime");
    const runtime = require("pulumi-huaweicloud-ccm/runtime");
    const exports = Object.fromEntries(Object.entries(runtime).map(([k, v]) => [k, typeof v]));
    const modules = Object.keys(require.cache).filter((m) => !before.has(m));
    process.stdout.write(JSON.stringify({ entry, exports, modules }));
  `;
  // Run from the repository root, where prepare.sh links the package into node_modules.
  return JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: repoRoot, encoding: "utf8" })) as Loaded;
}

describe("the runtime entry the host loads", () => {
  const loaded = loadInFreshProcess();

  it("is the one-file build, with both protocols' functions", () => {
    expect(path.relative(repoRoot, loaded.entry)).toBe(path.join("dist", "runtime", "index.cjs"));
    expect(loaded.exports).toEqual({ attach: "function", dispatch: "function" });
  });

  it("loads one module: zod, fflate and undici are not loaded from node_modules", () => {
    expect(loaded.modules).toEqual([loaded.entry]);
  });
});
