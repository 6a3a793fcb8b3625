// Types of chaos.mjs for the TypeScript tests that import it (test/chaos.e2e.test.ts,
// test/cli/orphans.e2e.test.ts).
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
  hostSurvived: number;
  /** The backup the truncated checkpoint was restored from, when the kill truncated it. */
  checkpointRestoredFrom: string | undefined;
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
  log?: (line: string) => void;
}): Promise<ChaosResult>;
export declare function runSigkill(options: {
  emulatorUrl: string;
  pairs: number;
  killAt: number;
  latencyMs?: number;
  maxRuns?: number;
  log?: (line: string) => void;
}): Promise<SigkillResult>;
