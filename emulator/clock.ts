/**
 * The emulator's clock: real time plus an offset that tests move with `POST /_emulator/clock`, so a
 * certificate can be made to expire without waiting. Only the model reads it; request signing is
 * checked against real time, because clients sign with theirs.
 */
export class Clock {
  #offsetMs = 0;

  now(): number {
    return Date.now() + this.#offsetMs;
  }

  get offsetMs(): number {
    return this.#offsetMs;
  }

  setOffset(offsetMs: number): void {
    this.#offsetMs = offsetMs;
  }

  advance(ms: number): void {
    this.#offsetMs += ms;
  }
}
