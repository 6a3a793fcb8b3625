// Fault injection for API requests (never for the control plane): rules matched on method and a
// path pattern (emulator/path-pattern.ts: a regex subset that cannot backtrack), each applied to
// the next `count` matches and/or with a `probability`. Rules are bounded (how many, how slow), so
// whoever can reach the control plane cannot make every request hang or burn CPU.
//
//   latency        wait latency_ms, then carry on (latency rules add up); replacing or clearing
//                  the rules ends the wait of every request still held, so a test can hold a
//                  request exactly as long as it needs to instead of guessing a duration
//   error          answer `status` (default 500) with a PCA-style body, without running the request
//   throttle       answer 429 APIG.0308 with Retry-After: retry_after (seconds, default 1)
//   reset          destroy the connection before answering, without running the request
//   lost_response  run the request (the change is committed), then destroy the connection unanswered

import { randomUUID } from "node:crypto";
import { isObject } from "./model/fields.js";
import { compilePathPattern, type PathPattern, PathPatternError } from "./path-pattern.js";

/** At most this many rules are armed at once (PUT, POST and startup rules alike). */
export const MAX_FAULT_RULES = 100;
/** One latency rule waits at most this long, and all the latency rules of one request together too. */
export const MAX_FAULT_LATENCY_MS = 60_000;

export const FAULT_KINDS = ["latency", "error", "throttle", "reset", "lost_response"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRule {
  id: string;
  kind: FaultKind;
  /** Upper-case HTTP method; undefined matches any. */
  method?: string;
  /** Pattern (path-pattern.ts) tested against the path (without the query); undefined matches any. */
  path?: string;
  latency_ms?: number;
  status?: number;
  error_code?: string;
  error_msg?: string;
  retry_after?: number;
  /** How many more matching requests the rule applies to; undefined = unlimited. */
  count?: number;
  /** Chance (0–1) that a matching request is affected; undefined = always. */
  probability?: number;
}

export class FaultRuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FaultRuleError";
  }
}

function numberField(obj: Record<string, unknown>, field: string, min: number, max: number): number | undefined {
  const value = obj[field];
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) {
    throw new FaultRuleError(`${field} must be a number ${min}–${max}`);
  }
  return value;
}

function stringField(obj: Record<string, unknown>, field: string): string | undefined {
  const value = obj[field];
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value.length === 0) throw new FaultRuleError(`${field} must be a non-empty string`);
  return value;
}

const RULE_FIELDS = new Set([
  "id",
  "kind",
  "method",
  "path",
  "latency_ms",
  "status",
  "error_code",
  "error_msg",
  "retry_after",
  "count",
  "probability",
]);

/** Validates one rule from JSON (control plane body or --fault flag). */
export function parseFaultRule(value: unknown): FaultRule {
  if (!isObject(value)) throw new FaultRuleError("a fault rule must be a JSON object");
  for (const key of Object.keys(value)) if (!RULE_FIELDS.has(key)) throw new FaultRuleError(`unknown field ${key}`);
  const kind = FAULT_KINDS.find((candidate) => candidate === value.kind);
  if (kind === undefined) throw new FaultRuleError(`kind must be one of ${FAULT_KINDS.join(", ")}`);
  const rule: FaultRule = { id: stringField(value, "id") ?? randomUUID(), kind };
  const method = stringField(value, "method");
  if (method !== undefined) rule.method = method.toUpperCase();
  const path = stringField(value, "path");
  if (path !== undefined) {
    try {
      compilePathPattern(path);
    } catch (error) {
      throw new FaultRuleError(error instanceof PathPatternError ? error.message : "path is not a valid pattern");
    }
    rule.path = path;
  }
  const optional = {
    latency_ms: numberField(value, "latency_ms", 0, MAX_FAULT_LATENCY_MS),
    status: numberField(value, "status", 400, 599),
    retry_after: numberField(value, "retry_after", 0, 86_400),
    count: numberField(value, "count", 1, Number.MAX_SAFE_INTEGER),
    probability: numberField(value, "probability", 0, 1),
    error_code: stringField(value, "error_code"),
    error_msg: stringField(value, "error_msg"),
  };
  for (const [field, fieldValue] of Object.entries(optional)) {
    if (fieldValue !== undefined) Reflect.set(rule, field, fieldValue);
  }
  if (kind === "latency" && rule.latency_ms === undefined) throw new FaultRuleError("a latency rule needs latency_ms");
  if (rule.count !== undefined && !Number.isInteger(rule.count)) throw new FaultRuleError("count must be an integer");
  return rule;
}

/**
 * The `--fault` flag: either a JSON rule, or `key=value` pairs separated by ";" (so a path regex
 * may contain ","), e.g. `kind=error;status=503;method=POST;path=^/v1/private-certificates$;count=2`.
 */
export function parseFaultFlag(text: string): FaultRule {
  if (text.trim().startsWith("{")) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new FaultRuleError("--fault JSON does not parse");
    }
    return parseFaultRule(json);
  }
  const obj: Record<string, unknown> = {};
  for (const part of text.split(";")) {
    if (part.trim() === "") continue;
    const at = part.indexOf("=");
    if (at <= 0) throw new FaultRuleError(`--fault part "${part}" is not key=value`);
    const key = part.slice(0, at).trim();
    const raw = part.slice(at + 1);
    obj[key] = /^(latency_ms|status|retry_after|count|probability)$/.test(key) && raw.trim() !== "" ? Number(raw) : raw;
  }
  return parseFaultRule(obj);
}

export interface FaultDecision {
  latencyMs: number;
  /** Ends the latency wait early: aborted when the rules are replaced or cleared. */
  release: AbortSignal;
  /** The terminal fault to apply, if any (error, throttle, reset or lost_response). */
  action: FaultRule | undefined;
}

interface ArmedRule {
  rule: FaultRule;
  pattern: PathPattern | undefined;
}

function arm(rule: FaultRule): ArmedRule {
  return { rule: { ...rule }, pattern: rule.path === undefined ? undefined : compilePathPattern(rule.path) };
}

function tooMany(count: number): FaultRuleError {
  return new FaultRuleError(`at most ${MAX_FAULT_RULES} fault rules can be armed (${count} asked)`);
}

export class FaultInjector {
  #rules: ArmedRule[] = [];
  /** Aborted when the rules are replaced or cleared: the latency waits still running end. */
  #release = new AbortController();
  readonly #random: () => number;

  constructor(random: () => number = Math.random) {
    this.#random = random;
  }

  list(): FaultRule[] {
    return this.#rules.map(({ rule }) => ({ ...rule }));
  }

  /** Replaces every rule; FaultRuleError (and no change) when there would be too many. */
  replace(rules: FaultRule[]): void {
    if (rules.length > MAX_FAULT_RULES) throw tooMany(rules.length);
    this.#rules = rules.map(arm);
    this.#releaseHeld();
  }

  /** Appends rules, all or none; FaultRuleError (and no change) when there would be too many. */
  add(...rules: FaultRule[]): void {
    const total = this.#rules.length + rules.length;
    if (total > MAX_FAULT_RULES) throw tooMany(total);
    this.#rules.push(...rules.map(arm));
  }

  clear(): void {
    this.#rules = [];
    this.#releaseHeld();
  }

  #releaseHeld(): void {
    this.#release.abort();
    this.#release = new AbortController();
  }

  /** Decides what happens to one API request, consuming counts of the rules that apply. */
  take(method: string, path: string): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0, action: undefined, release: this.#release.signal };
    for (const { rule, pattern } of this.#rules) {
      if (rule.method !== undefined && rule.method !== method.toUpperCase()) continue;
      if (pattern !== undefined && !pattern.test(path)) continue;
      if (rule.kind !== "latency" && decision.action !== undefined) continue;
      if (rule.probability !== undefined && this.#random() >= rule.probability) continue;
      if (rule.count !== undefined) rule.count -= 1;
      if (rule.kind === "latency") decision.latencyMs += rule.latency_ms ?? 0;
      else decision.action = { ...rule };
    }
    this.#rules = this.#rules.filter(({ rule }) => rule.count === undefined || rule.count > 0);
    decision.latencyMs = Math.min(decision.latencyMs, MAX_FAULT_LATENCY_MS);
    return decision;
  }
}
