// The runtime's side of "one clear message": the line the dynamic-provider host prints for a
// failed check/diff/read/delete is dropped (and only that line), unless stack traces are asked
// for. The CLI's whole output is checked in test/resources/failure-output.e2e.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CcmApiError } from "../../provider/errors.js";
import { reportFailure, STACK_TRACES_ENV, stackTracesWanted } from "../../provider/runtime/failure-report.js";

/** What @pulumi/pulumi's dynamic-provider host prints when a method throws. */
const hostLine = (e: Error) => `${String(e)}: ${e.stack}`;

describe("stackTracesWanted", () => {
  it("is off by default, on with CCM_STACK_TRACES, CCM_DEBUG or a -v=<n> the engine passes on", () => {
    expect(stackTracesWanted({}, ["node", "host", "127.0.0.1:1234"])).toBe(false);
    expect(stackTracesWanted({ [STACK_TRACES_ENV]: "1" }, [])).toBe(true);
    expect(stackTracesWanted({ [STACK_TRACES_ENV]: "true" }, [])).toBe(true);
    expect(stackTracesWanted({ [STACK_TRACES_ENV]: "0" }, [])).toBe(false);
    expect(stackTracesWanted({ CCM_DEBUG: "1" }, [])).toBe(true);
    expect(stackTracesWanted({}, ["node", "host", "--logtostderr", "-v=9", "127.0.0.1:1234"])).toBe(true);
    expect(stackTracesWanted({}, ["node", "host", "-v=0"])).toBe(false);
  });
});

describe("reportFailure in the dynamic-provider host", () => {
  const printed: unknown[][] = [];
  let spy: ReturnType<typeof vi.spyOn>;
  const error = () =>
    new CcmApiError({ service: "ccm", method: "GET", path: "/v1/x", status: 500, requestId: "r-1", attempts: 2 });

  beforeEach(() => {
    printed.length = 0;
    spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
      printed.push(args);
    });
  });
  afterEach(() => {
    spy.mockRestore();
    delete process.env[STACK_TRACES_ENV];
  });

  it("drops the host's line for a failed delete, and nothing else", () => {
    const failure = error();
    reportFailure("delete", failure);
    console.error(hostLine(failure)); // the host, after dispatch rethrew
    console.error("some other line");
    console.error(hostLine(failure)); // a second time is not expected: printed
    expect(printed).toEqual([["some other line"], [hostLine(failure)]]);
  });

  it("prints nothing for create and update (the host answers those without printing)", () => {
    reportFailure("create", error());
    expect(printed).toEqual([]);
  });

  it("with stack traces asked for, leaves the host's line alone and prints the stack of a create", () => {
    process.env[STACK_TRACES_ENV] = "1";
    const failure = error();
    reportFailure("read", failure);
    console.error(hostLine(failure));
    reportFailure("create", failure);
    expect(printed).toEqual([[hostLine(failure)], [failure.stack]]);
    expect(String(failure.stack)).toMatch(/\n\s+at /);
  });
});
