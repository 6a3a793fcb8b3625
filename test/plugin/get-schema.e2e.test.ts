// The plugin answers the engine: `pulumi package get-schema` starts it, as the engine does, and gets
// schema.json back over gRPC.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { requirePulumiRoot } from "../harness/stack.js";

const root = path.resolve(import.meta.dirname, "../..");

describe("pulumi-resource-huaweicloud-ccm", () => {
  it("serves schema.json to `pulumi package get-schema`", async () => {
    const home = mkdtempSync(path.join(tmpdir(), "ccm-plugin-"));
    try {
      const { stdout } = await promisify(execFile)(
        path.join(requirePulumiRoot(), "bin/pulumi"),
        ["package", "get-schema", path.join(root, "bin/pulumi-resource-huaweicloud-ccm")],
        { env: { ...process.env, PULUMI_HOME: home }, maxBuffer: 16 * 1024 * 1024 },
      );
      const served = JSON.parse(stdout);
      const committed = JSON.parse(readFileSync(path.join(root, "schema.json"), "utf8"));
      expect(served).toMatchObject({ name: "huaweicloud-ccm", version: committed.version });
      expect(Object.keys(served.resources).sort()).toEqual(Object.keys(committed.resources).sort());
      expect(served.resources["huaweicloud-ccm:index:CertificateBundle"].properties.privateKeyPem.secret).toBe(true);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
