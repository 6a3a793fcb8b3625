// One clear message, not a stack trace (dynamic provider, TypeScript program): when a call fails
// for good, the CLI's whole output holds its message once — status, error code, request id and
// the hint — with no JavaScript stack and no path into dist/runtime/index.cjs. With
// CCM_STACK_TRACES=1 the stack is there, for whoever asked. The native plugin's side is in
// test/languages/failure-output.languages.test.ts.
import { afterAll, describe, expect, it } from "vitest";
import { useEmulatorStack } from "../harness/emulator.js";
import { CREATE_FORBIDDEN, expectOneClearMessage, GET_FAILING } from "../harness/failure-output.js";
import { PulumiRunError } from "../harness/stack.js";
import { BASE_ARGS } from "./bad-input-cases.js";

/** What the CLI printed: the runner streams it, then repeats it in the Automation API's error. */
function cliOutput(error: unknown): string {
  if (!(error instanceof PulumiRunError)) throw error;
  const end = error.stderr.indexOf("\nCommandError:");
  return end >= 0 ? error.stderr.slice(0, end) : error.stderr;
}

describe("a call that fails for good shows one clear message (dynamic provider)", () => {
  const ctx = useEmulatorStack({
    program: "test/programs/bad-input-table",
    stack: "failures",
    config: {
      "huaweicloud-ccm:maxRetries": "1",
      resources: JSON.stringify([{ type: "PrivateCa", name: "root", args: BASE_ARGS.PrivateCa }]),
    },
  });
  // Runs before the stack's disposal (after hooks run in reverse), which destroys what is left.
  afterAll(() => ctx.emulator.setFaults([]));

  it("a create refused with 403: status, code, request id and the IAM hint, once", async () => {
    await ctx.emulator.setFaults([CREATE_FORBIDDEN]);
    const output = await ctx.stack.up().then(() => "", cliOutput);
    await ctx.emulator.setFaults([]);
    expectOneClearMessage(output, { status: 403, code: "PCA.00030203", hint: /Hint: forbidden: .*pca:ca:create/ });
  });

  it("a destroy whose GET keeps failing with 500: once, after the retries, with what to do", async () => {
    await ctx.stack.up();
    await ctx.emulator.setFaults([GET_FAILING]);
    const output = await ctx.stack.destroy().then(() => "", cliOutput);
    expectOneClearMessage(output, { status: 500, code: "PCA.00010001", hint: /failed on its side: run the same/ });
    expect(output).toContain("failed after 2 attempts");
  });

  it("a refresh whose GET keeps failing: the same, once", async () => {
    const output = await ctx.stack.refresh().then(() => "", cliOutput);
    expectOneClearMessage(output, { status: 500, code: "PCA.00010001", hint: /failed on its side: run the same/ });
  });

  it("CCM_STACK_TRACES=1 gives the stack when asked for", async () => {
    const output = await ctx.stack.destroy({ CCM_STACK_TRACES: "1" }).then(() => "", cliOutput);
    expect(output).toMatch(/^\s+at .*index\.cjs/m);
    expect(output).toMatch(/HTTP 500 PCA\.00010001/);
  });
});
