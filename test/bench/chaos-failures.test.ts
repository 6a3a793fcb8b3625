// The chaos checks judge a run by the failures untilItSucceeds records (bench/lib/chaos-audit.mjs),
// so a failure that matters must survive its summary: a create whose outcome is unknown was once
// dropped there (its line reads "… and the lookup failed: …"), and an orphan it left failed a
// later check with no word of why.
import { describe, expect, it } from "vitest";
import { UNKNOWN_OUTCOME, untilItSucceeds } from "../../bench/lib/chaos.mjs";

/** A stack whose `up` fails once with the CLI output given, then succeeds. */
function failingOnce(output: string) {
  let runs = 0;
  return {
    run: async () => {
      runs += 1;
      if (runs === 1) throw new Error(output);
      return {};
    },
  };
}

const OTHER_ERRORS = Array.from(
  { length: 10 },
  (_, i) => `    error: CCM GET /v1/private-certificates/id-${i} failed after 6 attempts: HTTP 502 PCA.00010001`,
);

describe("untilItSucceeds's record of a failed run", () => {
  it("keeps a create whose outcome is unknown, first, however many other errors the run printed", async () => {
    const unknown =
      '    error: creating certificate "svc-4.chaos.example" from CA 1: the outcome is unknown (HTTP 502 after ' +
      "the create was sent, and the lookup failed 3 times: CCM GET /v1/private-certificates failed after 6 attempts)";
    const output = ["chaos: pulumi up failed:", ...OTHER_ERRORS, unknown].join("\n");
    const failures: string[] = [];
    const runs = await untilItSucceeds(failingOnce(output), "up", 3, failures, () => {});
    expect(runs).toBe(2);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/^up #1: error: creating certificate "svc-4.chaos.example"/);
    expect(UNKNOWN_OUTCOME.test(failures[0] ?? "")).toBe(true);
  });

  it("leaves out the runner's own heading line", async () => {
    const failures: string[] = [];
    await untilItSucceeds(
      failingOnce(["chaos: pulumi up failed:", OTHER_ERRORS[0]].join("\n")),
      "up",
      2,
      failures,
      () => {},
    );
    expect(failures).toEqual([`up #1: ${OTHER_ERRORS[0]?.trim()}`]);
  });
});
