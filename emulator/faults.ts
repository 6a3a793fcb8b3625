// Fault injection for API requests (never for the control plane): rules matched on method and a
// path regex, each applied to the next `count` matches and/or with a `probability`.
//
//   latency        wait latency_ms, then carry on (latency rules add up)
//   error          answer `status` (default 500) with a PCA-style body, without running the request
//   throttle       answer 429 APIG.0308 with Retry-After: retry_after (seconds, default 1)
//   reset          destroy the connection before answering, without running the request
//   lost_response  run the request (the change is committed), then destroy the connection unanswered

import { randomUUID } from "node:crypto";
import { isObject } from "./model/fields.js";

export const FAULT_KINDS = ["latency", "error", "throttle", "reset", "lost_response"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRule {
  id: string;
  kind: FaultKind;
  /** Upper-case HTTP method; undefined matches any. */
  method?: string;
  /** Regular expression tested against the path (without the query); undefined matches any. */
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
      new RegExp(path);
    } catch {
      throw new FaultRuleError("path must be a valid regular expression");
    }
    rule.path = path;
  }
  const optional = {
    latency_ms: numberField(value, "latency_ms", 0, 600_000),
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
  /** The terminal fault to apply, if any (error, throttle, reset or lost_response). */
  action: FaultRule | undefined;
}

export class FaultInjector {
  #rules: FaultRule[] = [];
  readonly #random: () => number;

  constructor(random: () => number = Math.random) {
    this.#random = random;
  }

  list(): FaultRule[] {
    return this.#rules.map((rule) => ({ ...rule }));
  }

  replace(rules: FaultRule[]): void {
    this.#rules = rules.map((rule) => ({ ...rule }));
  }

  add(rule: FaultRule): void {
    this.#rules.push({ ...rule });
  }

  clear(): void {
    this.#rules = [];
  }

  /** Decides what happens to one API request, consuming counts of the rules that apply. */
  take(method: string, path: string): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0, action: undefined };
    for (const rule of this.#rules) {
      if (rule.method !== undefined && rule.method !== method.toUpperCase()) continue;
      if (rule.path !== undefined && !new RegExp(rule.path).test(path)) continue;
      if (rule.kind !== "latency" && decision.action !== undefined) continue;
      if (rule.probability !== undefined && this.#random() >= rule.probability) continue;
      if (rule.count !== undefined) rule.count -= 1;
      if (rule.kind === "latency") decision.latencyMs += rule.latency_ms ?? 0;
      else decision.action = rule;
    }
    this.#rules = this.#rules.filter((rule) => rule.count === undefined || rule.count > 0);
    return decision;
  }
}
