// The one clock type of the package: what reads the time (handlers through their context, the
// client's create and wait flows) reads it as epoch milliseconds from a Clock, so tests and the
// runtime's CCM_CLOCK_OFFSET_MS can move it. A flow that also pauses takes a PausingClock:
// Transport is one (its `now` and `sleep` options let tests run a create or a wait without real
// waiting).
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export interface PausingClock extends Clock {
  sleep(ms: number): Promise<void>;
}
