// Types of interrupt.mjs for test/languages/interrupt.languages.test.ts.
import type { ChaosStack } from "./chaos.mjs";

export type InterruptTarget = "cli-sigint" | "plugin-sigterm" | "plugin-sigkill";

export interface InterruptedUp {
  /** The stack, left as the interrupted `up` left it; the caller disposes of it. */
  stack: ChaosStack;
  /** Certificate creates the emulator had received when the signal was sent. */
  createsAtSignal: number;
  cliExitCode: number | null;
  /** ms from the signal to the CLI's exit. */
  cliExitMs: number;
  /** ms from the signal until every plugin process had ended; undefined if one still ran. */
  pluginExitMs: number | undefined;
  pluginsStillRunning: number;
  /** The tail of the CLI's output. */
  output: string;
}

export declare function interruptedUp(options: {
  emulatorUrl: string;
  pairs: number;
  target: InterruptTarget;
  latencyMs?: number;
  inFlightAt?: number;
}): Promise<InterruptedUp>;
