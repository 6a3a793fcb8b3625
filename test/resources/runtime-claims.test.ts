// The provider host's memory of what it holds, and the one-at-a-time queue for creates that a
// lookup could confuse; and where the host finds the engine to send warnings to.
import { describe, expect, it } from "vitest";
import { claim, claimedIds, oneAtATime } from "../../provider/kernel/claims.js";
import { engineAddress } from "../../provider/kernel/warn.js";

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("claims", () => {
  it("remembers claimed ids in a live view, ignoring empty ones", () => {
    const view = claimedIds();
    claim("a-1", undefined, "");
    claim("a-2");
    expect(view.has("a-1") && view.has("a-2")).toBe(true);
    expect(view.has("")).toBe(false);
  });

  it("runs creates with one key one at a time, even when one fails, and other keys alongside", async () => {
    const events: string[] = [];
    const step =
      (name: string, fail = false) =>
      async () => {
        events.push(`${name} start`);
        await tick();
        events.push(`${name} end`);
        if (fail) throw new Error(name);
        return name;
      };
    const runs = [
      oneAtATime("k", step("first", true)),
      oneAtATime("k", step("second")),
      oneAtATime("other", step("other")),
    ];
    const results = await Promise.allSettled(runs);
    expect(results.map((r) => r.status)).toEqual(["rejected", "fulfilled", "fulfilled"]);
    expect(events.indexOf("second start")).toBeGreaterThan(events.indexOf("first end"));
    expect(events.indexOf("other start")).toBeLessThan(events.indexOf("first end"));
  });
});

describe("engineAddress", () => {
  it("is the host's last host:port argument", () => {
    expect(engineAddress(["node", "dynamic-provider", "127.0.0.1:41234"])).toBe("127.0.0.1:41234");
    expect(engineAddress(["node", "x", "--logtostderr", "-v=9", "localhost:5000"])).toBe("localhost:5000");
    expect(engineAddress(["node", "vitest", "run"])).toBeUndefined();
  });
});
