// Creating without duplicates or orphans when a response is lost.
//
// Apply and CA create are not idempotent and the API has no idempotency token. When an attempt
// ends ambiguously — a timeout or reset after the request was written, or a 5xx other than 503 —
// the certificate may or may not exist. Re-sending blindly risks a duplicate; giving up leaves an
// orphan that no state knows about. So the client asks the service: it lists what matches the
// whole request (the flow decides what that means: for certificates, everything down to SANs, key
// usages and the public key; see certificate-match.ts), created since just before the first
// attempt (corrected for the service's clock), and not among the ids the caller already manages:
//
//   one match   → adopt it (the lost response's resource);
//   several     → stop with CcmCreateAmbiguousError naming them (a human must choose);
//   none        → nothing was created: re-send once; if that is lost too, look again (a few times,
//                 with growing waits, before giving up: a slow create shows up late).
//
// Limits: a create still running on the service after the settle delay is invisible to the
// lookup, so the re-send can duplicate it; the client then reports the late one as a suspected
// duplicate. Two identical requests racing (from two processes, or two callers of one process
// that do not serialize them) look alike; pass the ids you already own as knownIds.
import { CcmCreateAmbiguousError, CcmCreateOutcomeUnknownError, type CreatedKind, isCcmError } from "../errors.js";
import type { Clock } from "./clock.js";
import type { ExecuteResult, RawResponse } from "./transport.js";

export interface CreateOptions {
  /** Ids the caller already manages; never adopted as the result of this create. */
  readonly knownIds?: Iterable<string>;
  /** Wait before looking, so a create the service is still finishing becomes visible. Default 2000 ms. */
  readonly settleMs?: number;
}

export const DEFAULT_SETTLE_MS = 2_000;
/** Lookups after the re-send was lost too, each waiting twice as long as the one before. */
export const FINAL_LOOKUPS = 3;

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

/** How the id was obtained: the response ("created"), a lookup after a lost response
 * ("adopted"), or a re-send after a lookup proved nothing had been created ("resent"). */
export type CreateResolution = "created" | "adopted" | "resent";

export interface CreateResult {
  readonly id: string;
  readonly resolution: CreateResolution;
  /** After a re-send: unclaimed look-alikes that appeared meanwhile (possible duplicates to review). */
  readonly suspectedDuplicateIds: readonly string[];
}

export interface CreateFlow {
  readonly kind: CreatedKind;
  /** Human description for errors, e.g. `"app.example.com" from CA 1234…`. */
  readonly what: string;
  /** One send, with the retries that are safe before processing. */
  execute(): Promise<ExecuteResult>;
  idFrom(response: RawResponse): string;
  /** Ids of resources matching the request created at or after `sinceMs` (our clock), leaving out
   * `exclude` before any costly check. Throws CandidatesUnverifiedError when it cannot tell. */
  findMatches(sinceMs: number, exclude: ReadonlySet<string>): Promise<string[]>;
  /** False when the service does not list such resources, so "none found" proves nothing. */
  readonly listable: boolean;
}

export async function createWithoutDuplicates(
  clock: Clock,
  flow: CreateFlow,
  options: CreateOptions = {},
): Promise<CreateResult> {
  const settleMs = options.settleMs ?? DEFAULT_SETTLE_MS;
  const lookup = lookupSince(clock, flow, new Set(options.knownIds ?? []), settleMs);

  const first = await flow.execute();
  if (first.kind === "ok") return { id: flow.idFrom(first.response), resolution: "created", suspectedDuplicateIds: [] };

  const decided = decide(flow, await lookup(first.reason));
  if (decided) return decided;
  if (!flow.listable) {
    throw new CcmCreateOutcomeUnknownError(
      flow.kind,
      flow.what,
      `${first.reason}; the service does not list this kind of ${flow.kind}, so its absence cannot be proven`,
      { cause: first.error },
    );
  }

  // Nothing matches: the lost attempt created nothing, so one re-send cannot duplicate.
  const second = await flow.execute();
  if (second.kind === "ok") return resent(flow.idFrom(second.response), lookup);
  // Both attempts were lost. Rather than fail the step at once, look again a few times: a create
  // the service was still finishing becomes visible, and the caller is spared another run.
  for (let round = 0; round < FINAL_LOOKUPS; round++) {
    const decidedAgain = decide(flow, await lookup(second.reason, undefined, settleMs * 2 ** round));
    if (decidedAgain) return decidedAgain;
  }
  throw new CcmCreateOutcomeUnknownError(
    flow.kind,
    flow.what,
    `two attempts ended ambiguously (${first.reason}; ${second.reason}) and no matching ${flow.kind} is visible`,
    { cause: second.error },
  );
}

/** Unclaimed matches of `flow`, after a wait of `waitMs`, leaving out `known` and `exclude`. */
type Lookup = (failure: string, exclude?: string, waitMs?: number) => Promise<string[]>;

/** Lookups of resources created since now; a failed lookup makes the outcome unknown. */
function lookupSince(clock: Clock, flow: CreateFlow, known: ReadonlySet<string>, settleMs: number): Lookup {
  const since = clock.now().getTime();
  return async (failure, exclude, waitMs = settleMs) => {
    await clock.sleep(waitMs);
    const excluded = new Set(known);
    if (exclude !== undefined) excluded.add(exclude);
    try {
      const ids = await flow.findMatches(since, excluded);
      return [...new Set(ids)].filter((id) => !excluded.has(id));
    } catch (error) {
      const reason = isCcmError(error) || error instanceof Error ? error.message : String(error);
      const candidates = error instanceof CandidatesUnverifiedError ? error.candidateIds : [];
      throw new CcmCreateOutcomeUnknownError(flow.kind, flow.what, `${failure}, and the lookup failed: ${reason}`, {
        cause: error,
        candidateIds: candidates,
      });
    }
  };
}

/** The re-send's result, with look-alikes that appeared meanwhile (the check is best effort). */
async function resent(id: string, lookup: Lookup): Promise<CreateResult> {
  let suspects: string[] = [];
  try {
    suspects = await lookup("checking for a late duplicate", id);
  } catch {
    // NO-OP: the re-send succeeded; the duplicate check is best effort.
  }
  return { id, resolution: "resent", suspectedDuplicateIds: suspects };
}

function decide(flow: CreateFlow, candidates: string[]): CreateResult | undefined {
  if (candidates.length === 1) {
    return { id: candidates[0] as string, resolution: "adopted", suspectedDuplicateIds: [] };
  }
  if (candidates.length > 1) throw new CcmCreateAmbiguousError(flow.kind, flow.what, candidates);
  return undefined;
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
