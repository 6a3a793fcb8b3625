// The runtime keeps the host's young generation at the size it found it (provider/runtime/
// host-memory.ts): V8 would grow it to 128 MB on a large machine, a third of the host's peak at
// 1,000 pairs. Proven in fresh Node processes, as the host is, through the one-file runtime entry's
// dispatch (the path every call of both shim protocols takes): the same workload grows the young
// generation without the runtime, and with a semi-space flag of the user's own.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { userSetsYoungGeneration } from "../../provider/runtime/host-memory.js";

const repoRoot = path.resolve(import.meta.dirname, "../..");

interface Measured {
  startMb: number;
  maxMb: number;
  stderr: string;
}

// Keeps a window of live objects while allocating: enough survivors for V8 to grow the young
// generation whenever it is allowed to.
const WORKLOAD = `
  const v8 = require("node:v8");
  const newSpaceMb = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size / 2 ** 20;
  async function main(callRuntime) {
    if (callRuntime) {
      await require("pulumi-huaweicloud-ccm/runtime").dispatch("PrivateCertificate", "configure", [undefined]);
    }
    const startMb = newSpaceMb();
    let window = [];
    let maxMb = startMb;
    for (let i = 0; i < 150000; i++) {
      window.push({ text: "x".repeat(200) + i, list: new Array(50).fill(i) });
      if (window.length > 20000) window = [];
      if (i % 1000 === 0) maxMb = Math.max(maxMb, newSpaceMb());
    }
    process.stdout.write(JSON.stringify({ startMb, maxMb }));
  }
  main(process.argv[1] === "runtime");
`;

function measure(callRuntime: boolean, nodeOptions = ""): Measured {
  const child = spawnSync(process.execPath, ["-e", WORKLOAD, callRuntime ? "runtime" : "plain"], {
    cwd: repoRoot,
    env: { ...process.env, NODE_OPTIONS: nodeOptions },
    encoding: "utf8",
  });
  expect(child.status, child.stderr).toBe(0);
  return { ...(JSON.parse(child.stdout) as Omit<Measured, "stderr">), stderr: child.stderr };
}

describe("the host's young generation", () => {
  // The control: the workload grows it when the runtime is not loaded (to 64 MB on a large machine).
  let plain: Measured;
  beforeAll(() => {
    plain = measure(false);
  });

  it("grows under the workload without the runtime (the control)", () => {
    expect(plain.maxMb).toBeGreaterThan(plain.startMb * 4);
  });

  // The bounds compare peaks, not growth from the start: V8 starts the space at 4 or 8 MB from one
  // run to the next, and still resizes it somewhat under the runtime (6–25 MB in 30 runs here),
  // while the control and a user's own 32 MB semi-space reach 64 MB every time.
  it("stays well below the control's peak once the runtime has run, and V8 prints nothing", () => {
    const withRuntime = measure(true);
    expect(withRuntime.maxMb).toBeLessThan(plain.maxMb / 2);
    expect(withRuntime.stderr).toBe("");
  });

  it("grows as the user asked when NODE_OPTIONS carries a semi-space flag of their own", () => {
    const userSetting = measure(true, "--max-semi-space-size=32");
    expect(userSetting.maxMb).toBeGreaterThan(plain.maxMb / 2);
  });
});

describe("userSetsYoungGeneration", () => {
  it("finds a semi-space flag in NODE_OPTIONS or in the process's own flags, either spelling", () => {
    expect(userSetsYoungGeneration("--max-semi-space-size=64", [])).toBe(true);
    expect(userSetsYoungGeneration("", ["--semi_space_growth_factor=2"])).toBe(true);
    expect(userSetsYoungGeneration("--max-old-space-size=4096 --require ./probe.cjs", ["--enable-source-maps"])).toBe(
      false,
    );
    expect(userSetsYoungGeneration("", [])).toBe(false);
  });
});
