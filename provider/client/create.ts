// Creating without duplicates or orphans when a response is lost.
//
// Apply and CA create are not idempotent and the API has no idempotency token. When an attempt
// ends ambiguously — a timeout or reset after the request was written, or a 5xx other than 503 —
// the certificate may or may not exist. Re-sending blindly risks a duplicate; giving up leaves an
// orphan that no state knows about. So the client asks the service: it lists what matches the
// whole request (the flow decides what that means: for certificates, everything down to SANs, key
// usages and the public key; see certificate-match.ts), created since just before the FIRST
// attempt (corrected for the service's clock), and not among the ids the caller already manages.
// After every ambiguous attempt:
//
//   one match   → adopt it (a lost response's resource);
//   several     → stop with CcmCreateAmbiguousError naming them (a human must choose);
//   none        → no attempt so far created anything: re-send, while the limits allow
//                 (CreateLimits: attempts and time, both settings); once they are spent, look a
//                 few more times (a slow create shows up late) and stop with
//                 CcmCreateOutcomeUnknownError.
//   no answer   → the lookup itself failed: when on the service's or the network's side, it is
//                 asked again (create-lookup.ts); a refusal, or failing every time, stops with
//                 CcmCreateOutcomeUnknownError, re-sending nothing. Whatever the attempt made is
//                 then left for the user (the error names it when it was seen): the next run's
//                 lookups start at its own first attempt. Giving up early costs an orphan.
//
// A create the service is still processing when the lookup runs is invisible to it, and a
// re-send would duplicate it. Each lookup therefore waits longer than the one before (settleMs,
// doubling, at most MAX_LOOKUP_WAIT_MS) after the attempt ended, and at least as long as that
// attempt took (up to the same cap: a request that timed out after 30 s gets 30 s more), so an
// earlier attempt has ever more time to land before the next re-send; its window starts before
// the first attempt, so it covers every attempt. After a re-send, a last lookup reports
// look-alikes that landed late as suspected duplicates. Two identical requests racing (from two
// processes, or two callers of one process that do not serialize them) look alike; pass the ids
// you already own as knownIds.
import { CcmCreateAmbiguousError, CcmCreateOutcomeUnknownError } from "../errors.js";
import type { ExecuteResult, RawResponse } from "./attempt-result.js";
import type { PausingClock } from "./clock.js";
import {
  type Lookup,
  type LookupTarget,
  type LookupWaits,
  lookupSince,
  lookupWaits,
  MAX_LOOKUP_WAIT_MS,
} from "./create-lookup.js";

/** How far a create may go on re-sending after lookups proved nothing was made. */
export interface CreateLimits {
  /** Sends at most, the first included (1 never re-sends). */
  readonly maxAttempts: number;
  /** No re-send starts once this long has passed since the first send began (ms). */
  readonly timeBudgetMs: number;
  /** The wait before the first lookup, so a create the service is still finishing becomes
   * visible (ms, the createSettleMs setting); later lookups wait twice as long as the one before. */
  readonly settleMs: number;
}

/** The clock, and the limits the configuration sets (the Transport is one). */
export interface CreateContext extends PausingClock {
  readonly createLimits: CreateLimits;
}

export interface CreateOptions extends Partial<CreateLimits> {
  /** Ids the caller already manages; never adopted as the result of this create. */
  readonly knownIds?: Iterable<string>;
}

/** Lookups after the last allowed attempt ended ambiguously, before the outcome is called unknown. */
export const FINAL_LOOKUPS = 3;

/** How the id was obtained: the response ("created"), a lookup after a lost response
 * ("adopted"), or a re-send after lookups proved nothing had been created ("resent"). */
export type CreateResolution = "created" | "adopted" | "resent";

export interface CreateResult {
  readonly id: string;
  readonly resolution: CreateResolution;
  /** After a re-send: unclaimed look-alikes that appeared meanwhile (possible duplicates to review). */
  readonly suspectedDuplicateIds: readonly string[];
  /** Sends of the create (1 when the first answered). */
  readonly attempts: number;
}

export interface CreateFlow extends LookupTarget {
  /** One send, with the retries that are safe before processing. */
  execute(): Promise<ExecuteResult>;
  idFrom(response: RawResponse): string;
  /** False when the service does not list such resources, so "none found" proves nothing. */
  readonly listable: boolean;
}

/** What one create keeps from attempt to attempt. */
interface CreateRun {
  readonly context: CreateContext;
  readonly flow: CreateFlow;
  readonly limits: CreateLimits;
  /** When the first send began (our clock). */
  readonly started: number;
  readonly lookup: Lookup;
  readonly waits: LookupWaits;
  /** Why each attempt so far ended ambiguously. */
  readonly reasons: string[];
}

export async function createWithoutDuplicates(
  context: CreateContext,
  flow: CreateFlow,
  options: CreateOptions = {},
): Promise<CreateResult> {
  const run = startRun(context, flow, options);
  for (let attempt = 1; ; attempt++) {
    const sentAt = context.now();
    const sent = await flow.execute();
    if (sent.kind === "ok") {
      const id = flow.idFrom(sent.response);
      if (attempt === 1) return { id, resolution: "created", suspectedDuplicateIds: [], attempts: 1 };
      return withLateLookalikes({ id, resolution: "resent", attempts: attempt }, run.lookup, run.waits.first);
    }
    const settled = await afterAmbiguousAttempt(run, sent, attempt, sentAt);
    if (settled !== undefined) return settled;
    // Nothing matches: no attempt so far created anything, so a re-send cannot duplicate.
  }
}

function startRun(context: CreateContext, flow: CreateFlow, options: CreateOptions): CreateRun {
  const limits: CreateLimits = {
    maxAttempts: options.maxAttempts ?? context.createLimits.maxAttempts,
    timeBudgetMs: options.timeBudgetMs ?? context.createLimits.timeBudgetMs,
    settleMs: options.settleMs ?? context.createLimits.settleMs,
  };
  const started = context.now();
  const waits = lookupWaits(limits.settleMs);
  return {
    context,
    flow,
    limits,
    started,
    lookup: lookupSince(context, flow, new Set(options.knownIds ?? []), started, waits),
    waits,
    reasons: [],
  };
}

/** After an attempt that ended ambiguously: the result when a lookup finds what it made,
 * undefined when nothing matches and the limits allow a re-send; otherwise it throws. */
async function afterAmbiguousAttempt(
  run: CreateRun,
  sent: Extract<ExecuteResult, { kind: "ambiguous" }>,
  attempt: number,
  sentAt: number,
): Promise<CreateResult | undefined> {
  const { context, flow } = run;
  run.reasons.push(sent.reason);
  const failure = describeFailures(run.reasons);
  // A slow attempt (a timeout after the request was written) may be still running on the
  // service: the lookup waits at least as long as the attempt took, giving it as long again.
  const attemptMs = context.now() - sentAt;
  const found = await run.lookup(failure, Math.max(run.waits.next(), Math.min(attemptMs, MAX_LOOKUP_WAIT_MS)));
  if (found.length > 0) return adopt(run, found, attempt);
  if (!flow.listable) {
    throw new CcmCreateOutcomeUnknownError(
      flow.kind,
      flow.what,
      `${failure}; the service does not list this kind of ${flow.kind}, so its absence cannot be proven`,
      { cause: sent.error },
    );
  }
  const spent = limitSpent(run.limits, attempt, context.now() - run.started);
  if (spent === undefined) return undefined;
  return finalLookups(run, { failure, spent, cause: sent.error }, attempt);
}

/** Out of budget. Rather than fail at once, look again: a create that was still being processed
 * becomes visible, and the caller is spared another run. */
async function finalLookups(
  run: CreateRun,
  why: { readonly failure: string; readonly spent: string; readonly cause: unknown },
  attempt: number,
): Promise<CreateResult> {
  for (let round = 1; round < FINAL_LOOKUPS; round++) {
    const late = await run.lookup(why.failure, run.waits.next());
    if (late.length > 0) return adopt(run, late, attempt);
  }
  const { kind, what } = run.flow;
  throw new CcmCreateOutcomeUnknownError(
    kind,
    what,
    `${why.failure}, no matching ${kind} is visible, and ${why.spent}, so it was not sent again`,
    { cause: why.cause },
  );
}

/** Adopts what a lookup found; after a re-send, another attempt may still land: reported rather
 * than missed. */
function adopt(run: CreateRun, found: readonly string[], attempt: number): Promise<CreateResult> | CreateResult {
  const adopted = decide(run.flow, found, attempt);
  return attempt === 1 ? adopted : withLateLookalikes(adopted, run.lookup, run.waits.first);
}

/** Why no re-send may start: the attempts or the time are spent (undefined when neither is). */
function limitSpent(limits: CreateLimits, attempts: number, elapsedMs: number): string | undefined {
  if (attempts >= limits.maxAttempts) {
    return `the limit of ${limits.maxAttempts} attempt${limits.maxAttempts === 1 ? "" : "s"} is reached (createAttempts)`;
  }
  if (elapsedMs >= limits.timeBudgetMs) {
    return `the time budget of ${limits.timeBudgetMs} ms is spent (createTimeBudgetMs; ${elapsedMs} ms since the first attempt)`;
  }
  return undefined;
}

/** The attempts' failures in one phrase, a repeated reason counted once ("HTTP 502 … ×3"). */
function describeFailures(reasons: readonly string[]): string {
  if (reasons.length === 1) return reasons[0] as string;
  const counts = new Map<string, number>();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  const each = [...counts].map(([reason, n]) => (n === 1 ? reason : `${reason} ×${n}`));
  return `${reasons.length} attempts ended ambiguously (${each.join("; ")})`;
}

/** A result after a re-send, with look-alikes that appeared meanwhile (the check is best effort). */
async function withLateLookalikes(
  result: Omit<CreateResult, "suspectedDuplicateIds">,
  lookup: Lookup,
  waitMs: number,
): Promise<CreateResult> {
  let suspects: string[] = [];
  try {
    suspects = await lookup("checking for a late duplicate", waitMs, result.id);
  } catch {
    // NO-OP: the create succeeded; the duplicate check is best effort.
  }
  return { ...result, suspectedDuplicateIds: suspects };
}

/** One candidate is adopted; several are for a human to choose from. */
function decide(flow: CreateFlow, candidates: readonly string[], attempts: number): CreateResult {
  if (candidates.length > 1) throw new CcmCreateAmbiguousError(flow.kind, flow.what, candidates);
  return { id: candidates[0] as string, resolution: "adopted", suspectedDuplicateIds: [], attempts };
}
