// Types of chaos.mjs for the TypeScript tests that import it (test/chaos.e2e.test.ts,
// test/cli/orphans.e2e.test.ts, test/languages/chaos.languages.test.ts).
export type FrontEnd = "dynamic" | "plugin";
/** How the CLI's output says that a create's outcome is unknown. */
export declare const UNKNOWN_OUTCOME: RegExp;
/** Runs `op` until it succeeds, at most `max` times, recording each failure's summary; how many runs it took (max + 1 if none succeeded). */
export declare function untilItSucceeds(
  stack: { run(ops: string[]): Promise<unknown> },
  op: string,
  max: number,
  failures: string[],
  log: (line: string) => void,
): Promise<number>;
export interface Audit {
  resources: number;
  pendingOperations: number;
  liveCertificates: number;
  liveCas: number;
  orphans: string[];
  duplicates: number;
  dangling: string[];
}

export interface ChaosResult {
  pairs: number;
  ups: number;
  upMs: number;
  destroys: number;
  requests: number;
  faults: Record<string, number>;
  afterUp: Audit;
  afterDestroy: Audit;
  failures: string[];
}

export interface SigkillResult {
  pairs: number;
  killAt: number;
  certificatesAtKill: number;
  certificatesSettled: number;
  /** Provider processes (dynamic host or plugin) still running once the creates went quiet. */
  hostSurvived: number;
  /** When the provider processes ended by themselves, ms after the kill; undefined if they did not. */
  providerExitedMs: number | undefined;
  /** What made the checkpoint readable again when the kill cut a write short (see recovery.mjs). */
  checkpointRepair: string | undefined;
  left: Audit;
  afterClear: Audit;
  foundIds: string[];
  foundAll: boolean;
  foundOnlyThose: boolean;
  cleanFailures: number;
  afterClean: Audit;
  ups: number;
  afterUp: Audit;
  destroys: number;
  afterDestroy: Audit;
  failures: string[];
}

export declare const CHAOS_FAULTS: Record<string, unknown>[];
export declare function audit(inventory: unknown, exported: unknown): Audit;
export declare function runChaos(options: {
  emulatorUrl: string;
  pairs: number;
  maxRuns?: number;
  frontEnd?: FrontEnd;
  log?: (line: string) => void;
}): Promise<ChaosResult>;
export declare function runSigkill(options: {
  emulatorUrl: string;
  pairs: number;
  killAt: number;
  latencyMs?: number;
  maxRuns?: number;
  frontEnd?: FrontEnd;
  log?: (line: string) => void;
}): Promise<SigkillResult>;

/** A stack of the chaos workload (either front end), as the runs and tests drive it. */
export interface ChaosStack {
  readonly stackName: string;
  /** Runs runner operations (up, destroy, refresh, refresh-clear-pending-creates, cancel, export). */
  run(ops: string[]): Promise<{ export?: unknown }>;
  dispose(): void;
}

export interface OrphansReport {
  orphans: { id: string }[];
  actions: { error?: unknown }[];
}

export declare function stateAudit(emulatorUrl: string, stack: ChaosStack): Promise<Audit>;
export declare function orphansCommand(stack: ChaosStack, flags: string[]): Promise<OrphansReport>;
