// A user's TypeScript project on the generated Node.js SDK: the program's files copied into a
// temporary directory, the SDK as scripts/nodejs-sdk.sh builds it (compiled, its package.json at
// the package root) copied into node_modules/@pulumi-huaweicloud-ccm/sdk, as `npm install` of the
// published package puts it. @pulumi/pulumi and @types/node are links to this checkout's: Node
// resolves a link to its real path, so the program, the SDK and the Automation API runner
// (scripts/pulumi-stack.mjs) share one copy of @pulumi/pulumi, as they do in a user's project.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const repoRoot = path.resolve(import.meta.dirname, "../..");

/** The built SDK package's directory (cached outside the repository by scripts/nodejs-sdk.sh). */
export function builtNodejsSdk() {
  return execFileSync("bash", [path.join(repoRoot, "scripts/nodejs-sdk.sh")], { encoding: "utf8" }).trim();
}

/**
 * @param {string} program  the program's directory (index.ts, Pulumi.yaml, package.json, tsconfig.json)
 * @returns {{ dir: string, dispose: () => void }}
 */
export function nodejsSdkProject(program) {
  const root = mkdtempSync(path.join(tmpdir(), "ccm-nodejs-sdk-"));
  const dir = path.join(root, path.basename(program));
  cpSync(program, dir, { recursive: true });
  const modules = path.join(dir, "node_modules");
  mkdirSync(path.join(modules, "@pulumi-huaweicloud-ccm"), { recursive: true });
  cpSync(builtNodejsSdk(), path.join(modules, "@pulumi-huaweicloud-ccm/sdk"), { recursive: true });
  for (const scope of ["@pulumi", "@types"])
    symlinkSync(path.join(repoRoot, "node_modules", scope), path.join(modules, scope), "dir");
  return { dir, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/** `tsc --noEmit` with the project's own tsconfig.json: the program's types against the SDK's declarations. */
export function typeCheck(dir) {
  const tsc = path.join(repoRoot, "node_modules/typescript/bin/tsc");
  return execFileSync(process.execPath, [tsc, "-p", dir], { encoding: "utf8" });
}
