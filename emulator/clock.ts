/**
 * The emulator's clock: real time plus an offset that tests move with `POST /_emulator/clock`, so a
 * certificate can be made to expire without waiting. Only the model reads it; request signing is
 * checked against real time, because clients sign with theirs.
 */
/**
 * How far the clock may be moved either way: 100 years. Well inside JavaScript's date range
 * (±8.64e15 ms) and X.509's (years 1950–9999) even with a 30-year validity on top, so every
 * time the model computes stays a valid date.
 */
export const MAX_CLOCK_OFFSET_MS = 100 * 366 * 86_400_000;

export class ClockRangeError extends RangeError {
  constructor(offsetMs: number) {
    super(`the clock offset must stay within ±${MAX_CLOCK_OFFSET_MS} ms (100 years); ${offsetMs} asked`);
    this.name = "ClockRangeError";
  }
}

export class Clock {
  #offsetMs = 0;

  now(): number {
    return Date.now() + this.#offsetMs;
  }

  get offsetMs(): number {
    return this.#offsetMs;
  }

  /** ClockRangeError (and no change) past ±MAX_CLOCK_OFFSET_MS. */
  setOffset(offsetMs: number): void {
    if (!Number.isSafeInteger(offsetMs) || Math.abs(offsetMs) > MAX_CLOCK_OFFSET_MS) {
      throw new ClockRangeError(offsetMs);
    }
    this.#offsetMs = offsetMs;
  }

  advance(ms: number): void {
    this.setOffset(this.#offsetMs + ms);
  }
}
