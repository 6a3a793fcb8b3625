// Waiting for a status with backoff and a deadline (certificate ISSUED, CA ACTIVED, …).
import { CcmWaitTimeoutError, isNotFoundError } from "../errors.js";
import type { PausingClock } from "./clock.js";

export interface WaitOptions {
  /** Give up after this long. Default 5 minutes. */
  readonly timeoutMs?: number;
  /** First pause between polls; grows ×1.5 up to maxIntervalMs. Default 1000 ms. */
  readonly initialIntervalMs?: number;
  readonly maxIntervalMs?: number;
}

export const WAIT_DEFAULTS = { timeoutMs: 5 * 60_000, initialIntervalMs: 1_000, maxIntervalMs: 10_000 } as const;

/** Polls `fetch` until `statusOf` is one of `wanted`. A not-found answer counts as "not yet"
 * (a resource can take a moment to become readable after its create returned). */
export async function waitForStatus<T>(
  clock: PausingClock,
  what: string,
  id: string,
  wanted: readonly string[],
  fetch: () => Promise<T>,
  statusOf: (item: T) => string,
  options: WaitOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? WAIT_DEFAULTS.timeoutMs;
  const maxInterval = options.maxIntervalMs ?? WAIT_DEFAULTS.maxIntervalMs;
  let interval = options.initialIntervalMs ?? WAIT_DEFAULTS.initialIntervalMs;
  const deadline = clock.now() + timeoutMs;
  let last: string | undefined;
  for (;;) {
    try {
      const item = await fetch();
      last = statusOf(item);
      if (wanted.includes(last)) return item;
    } catch (error) {
      if (!isNotFoundError(error)) throw error;
      last = "NOT_FOUND";
    }
    const remaining = deadline - clock.now();
    if (remaining <= 0) throw new CcmWaitTimeoutError(what, id, wanted, last, timeoutMs);
    await clock.sleep(Math.min(interval, remaining));
    interval = Math.min(maxInterval, Math.round(interval * 1.5));
  }
}
