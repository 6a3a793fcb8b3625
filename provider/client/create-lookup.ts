// The lookups of create.ts: after an attempt ended ambiguously, what matches the request and was
// created since just before the first attempt? Each waits longer than the one before, and a
// lookup that fails on the service's or the network's side is asked again before the create
// gives up, since giving up leaves whatever the attempt made for no later run to find.
import { CcmCreateOutcomeUnknownError, type CreatedKind, isCcmError } from "../errors.js";
import type { RawResponse } from "./attempt-result.js";
import type { PausingClock } from "./clock.js";
import { failureMayPass } from "./retry.js";

/** No lookup waits longer than this (the doubling stops there). */
export const MAX_LOOKUP_WAIT_MS = 30_000;
/** Tries of one lookup whose reads fail on the service's or the network's side. */
export const LOOKUP_TRIES = 3;

/** What a lookup looks for: a create's kind, its description, and how to find what it made. */
export interface LookupTarget {
  readonly kind: CreatedKind;
  /** Human description for errors, e.g. `"app.example.com" from CA 1234…`. */
  readonly what: string;
  /** Ids of resources matching the request created at or after `sinceMs` (our clock), leaving out
   * `exclude` before any costly check. Throws CandidatesUnverifiedError when it cannot tell. */
  findMatches(sinceMs: number, exclude: ReadonlySet<string>): Promise<string[]>;
}

/** A lookup found look-alikes it could not check against the request (e.g. their export failed). */
export class CandidatesUnverifiedError extends Error {
  constructor(
    readonly candidateIds: readonly string[],
    options?: { cause?: unknown },
  ) {
    super(`could not check ${candidateIds.join(", ")} against the request`, options);
    this.name = "CandidatesUnverifiedError";
  }
}

/** The waits before each lookup: settleMs, then doubling up to MAX_LOOKUP_WAIT_MS. */
export interface LookupWaits {
  readonly first: number;
  next(): number;
}

export function lookupWaits(settleMs: number): LookupWaits {
  let wait = settleMs;
  return {
    first: settleMs,
    next() {
      const now = Math.min(wait, MAX_LOOKUP_WAIT_MS);
      wait = now * 2;
      return now;
    },
  };
}

/** Unclaimed matches of the request, after a wait of `waitMs`, leaving out the known ids and `exclude`. */
export type Lookup = (failure: string, waitMs: number, exclude?: string) => Promise<string[]>;

/** Lookups of resources created since `since`. A lookup that fails is asked again while the
 * failure may pass (mayAnswerLater), LOOKUP_TRIES times in all, the next wait between tries;
 * after that the outcome is unknown. */
export function lookupSince(
  clock: PausingClock,
  target: LookupTarget,
  known: ReadonlySet<string>,
  since: number,
  waits: LookupWaits,
): Lookup {
  return async (failure, waitMs, exclude) => {
    const excluded = new Set(known);
    if (exclude !== undefined) excluded.add(exclude);
    for (let tries = 1, wait = waitMs; ; tries++, wait = waits.next()) {
      await clock.sleep(wait);
      try {
        const ids = await target.findMatches(since, excluded);
        return [...new Set(ids)].filter((id) => !excluded.has(id));
      } catch (error) {
        if (tries < LOOKUP_TRIES && mayAnswerLater(error)) continue;
        throw lookupFailed(target, failure, error, tries);
      }
    }
  };
}

/** Whether a failed lookup may answer when asked again: its call (the list, or a candidate's
 * export) failed in a way the retry policy retries, not with a refusal such as a missing permission. */
function mayAnswerLater(error: unknown): boolean {
  return failureMayPass(error instanceof CandidatesUnverifiedError ? error.cause : error);
}

function lookupFailed(target: LookupTarget, failure: string, error: unknown, tries: number) {
  const reason = isCcmError(error) || error instanceof Error ? error.message : String(error);
  const times = tries === 1 ? "" : ` ${tries} times`;
  return new CcmCreateOutcomeUnknownError(
    target.kind,
    target.what,
    `${failure}, and the lookup failed${times}: ${reason}`,
    {
      cause: error,
      candidateIds: error instanceof CandidatesUnverifiedError ? error.candidateIds : [],
    },
  );
}

/** Converts "created at or after `sinceMs` on our clock" into the service's clock, given one of
 * its responses. Without a Date header the window widens to the signature's 15-minute tolerance
 * (a request outside it would have been refused, so the clocks are at most that far apart). */
export function serviceTimeThreshold(sinceMs: number, response: RawResponse): number {
  const DATE_RESOLUTION_AND_LATENCY_MS = 2_000;
  const SIGNATURE_SKEW_TOLERANCE_MS = 15 * 60 * 1000;
  if (response.serverDate === undefined) return sinceMs - SIGNATURE_SKEW_TOLERANCE_MS;
  const offset = response.serverDate - response.receivedAt;
  return sinceMs + offset - DATE_RESOLUTION_AND_LATENCY_MS;
}
