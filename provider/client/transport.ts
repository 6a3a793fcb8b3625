// One API call: build the request from the operation table and authenticate it (request.ts), send
// it through the pooled HTTP layer, and apply the retry policy to each attempt; what an attempt's
// outcome becomes (a response, a typed error, a debug line) is attempt-result.ts's. The
// credentials are read from the resolved config at call time and never stored anywhere else.
import type { z } from "zod";
import type { ResolvedConfig } from "../config.js";
import { type CcmError, CcmResponseSchemaError, type RequestRef } from "../errors.js";

import type { Redactor } from "../redact.js";
import { issuesOf } from "../schemas/common.js";
import { attemptError, attemptLogLine, type ExecuteResult, type RawResponse, toRawResponse } from "./attempt-result.js";
import type { CreateContext, CreateFlow, CreateLimits } from "./create.js";
import { endpointFor } from "./endpoints.js";
import { type AttemptOutcome, sendAttempt } from "./http.js";
import { OPERATIONS, type OperationName } from "./operations.js";
import { credentialRedactor, fillPath, requestHeaders, toPairs } from "./request.js";
import { DEFAULT_RETRY_POLICY, decideRetry, type RetryDecision, type RetryPolicy } from "./retry.js";
import { buildQuery, type QueryPairs } from "./signer.js";

export type { RawResponse } from "./attempt-result.js";
export { fillPath, USER_AGENT } from "./request.js";

export interface TransportOptions {
  /** The clock: X-Sdk-Date, Retry-After dates, create-time windows. */
  readonly now?: () => Date;
  readonly sleep?: (ms: number) => Promise<void>;
  /** [0, 1) source for backoff jitter. */
  readonly random?: () => number;
  /** Overrides of the retry policy; maxRetries defaults to the resolved config's. */
  readonly retryPolicy?: Partial<RetryPolicy>;
  /** Debug sink; defaults to stderr when CCM_DEBUG=1 in `env`. Lines are redacted before. */
  readonly debug?: ((line: string) => void) | undefined;
  readonly env?: NodeJS.ProcessEnv;
}

export interface CallSpec {
  readonly op: OperationName;
  /** Path placeholder values (raw; encoded here). */
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** JSON body (serialised here), or undefined for none. */
  readonly body?: unknown;
  /** Extra values never to print (e.g. an export password). */
  readonly secrets?: readonly (string | undefined)[];
}

interface PreparedCall {
  readonly spec: (typeof OPERATIONS)[OperationName];
  readonly endpoint: URL;
  /** The path without the query (what is signed as the canonical URI). */
  readonly path: string;
  readonly query: QueryPairs;
  /** The path and query as sent. */
  readonly ref: RequestRef;
  readonly body: string | undefined;
  readonly redact: Redactor;
}

const sleepReal = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class Transport implements CreateContext {
  /** How far a create re-sends after lookups proved nothing was made (create.ts). */
  readonly createLimits: CreateLimits;
  readonly #config: ResolvedConfig;
  readonly #now: () => Date;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #random: () => number;
  readonly #policy: RetryPolicy;
  readonly #debug: ((line: string) => void) | undefined;

  constructor(config: ResolvedConfig, options: TransportOptions = {}) {
    this.#config = config;
    this.#now = options.now ?? (() => new Date());
    this.#sleep = options.sleep ?? sleepReal;
    this.#random = options.random ?? Math.random;
    this.#policy = { ...DEFAULT_RETRY_POLICY, maxRetries: config.maxRetries, ...options.retryPolicy };
    this.createLimits = {
      maxAttempts: config.createAttempts,
      timeBudgetMs: config.createTimeBudgetMs,
      settleMs: config.createSettleMs,
    };
    const env = options.env ?? process.env;
    this.#debug =
      options.debug ??
      (env.CCM_DEBUG === "1" || env.CCM_DEBUG === "true" ? (line) => process.stderr.write(`${line}\n`) : undefined);
  }

  now(): number {
    return this.#now().getTime();
  }

  sleep(ms: number): Promise<void> {
    return this.#sleep(ms);
  }

  /** Sends an idempotent call (retrying as the policy allows) and returns a 2xx response. */
  async send(call: CallSpec): Promise<RawResponse> {
    const result = await this.execute(call);
    if (result.kind === "ambiguous") throw result.error;
    return result.response;
  }

  /** Like send, but a create whose outcome is unknown comes back as "ambiguous" instead of
   * being re-sent or thrown, so the caller can find out what happened (create.ts). */
  async execute(call: CallSpec): Promise<ExecuteResult> {
    const request = this.#prepare(call);
    for (let attempts = 1; ; attempts++) {
      const { outcome, decision } = await this.#attempt(request, attempts);
      switch (decision.action) {
        case "done":
          if (outcome.kind !== "response") throw new TypeError("a done decision needs a response");
          return { kind: "ok", response: toRawResponse(outcome, attempts, this.#now().getTime()) };
        case "retry":
          if (decision.delayMs > 0) await this.#sleep(decision.delayMs);
          continue;
        case "reconcile":
          return { kind: "ambiguous", error: this.#toError(request, outcome, attempts), reason: decision.reason };
        case "fail":
          throw this.#toError(request, outcome, attempts);
      }
    }
  }

  /** Everything about a call that stays the same from one attempt to the next. */
  #prepare(call: CallSpec): PreparedCall {
    const spec = OPERATIONS[call.op];
    const endpoint = new URL(endpointFor(this.#config, spec.service));
    const path = `${endpoint.pathname.replace(/\/$/, "")}${fillPath(spec.path, call.params ?? {})}`;
    const query = toPairs(call.query ?? {});
    const pathAndQuery = `${path}${buildQuery(query)}`;
    return {
      spec,
      endpoint,
      path,
      query,
      ref: { service: spec.service, method: spec.method, path: pathAndQuery },
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      redact: credentialRedactor(this.#config, call.secrets),
    };
  }

  /** One attempt, freshly signed, with the retry policy's decision about its outcome. */
  async #attempt(
    request: PreparedCall,
    attempts: number,
  ): Promise<{ outcome: AttemptOutcome; decision: RetryDecision }> {
    const { spec, endpoint, ref } = request;
    const started = Date.now();
    const outcome = await sendAttempt({
      origin: endpoint.origin,
      caBundle: this.#config.caBundle,
      maxConnections: this.#config.maxConnections,
      method: spec.method,
      path: ref.path,
      headers: requestHeaders(this.#config, this.#now, {
        method: spec.method,
        host: endpoint.host,
        path: request.path,
        query: request.query,
        body: request.body,
      }),
      body: request.body,
      timeoutMs: this.#config.requestTimeoutMs,
    });
    const decision = decideRetry({
      outcome,
      idempotency: spec.idempotency,
      attempts,
      policy: this.#policy,
      now: this.#now().getTime(),
      random: this.#random(),
    });
    const note = decision.action === "done" ? "" : `${decision.action}: ${decision.reason}`;
    this.#log(request.redact, ref, attempts, Date.now() - started, outcome, note);
    return { outcome, decision };
  }

  /** A create's send and its new id, for a CreateFlow (create.ts): `call` executed as one
   * create, the id read from its 2xx answer with `idWire` and `idOf`. */
  createSend<S extends z.ZodType>(
    call: CallSpec,
    idWire: S,
    idOf: (wire: z.output<S>) => string,
  ): Pick<CreateFlow, "execute" | "idFrom"> {
    return {
      execute: () => this.execute(call),
      idFrom: (response) => idOf(this.parseJson(call, response, idWire)),
    };
  }

  /** Parses a 2xx JSON body with `schema`; a mismatch is a CcmResponseSchemaError. */
  parseJson<S extends z.ZodType>(call: CallSpec, response: RawResponse, schema: S): z.output<S> {
    const spec = OPERATIONS[call.op];
    const ref: RequestRef = {
      service: spec.service,
      method: spec.method,
      path: fillPath(spec.path, call.params ?? {}),
    };
    let data: unknown;
    try {
      data = JSON.parse(Buffer.from(response.body).toString("utf8"));
    } catch {
      throw new CcmResponseSchemaError(ref, [`body is not JSON (${response.body.length} bytes)`], response.requestId);
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) throw new CcmResponseSchemaError(ref, issuesOf(parsed.error), response.requestId);
    return parsed.data;
  }

  #toError({ ref, spec, redact }: PreparedCall, outcome: AttemptOutcome, attempts: number): CcmError {
    const credentialSources = this.#config.credentials.sources;
    return attemptError({ ref, iam: spec.iam, redact, credentialSources }, outcome, attempts);
  }

  #log(redact: Redactor, ref: RequestRef, attempts: number, ms: number, outcome: AttemptOutcome, note: string): void {
    if (!this.#debug) return;
    this.#debug(redact(attemptLogLine(ref, attempts, ms, outcome, note)));
  }
}
