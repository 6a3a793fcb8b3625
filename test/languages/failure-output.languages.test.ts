// One clear message, not a stack trace (native plugin, YAML program): when a call fails for good,
// the CLI's whole output holds its message once — status, error code, request id and the hint —
// with no JavaScript stack. Asked for with `--logflow -v=<n>` (the engine passes -v on to the
// plugin) or CCM_STACK_TRACES=1, plus --debug, the stack is there. The dynamic provider's side is in
// test/resources/failure-output.e2e.test.ts.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestEmulator } from "../harness/emulator.js";
import { CREATE_FORBIDDEN, expectOneClearMessage, GET_FAILING } from "../harness/failure-output.js";
import { BASE_ARGS } from "../resources/bad-input-cases.js";
import { CliProject } from "./cli.js";
import { yamlHostDir } from "./hosts.js";
import { writeYamlProgram } from "./yaml-program.js";

describe("a call that fails for good shows one clear message (native plugin, YAML)", () => {
  let emulator: TestEmulator;
  let source: string;
  let project: CliProject;

  /** The CLI's output of a command that must fail. */
  const failing = (...args: string[]) =>
    project.pulumi(...args).then(
      (stdout) => `(succeeded)\n${stdout}`,
      (error: Error) => error.message,
    );

  beforeAll(async () => {
    emulator = await TestEmulator.start();
    source = mkdtempSync(path.join(tmpdir(), "ccm-failure-output-"));
    writeYamlProgram(source, "ccm-yaml-failure-output", [
      { name: "root", type: "PrivateCa", properties: BASE_ARGS.PrivateCa },
    ]);
    project = new CliProject({ source, path: [yamlHostDir()] });
    const { config, secrets } = emulator.stackConfig();
    await project.init({ ...config, "huaweicloud-ccm:maxRetries": "1" }, secrets);
  }, 900_000);
  afterAll(async () => {
    await emulator?.setFaults([]);
    await project?.pulumi("destroy", "--yes", "--skip-preview").catch(() => undefined);
    project?.dispose();
    rmSync(source, { recursive: true, force: true });
    await emulator?.close();
  });

  it("a create refused with 403: status, code, request id and the IAM hint, once", async () => {
    await emulator.setFaults([CREATE_FORBIDDEN]);
    const output = await failing("up", "--yes", "--skip-preview");
    await emulator.setFaults([]);
    expectOneClearMessage(output, { status: 403, code: "PCA.00030203", hint: /Hint: forbidden: .*pca:ca:create/ });
  });

  it("a destroy whose GET keeps failing with 500: once, after the retries, with what to do", async () => {
    await project.pulumi("up", "--yes", "--skip-preview");
    await emulator.setFaults([GET_FAILING]);
    const output = await failing("destroy", "--yes", "--skip-preview");
    expectOneClearMessage(output, { status: 500, code: "PCA.00010001", hint: /failed on its side: run the same/ });
    expect(output).toContain("failed after 2 attempts");
  });

  it("`--logflow -v=1 --debug` gives the stack when asked for", async () => {
    // GOTCHA: the engine shows what a native plugin writes to stderr only as debug messages.
    const output = await failing("destroy", "--yes", "--skip-preview", "--logflow", "-v=1", "--debug");
    expect(output).toMatch(/^\s+(debug:)?\s+at .*\(\/.*\/dist\/provider\/.*\.js:\d+:\d+\)$/m);
    expect(output).toMatch(/debug: CcmApiError: CCM GET .* HTTP 500 PCA\.00010001/);
  });
});
