// The standing bad-argument table of the lookups: each function refuses each case before any API
// call, naming the argument and saying what is allowed (the failures both front ends report: the
// plugin's Invoke as failures, the TypeScript forms as CcmInvalidArgumentError). The CLI runs of
// this refusal are in functions.e2e.test.ts and yaml-functions.languages.test.ts.
import { describe, expect, it } from "vitest";
import { FUNCTIONS } from "../../provider/functions/registry.js";
import type { FunctionDeclaration } from "../../provider/functions/shared/declaration.js";
import { type HandlerContext, SYSTEM_CLOCK } from "../../provider/kernel/context.js";
import { client, harness, useOperationsEmulator } from "../client/operations-emulator.js";

useOperationsEmulator();

interface BadArguments {
  function: (typeof FUNCTIONS)[number]["name"];
  args: Record<string, unknown>;
  property: string;
  allowed: RegExp;
}

const CASES: BadArguments[] = [
  { function: "getPrivateCa", args: {}, property: "caId", allowed: /give caId, or at least one filter/ },
  { function: "getPrivateCa", args: { caId: "a", commonName: "b" }, property: "caId", allowed: /not both/ },
  { function: "getPrivateCa", args: { type: "INTERMEDIATE" }, property: "type", allowed: /"ROOT", "SUBORDINATE"/ },
  { function: "getPrivateCa", args: { commonName: "c".repeat(65) }, property: "commonName", allowed: /at most 64/ },
  { function: "getPrivateCa", args: { tags: { _sys_x: "y" } }, property: "tags", allowed: /not starting with "_sys_"/ },
  // An unknown argument is named in the reason (property ""), as check names an unknown input.
  { function: "getPrivateCa", args: { caID: "x", type: "ROOT" }, property: "", allowed: /caID .*did you mean caId\?/ },
  { function: "getPrivateCas", args: { status: "ACTIVE" }, property: "status", allowed: /"ACTIVED"/ },
  { function: "getPrivateCas", args: { sortKey: "name" }, property: "sortKey", allowed: /"common_name"/ },
  { function: "getPrivateCas", args: { sortDirection: "UP" }, property: "sortDirection", allowed: /"DESC", "ASC"/ },
  { function: "getPrivateCas", args: { maxResults: 0 }, property: "maxResults", allowed: /at least 1/ },
  { function: "getPrivateCas", args: { maxResults: 20_000 }, property: "maxResults", allowed: /at most 10000/ },
  { function: "getPrivateCertificate", args: {}, property: "certificateId", allowed: /required|expected string/ },
  {
    function: "getPrivateCertificate",
    args: { certificateId: "" },
    property: "certificateId",
    allowed: /must not be empty/,
  },
  { function: "getPrivateCertificates", args: { status: "ACTIVED" }, property: "status", allowed: /"ISSUED"/ },
  {
    function: "getPrivateCertificates",
    args: { expiringWithinDays: -1 },
    property: "expiringWithinDays",
    allowed: /at least 0/,
  },
  {
    function: "getPrivateCertificates",
    args: { expiringWithinDays: 1.5 },
    property: "expiringWithinDays",
    allowed: /integer/,
  },
  { function: "getPrivateCertificates", args: { sortKey: "type" }, property: "sortKey", allowed: /"issuer_name"/ },
  {
    function: "getQuotas",
    args: { region: "x" },
    property: "",
    allowed: /region is not a known property; none is taken/,
  },
];

function context(): HandlerContext {
  return { client, clock: SYSTEM_CLOCK, log: { warn: async () => {} } };
}

describe(`bad lookup arguments: ${CASES.length} cases`, () => {
  it.each(CASES)("$function $args: refused, naming $property", async (bad) => {
    const declaration = FUNCTIONS.find((f) => f.name === bad.function) as FunctionDeclaration;
    const before = await harness.requestCount();
    const outcome = await declaration.invoke(context(), bad.args);
    expect(outcome.failures).toEqual([{ property: bad.property, reason: expect.stringMatching(bad.allowed) }]);
    expect(await harness.requestCount()).toBe(before);
  });

  it("covers every function", () => {
    expect(new Set(CASES.map((c) => c.function))).toEqual(new Set(FUNCTIONS.map((f) => f.name)));
  });
});
