// The language hosts the language e2e tests need, found or built by scripts/yaml-host.sh (cached
// outside the repository, like the CLI itself).
import { execFileSync } from "node:child_process";
import path from "node:path";
import { beforeAll } from "vitest";
import { repoRoot } from "./cli.js";

export function yamlHostDir(): string {
  return execFileSync("bash", [path.join(repoRoot, "scripts/yaml-host.sh")], { encoding: "utf8" }).trim();
}

/** Builds the YAML language host on a first run in the file's beforeAll, outside the tests' time. */
export function buildYamlHostFirst(): void {
  beforeAll(() => {
    yamlHostDir();
  }, 1_800_000);
}
