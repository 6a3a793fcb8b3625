// The committed SDKs that `npm run sdk` generated from schema.json must build for their users:
// the Node.js SDK type-checks against the @pulumi/pulumi this repository pins, and every module of
// the Python SDK byte-compiles (a quick check: test/languages/python* pip-install it with its
// dependencies and run it). The Go SDK is compiled and run by test/languages/go.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const execFileAsync = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

describe("the generated SDKs", () => {
  it("Node.js: sdk/nodejs type-checks with its own tsconfig", async () => {
    const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
    const run = execFileAsync(process.execPath, [tsc, "-p", path.join(root, "sdk", "nodejs"), "--noEmit"], {
      cwd: root,
    });
    await expect(run).resolves.toMatchObject({ stdout: "" });
  }, 120_000);

  it("Python: every module of sdk/python byte-compiles", async () => {
    const modules = readdirSync(path.join(root, "sdk", "python", "pulumi_huaweicloud_ccm"), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".py"));
    expect(modules).toEqual(expect.arrayContaining(["__init__.py", "private_certificate.py", "certificate_bundle.py"]));
    // The bytecode goes to a temporary prefix, not into the repository.
    const cache = mkdtempSync(path.join(tmpdir(), "ccm-pycache-"));
    try {
      const { stdout } = await execFileAsync("python3", ["-m", "compileall", "-q", path.join(root, "sdk", "python")], {
        env: { ...process.env, PYTHONPYCACHEPREFIX: cache },
      });
      expect(stdout).toBe("");
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  }, 120_000);
});
