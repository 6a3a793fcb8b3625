// The create limits as settings: createAttempts and createTimeBudgetMs, their defaults, where they
// are read from, and the values refused (create-resend.test.ts tests what they limit).
import { describe, expect, it } from "vitest";
import { DEFAULT_CREATE_ATTEMPTS, DEFAULT_CREATE_TIME_BUDGET_MS, resolveConfig } from "../../provider/config.js";
import { CcmConfigError } from "../../provider/errors.js";

describe("the settings", () => {
  const NS = "huaweicloud-ccm";
  const AKSK = { HW_ACCESS_KEY: "AK", HW_SECRET_KEY: "SK" };

  it("default to 5 attempts within 2 minutes", () => {
    expect([DEFAULT_CREATE_ATTEMPTS, DEFAULT_CREATE_TIME_BUDGET_MS]).toEqual([5, 120_000]);
    expect(resolveConfig({}, AKSK)).toMatchObject({ createAttempts: 5, createTimeBudgetMs: 120_000 });
  });

  it("are read from the stack config first, then HW_CCM_CREATE_ATTEMPTS / HW_CCM_CREATE_TIME_BUDGET_MS", () => {
    const env = { ...AKSK, HW_CCM_CREATE_ATTEMPTS: "3", HW_CCM_CREATE_TIME_BUDGET_MS: "60000" };
    expect(resolveConfig({}, env)).toMatchObject({ createAttempts: 3, createTimeBudgetMs: 60_000 });
    const stack = { [`${NS}:createAttempts`]: "1", [`${NS}:createTimeBudgetMs`]: "0" };
    expect(resolveConfig(stack, env)).toMatchObject({ createAttempts: 1, createTimeBudgetMs: 0 });
  });

  it("refuse values out of range, naming where they came from", () => {
    for (const [stack, env, message] of [
      [{ [`${NS}:createAttempts`]: "0" }, {}, `${NS}:createAttempts must be an integer from 1 to 10`],
      [{}, { HW_CCM_CREATE_ATTEMPTS: "11" }, "HW_CCM_CREATE_ATTEMPTS must be an integer from 1 to 10"],
      [{}, { HW_CCM_CREATE_TIME_BUDGET_MS: "2m" }, "HW_CCM_CREATE_TIME_BUDGET_MS must be an integer from 0 to 3600000"],
      [{ [`${NS}:createTimeBudgetMs`]: "3600001" }, {}, `${NS}:createTimeBudgetMs must be an integer from 0 to`],
    ] as const) {
      expect(() => resolveConfig(stack, { ...AKSK, ...env })).toThrow(CcmConfigError);
      expect(() => resolveConfig(stack, { ...AKSK, ...env })).toThrow(message);
    }
  });
});
