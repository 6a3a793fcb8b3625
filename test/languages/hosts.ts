// The language hosts the language e2e tests need, found or built by scripts/yaml-host.sh (cached
// outside the repository, like the CLI itself).
import { execFileSync } from "node:child_process";
import path from "node:path";
import { beforeAll } from "vitest";
import { TestEmulator } from "../harness/emulator.js";
import { CliProject, repoRoot } from "./cli.js";

export function yamlHostDir(): string {
  return execFileSync("bash", [path.join(repoRoot, "scripts/yaml-host.sh")], { encoding: "utf8" }).trim();
}

/** Builds the YAML language host on a first run in the file's beforeAll, outside the tests' time. */
export function buildYamlHostFirst(): void {
  beforeAll(() => {
    yamlHostDir();
  }, 1_800_000);
}

/**
 * A fresh emulator and the YAML program test/languages/yaml/<name> run by the YAML host, its stack
 * initialised with the emulator's endpoint and credentials plus `more(emulator)`'s config (ids of
 * objects made outside the stack, first).
 */
export async function startYamlProject(
  name: string,
  more: (emulator: TestEmulator) => Promise<Record<string, string>> = async () => ({}),
): Promise<{ emulator: TestEmulator; project: CliProject }> {
  const emulator = await TestEmulator.start();
  const project = new CliProject({ source: path.join(repoRoot, "test/languages/yaml", name), path: [yamlHostDir()] });
  const { config, secrets } = emulator.stackConfig();
  await project.init({ ...config, ...(await more(emulator)) }, secrets);
  return { emulator, project };
}
