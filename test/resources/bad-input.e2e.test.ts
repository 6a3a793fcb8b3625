// The standing bad-input table (issue #10): every malformed input in bad-input-cases.ts must be
// refused by `pulumi preview` through the real CLI — the property named, what is allowed said, no
// API call made, no secret echoed. Cases are packed into as few previews as possible; each case
// still has its own refusal in the CLI's output, so each is judged on its own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestEmulator } from "../harness/emulator.js";
import type { TestStack } from "../harness/stack.js";
import { BAD_INPUT_CASES } from "./bad-input-cases.js";
import { groupCases, refusalsOf } from "./bad-input-table.js";

const groups = groupCases(BAD_INPUT_CASES);
const totals = { cases: BAD_INPUT_CASES.length, refused: 0, propertyNamed: 0, allowedSaid: 0, secretsKept: 0 };
const resourceTypes = new Set(BAD_INPUT_CASES.map((c) => c.type));

describe(`bad-input table: ${BAD_INPUT_CASES.length} cases in ${groups.length} previews`, () => {
  let emulator: TestEmulator;
  let stack: TestStack;

  beforeAll(async () => {
    emulator = await TestEmulator.start();
    stack = emulator.stack({ program: "test/programs/bad-input-table", stack: "table" });
  });
  afterAll(async () => {
    console.log(`bad-input table totals: ${JSON.stringify({ ...totals, apiCalls: await emulator?.requestCount() })}`);
    // Every preview failed, so nothing exists to destroy: the state directory is all there is.
    await stack?.discard();
    await emulator?.close();
  });

  it("covers all seven resources with at least 90 cases", () => {
    expect(BAD_INPUT_CASES.length).toBeGreaterThanOrEqual(90);
    expect(resourceTypes.size).toBe(7);
  });

  for (const [index, group] of groups.entries()) {
    it(`${group.type} preview ${index + 1}: ${group.cases.map((c) => c.name).join("; ")}`, async () => {
      stack.setConfig({ resources: JSON.stringify([{ type: group.type, name: "bad", args: group.args }]) });
      const output = await stack.previewFailure();
      const refusals = refusalsOf(output);
      for (const item of group.cases) {
        const naming = refusals.filter((r) => r.property === item.property);
        const refused = naming.length > 0 || refusals.some((r) => item.allowed.test(r.reason));
        const named = naming.length > 0;
        const allowedSaid = naming.some((r) => item.allowed.test(r.reason));
        const kept = item.secret === undefined || !output.includes(item.secret);
        totals.refused += refused ? 1 : 0;
        totals.propertyNamed += named ? 1 : 0;
        totals.allowedSaid += allowedSaid ? 1 : 0;
        totals.secretsKept += item.secret !== undefined && kept ? 1 : 0;
        const context = `${item.type} / ${item.name}; refusals: ${JSON.stringify(refusals.map((r) => [r.property, r.reason]))}`;
        expect.soft(refused, `refused at preview: ${context}`).toBe(true);
        expect.soft(named, `names ${item.property}: ${context}`).toBe(true);
        expect.soft(allowedSaid, `says what is allowed (${item.allowed}): ${context}`).toBe(true);
        expect.soft(kept, `does not echo the secret: ${item.type} / ${item.name}`).toBe(true);
      }
      expect(await emulator.requestCount()).toBe(0);
      // Generous: the CLI run takes ~10 s alone, several times that on a loaded machine.
    }, 300_000);
  }
});
