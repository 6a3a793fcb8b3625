// Re-sending a create within its limits (createAttempts, createTimeBudgetMs): createWithoutDuplicates
// against a scripted service on a fake clock — every wait is a jump of the clock, no real sleep.
// Each attempt either answers, is lost after the service made the object, or fails before the
// service ran it; the lookup sees what was made (optionally only some time after it was made).
import { describe, expect, it } from "vitest";
import {
  type CreateLimits,
  type CreateOptions,
  type CreateResult,
  createWithoutDuplicates,
} from "../../provider/client/create.js";
import { CandidatesUnverifiedError, LOOKUP_TRIES, MAX_LOOKUP_WAIT_MS } from "../../provider/client/create-lookup.js";
import type { RawResponse } from "../../provider/client/transport.js";
import {
  CcmApiError,
  CcmCreateAmbiguousError,
  CcmCreateOutcomeUnknownError,
  CcmNetworkError,
} from "../../provider/errors.js";

/** What the service does with one attempt: answers, makes the object but the answer is lost, or
 * fails without running it (a 502 or a reset before processing). */
type Attempt = "ok" | "lost" | "unprocessed";

const LIMITS: CreateLimits = { maxAttempts: 5, timeBudgetMs: 120_000, settleMs: 2_000 };
const T0 = Date.parse("2026-01-01T00:00:00Z");

class FakeService {
  nowMs = T0;
  readonly sleeps: number[] = [];
  readonly made: { id: string; atMs: number }[] = [];
  readonly lookupSince: number[] = [];
  sends = 0;
  /** How long a made object stays invisible to the lookup (a create the service is still finishing). */
  visibleAfterMs = 0;
  /** How long each send takes. */
  sendMs = 100;
  /** The lookups (counted from 1) that fail, and how. */
  failLookups: readonly number[] = [];
  lookupError: () => Error = () => apiError(403);

  constructor(
    private readonly script: readonly Attempt[],
    readonly createLimits: CreateLimits = LIMITS,
    readonly listable = true,
  ) {}

  now = (): number => this.nowMs;
  sleep = async (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    this.nowMs += ms;
  };

  make(): string {
    const id = `cert-${this.made.length + 1}`;
    this.made.push({ id, atMs: this.nowMs });
    return id;
  }

  create(options?: CreateOptions): Promise<CreateResult> {
    return createWithoutDuplicates(
      this,
      {
        kind: "certificate",
        what: '"app.example.com" from CA 1',
        listable: this.listable,
        execute: async () => {
          const attempt = this.script[this.sends++] ?? "unprocessed";
          this.nowMs += this.sendMs;
          if (attempt === "ok") return { kind: "ok", response: response(this.make(), this.nowMs) };
          if (attempt === "lost") this.make();
          const error = new CcmNetworkError({ service: "ccm", method: "POST", path: "/v1/x" }, "reset", true);
          return { kind: "ambiguous", error, reason: `reset after attempt ${this.sends}` };
        },
        idFrom: (raw) => new TextDecoder().decode(raw.body),
        findMatches: async (sinceMs, exclude) => {
          this.lookupSince.push(sinceMs);
          if (this.failLookups.includes(this.lookupSince.length)) throw this.lookupError();
          return this.made
            .filter((m) => m.atMs >= sinceMs && m.atMs + this.visibleAfterMs <= this.nowMs && !exclude.has(m.id))
            .map((m) => m.id);
        },
      },
      options,
    );
  }
}

/** The list call's failure, after the transport's own retries. */
function apiError(status: number): CcmApiError {
  return new CcmApiError({ service: "ccm", method: "GET", path: "/v1/private-certificates", status, errorCode: "X" });
}

function response(id: string, atMs: number): RawResponse {
  const body = new TextEncoder().encode(id);
  return { status: 200, headers: {}, body, requestId: undefined, attempts: 1, serverDate: atMs, receivedAt: atMs };
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error("expected the create to fail");
  return error;
}

describe("re-sending after lookups proved nothing was made", () => {
  it("keeps re-sending while each lookup finds nothing, then checks once more for a late look-alike", async () => {
    const service = new FakeService(["unprocessed", "unprocessed", "unprocessed", "ok"]);
    const result = await service.create();
    expect(result).toEqual({ id: "cert-1", resolution: "resent", attempts: 4, suspectedDuplicateIds: [] });
    expect(service.made).toHaveLength(1);
    // One lookup after each lost attempt, each waiting twice as long, then the late-duplicate check.
    expect(service.sleeps).toEqual([2_000, 4_000, 8_000, 2_000]);
    // Every lookup's window starts before the first attempt, so it covers all of them.
    expect(new Set(service.lookupSince)).toEqual(new Set([T0]));
  });

  it("adopts what a re-sent attempt made when its answer is lost, and reports nothing else", async () => {
    const service = new FakeService(["unprocessed", "unprocessed", "lost"]);
    const result = await service.create();
    expect(result).toEqual({ id: "cert-1", resolution: "adopted", attempts: 3, suspectedDuplicateIds: [] });
    expect(service.sends).toBe(3);
    expect(service.made).toHaveLength(1);
  });

  it("sends nothing more once a lookup answers with the create that landed late", async () => {
    // The first attempt is made but stays invisible for 5 s: the 2 s lookup misses it, the re-send
    // fails before processing, and the 4 s lookup (growing waits) finds it.
    const service = new FakeService(["lost", "unprocessed", "ok"]);
    service.visibleAfterMs = 5_000;
    const result = await service.create();
    expect(result).toMatchObject({ id: "cert-1", resolution: "adopted", attempts: 2 });
    expect(service.sends).toBe(2);
    expect(service.made).toHaveLength(1);
  });

  it("after a slow attempt, waits as long as it took before looking, so a create still running is found", async () => {
    // The client gave up after 25 s (a timeout after the request was written); the service makes
    // the object only 20 s after that. A 2 s lookup would miss it, and a re-send duplicate it.
    const service = new FakeService(["lost", "ok"]);
    service.sendMs = 25_000;
    service.visibleAfterMs = 20_000;
    const result = await service.create();
    expect(result).toEqual({ id: "cert-1", resolution: "adopted", attempts: 1, suspectedDuplicateIds: [] });
    expect(service.sleeps).toEqual([25_000]);
    expect(service.sends).toBe(1);
  });

  it("reports an earlier attempt that lands after the re-send answered as a suspected duplicate", async () => {
    const service = new FakeService(["lost", "ok"]);
    service.visibleAfterMs = 2_500;
    const result = await service.create();
    expect(result).toEqual({
      id: "cert-2",
      resolution: "resent",
      attempts: 2,
      suspectedDuplicateIds: ["cert-1"],
    });
  });

  it("stops with the candidates when several look-alikes appear, re-sending nothing more", async () => {
    const service = new FakeService(["lost", "lost"]);
    service.visibleAfterMs = 3_000;
    const error = await failure(service.create());
    expect(error).toBeInstanceOf(CcmCreateAmbiguousError);
    expect((error as CcmCreateAmbiguousError).candidateIds).toEqual(["cert-1", "cert-2"]);
    expect(service.sends).toBe(2);
  });
});

describe("the limits", () => {
  it("stops after createAttempts sends, looking a few more times first, and says what to do", async () => {
    const service = new FakeService([], { maxAttempts: 3, timeBudgetMs: 600_000, settleMs: 2_000 });
    const error = await failure(service.create());
    expect(error).toBeInstanceOf(CcmCreateOutcomeUnknownError);
    expect(service.sends).toBe(3);
    expect(service.sleeps).toEqual([2_000, 4_000, 8_000, 16_000, MAX_LOOKUP_WAIT_MS]);
    expect(error.message).toContain("3 attempts ended ambiguously (reset after attempt 1; reset after attempt 2;");
    expect(error.message).toContain("the limit of 3 attempts is reached (createAttempts)");
    expect(error.message).toContain("list the certificates in the console or API before retrying");
  });

  it("still adopts a create that shows up during the last lookups", async () => {
    const service = new FakeService(["unprocessed", "lost"], {
      maxAttempts: 2,
      timeBudgetMs: 600_000,
      settleMs: 2_000,
    });
    service.visibleAfterMs = 5_000;
    const result = await service.create();
    expect(result).toEqual({ id: "cert-1", resolution: "adopted", attempts: 2, suspectedDuplicateIds: [] });
    // The lookups after each attempt, one more after the last, then the late-duplicate check.
    expect(service.sleeps).toEqual([2_000, 4_000, 8_000, 2_000]);
  });

  it("starts no re-send once createTimeBudgetMs has passed since the first send", async () => {
    const service = new FakeService([], { maxAttempts: 10, timeBudgetMs: 30_000, settleMs: 2_000 });
    // Slow sends: 10 s, then a lookup that waits as long as the send took (10 s); at 20 s the
    // second send starts, and by its lookup 40 s have passed.
    service.sendMs = 10_000;
    const error = await failure(service.create());
    expect(error).toBeInstanceOf(CcmCreateOutcomeUnknownError);
    expect(service.sends).toBe(2);
    expect(error.message).toContain("the time budget of 30000 ms is spent (createTimeBudgetMs; 40000 ms");
  });

  it("never re-sends with createAttempts 1 (and a budget of 0 does the same)", async () => {
    for (const limits of [
      { maxAttempts: 1, timeBudgetMs: 120_000, settleMs: 2_000 },
      { maxAttempts: 5, timeBudgetMs: 0, settleMs: 2_000 },
    ]) {
      const service = new FakeService(["unprocessed", "ok"], limits);
      await expect(service.create()).rejects.toBeInstanceOf(CcmCreateOutcomeUnknownError);
      expect(service.sends).toBe(1);
    }
  });

  it("lets the caller's options override the configured limits", async () => {
    const service = new FakeService([], { maxAttempts: 10, timeBudgetMs: 600_000, settleMs: 2_000 });
    await expect(service.create({ maxAttempts: 2 })).rejects.toBeInstanceOf(CcmCreateOutcomeUnknownError);
    expect(service.sends).toBe(2);
  });

  it("never waits longer than MAX_LOOKUP_WAIT_MS before a lookup", async () => {
    const service = new FakeService([], { maxAttempts: 8, timeBudgetMs: 3_600_000, settleMs: 2_000 });
    await expect(service.create()).rejects.toBeInstanceOf(CcmCreateOutcomeUnknownError);
    expect(service.sends).toBe(8);
    expect(Math.max(...service.sleeps)).toBe(MAX_LOOKUP_WAIT_MS);
    expect(service.sleeps.slice(0, 5)).toEqual([2_000, 4_000, 8_000, 16_000, 30_000]);
  });
});

describe("when the lookup cannot answer", () => {
  it("stops at once, sending nothing more, whatever budget is left", async () => {
    const service = new FakeService(["unprocessed", "unprocessed", "ok"]);
    service.failLookups = [2];
    const error = await failure(service.create());
    expect(error).toBeInstanceOf(CcmCreateOutcomeUnknownError);
    expect(error.message).toMatch(/2 attempts ended ambiguously .*, and the lookup failed: .*HTTP 403/);
    expect(service.sends).toBe(2);
    expect(service.lookupSince).toHaveLength(2);
  });

  it("asks again when the lookup fails on the service's side, and adopts what the lost attempt made", async () => {
    const service = new FakeService(["lost"]);
    service.failLookups = [1, 2];
    service.lookupError = () => apiError(502);
    const result = await service.create();
    expect(result).toEqual({ id: "cert-1", resolution: "adopted", attempts: 1, suspectedDuplicateIds: [] });
    expect(service.sends).toBe(1);
    // The next waits of the doubling sequence between the tries.
    expect(service.sleeps).toEqual([2_000, 4_000, 8_000]);
  });

  it(`gives up after ${LOOKUP_TRIES} failed tries, re-sending nothing and naming what it could not check`, async () => {
    const service = new FakeService(["lost", "ok"]);
    service.failLookups = [1, 2, 3, 4];
    service.lookupError = () => new CandidatesUnverifiedError(["cert-1"], { cause: apiError(429) });
    const error = await failure(service.create());
    expect(error).toBeInstanceOf(CcmCreateOutcomeUnknownError);
    expect((error as CcmCreateOutcomeUnknownError).candidateIds).toEqual(["cert-1"]);
    expect(error.message).toContain(`and the lookup failed ${LOOKUP_TRIES} times: could not check cert-1`);
    expect(service.sends).toBe(1);
    expect(service.lookupSince).toHaveLength(LOOKUP_TRIES);
  });

  it("never re-sends a create the service does not list", async () => {
    const service = new FakeService(["unprocessed", "ok"], LIMITS, false);
    const error = await failure(service.create());
    expect(error).toBeInstanceOf(CcmCreateOutcomeUnknownError);
    expect(error.message).toContain("its absence cannot be proven");
    expect(service.sends).toBe(1);
  });
});
