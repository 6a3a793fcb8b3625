import type { Credentials } from "./auth.js";
import type { Clock } from "./clock.js";
import type { FaultInjector, FaultRule } from "./faults.js";
import type { Model } from "./model/index.js";
import type { SeedDocument } from "./model/seed.js";
import type { Router } from "./router.js";
import type { ConnectionCounter, RequestCounter } from "./stats.js";

/** Everything one running emulator shares between its API pipeline and its control plane. */
export interface Runtime {
  readonly model: Model;
  readonly clock: Clock;
  readonly faults: FaultInjector;
  readonly counter: RequestCounter;
  readonly connections: ConnectionCounter;
  readonly router: Router;
  /** null = authentication disabled (--no-auth). */
  readonly credentials: Credentials | null;
  readonly log: (line: string) => void;
  /** When set, every control-plane request must carry `Authorization: Bearer <token>`. */
  readonly controlToken: string | undefined;
  /** What the emulator started with, restored by POST /_emulator/reset. */
  readonly startup: { faults: FaultRule[]; seed: SeedDocument | undefined };
  readonly info: { storeKind: string; tls: boolean; logRequests: boolean };
}
