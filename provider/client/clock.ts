// The time a flow reads and the pauses it takes. Transport is one (its `now` and `sleep` options
// let tests run a create or a wait without real waiting); create.ts and wait.ts need nothing more.
export interface Clock {
  now(): Date;
  sleep(ms: number): Promise<void>;
}
