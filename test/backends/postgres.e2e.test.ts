// State in PostgreSQL through Pulumi's DIY backend (`pulumi login postgres://…`), as a team or CI
// would keep it: a throwaway server on loopback (test/harness/postgres.ts), one emulator, and
// stacks driven by separate processes. Proves the lifecycle, that the backend's lock refuses a
// second concurrent `up` of one stack without harming its state, and that four stacks updated at
// once converge.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestEmulator } from "../harness/emulator.js";
import { TestPostgres } from "../harness/postgres.js";
import { PulumiRunError, requirePulumiRoot, resourcesOfType, TestStack } from "../harness/stack.js";

const execFileAsync = promisify(execFile);
const PRIVATE_CA = "pulumi-nodejs:dynamic/huaweicloud-ccm:PrivateCa";

describe("state in PostgreSQL (Pulumi's DIY backend)", () => {
  let postgres: TestPostgres;
  let emulator: TestEmulator;
  const stacks: TestStack[] = [];

  /** A stack of `program` whose state lives in the PostgreSQL server. */
  const stackOf = (program: string, name: string, config: Record<string, string> = {}) => {
    const { config: endpoints, secrets } = emulator.stackConfig();
    const stack = new TestStack({
      program,
      stack: name,
      backend: postgres.url,
      config: { ...endpoints, ...config },
      secrets: { ...secrets, pfxPassword: "Pfx-Demo_1" },
    });
    stacks.push(stack);
    return stack;
  };

  const lockRows = () => postgres.query("SELECT key FROM pulumi_state WHERE key LIKE '%.pulumi/locks/%'");

  beforeAll(async () => {
    requirePulumiRoot();
    postgres = await TestPostgres.start();
    emulator = await TestEmulator.start();
  });
  afterAll(async () => {
    await Promise.allSettled(stacks.map((stack) => stack.dispose()));
    await emulator?.close();
    await postgres?.stop();
  }, 600_000);

  it("quickstart: up → preview (no change, no API call) → destroy, with the state in the database", async () => {
    const stack = stackOf("examples/quickstart", "dev");
    const { outputs, changes } = await stack.up();
    expect(changes).toEqual({ create: 6 });
    expect(outputs.status?.value).toBe("ISSUED");

    // The state is rows of the backend's table (keys are the file:// layout under the database's
    // name), and `pulumi login <url>` from anywhere sees the stack with its resources.
    const keys = await postgres.query("SELECT key FROM pulumi_state ORDER BY key");
    expect(keys).toContain("postgres/.pulumi/stacks/quickstart/dev.json");
    const home = mkdtempSync(path.join(tmpdir(), "ccm-pg-home-"));
    try {
      const pulumi = path.join(requirePulumiRoot(), "bin/pulumi");
      const env = { ...process.env, PULUMI_HOME: home, PULUMI_SKIP_UPDATE_CHECK: "true" };
      await execFileAsync(pulumi, ["login", postgres.url], { cwd: home, env });
      const { stdout } = await execFileAsync(pulumi, ["stack", "ls", "--all", "--json"], { cwd: home, env });
      const listed = JSON.parse(stdout) as { name: string; resourceCount?: number }[];
      // 6 resources and the stack itself.
      expect(listed.filter((s) => /(^|\/)dev$/.test(s.name) && s.resourceCount === 7)).toHaveLength(1);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }

    const before = await emulator.requestCount();
    expect(await stack.previewNoChanges()).toEqual({ same: 6 });
    expect(await emulator.requestCount()).toBe(before);
    expect(await stack.destroy()).toEqual({ delete: 6 });
  }, 600_000);

  it("a second `up` of a stack being updated is refused by the backend's lock; the state stays intact", async () => {
    // One checkout (workspace, PULUMI_HOME, stack config) and two `pulumi up` processes, as from two
    // terminals or two CI jobs on one commit.
    const stack = stackOf("test/programs/private-ca", "locked");
    // The first CA creation is held (latency, released when the faults are replaced) so the first
    // update, and its lock, are alive while the second one starts: no guess at how long that takes.
    await emulator.setFaults([
      { kind: "latency", method: "POST", path: "^/v1/private-certificate-authorities$", latency_ms: 60_000, count: 1 },
    ]);
    let firstDone = false;
    const first = stack.up().finally(() => {
      firstDone = true;
    });
    try {
      // The DIY backend's lock is a row under .pulumi/locks/ for as long as the update runs.
      while ((await lockRows()).length === 0) {
        if (firstDone) throw new Error("the first up ended before its lock row was seen");
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const refused = await stack.up().then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(PulumiRunError);
      expect((refused as PulumiRunError).stderr).toMatch(/the stack is currently locked by 1 lock\(s\)/);
      expect((refused as PulumiRunError).stderr).toContain("pulumi cancel");
    } finally {
      await emulator.setFaults([]);
      const { changes } = await first;
      expect(changes).toEqual({ create: 3 });
    }
    // The state is the first update's, whole and current; the lock is gone with it.
    expect(await lockRows()).toEqual([]);
    expect(await stack.previewNoChanges()).toEqual({ same: 3 });
    expect(resourcesOfType(await stack.exportState(), PRIVATE_CA)).toHaveLength(2);
    expect(await stack.destroy()).toEqual({ delete: 3 });
  }, 600_000);

  it("four stacks updated in parallel by separate processes against one emulator all converge", async () => {
    const four = ["team-a", "team-b", "team-c", "team-d"].map((name) => stackOf("test/programs/private-ca", name));
    const ups = await Promise.all(four.map((stack) => stack.up()));
    for (const { changes } of ups) expect(changes).toEqual({ create: 3 });
    const ids = ups.map(({ outputs }) => outputs.rootCaId?.value);
    expect(new Set(ids).size).toBe(4);
    const active = (await emulator.inventory()).certificate_authorities.filter(
      (ca) => ids.includes(ca.id) && ca.status === "ACTIVED",
    );
    expect(active).toHaveLength(4);

    const previews = await Promise.all(four.map((stack) => stack.previewNoChanges()));
    for (const changes of previews) expect(changes).toEqual({ same: 3 });
    const destroys = await Promise.all(four.map((stack) => stack.destroy()));
    for (const changes of destroys) expect(changes).toEqual({ delete: 3 });
  }, 600_000);
});
