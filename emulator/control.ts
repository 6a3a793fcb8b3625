// The control plane under the reserved prefix /_emulator/ (never authenticated, never counted, never
// subject to faults). Documented in the README's "The emulator" section.

import type { IncomingMessage, ServerResponse } from "node:http";
import { FaultRuleError, parseFaultRule } from "./faults.js";
import { type Reply, readBody, send } from "./http.js";
import { isObject } from "./model/fields.js";
import { SeedInputError } from "./model/seed.js";
import type { Runtime } from "./runtime.js";

export const CONTROL_PREFIX = "/_emulator/";

class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "ControlError";
  }
}

function parseJson(body: Buffer): unknown {
  const text = body.toString("utf8");
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ControlError(400, "the request body is not valid JSON");
  }
}

function clockView(rt: Runtime) {
  return { now: rt.clock.now(), offset_ms: rt.clock.offsetMs };
}

/** Back to how the emulator started: no data but the startup seed, startup faults, real time, zero counts
 * (requests and connections). */
export async function resetRuntime(rt: Runtime): Promise<void> {
  await rt.model.reset();
  rt.counter.reset();
  rt.connections.reset();
  rt.faults.replace(rt.startup.faults);
  rt.clock.setOffset(0);
  if (rt.startup.seed) await rt.model.seed(rt.startup.seed);
}

function faultRules(body: unknown) {
  const list = Array.isArray(body) ? body : isObject(body) && Array.isArray(body.rules) ? body.rules : [body];
  return list.map(parseFaultRule);
}

function integer(body: unknown, field: string): number | undefined {
  if (!isObject(body)) return undefined;
  const value = body[field];
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isSafeInteger(value))
    throw new ControlError(400, `${field} must be an integer`);
  return value;
}

async function dispatch(rt: Runtime, method: string, name: string, body: unknown): Promise<Reply> {
  const route = `${method} ${name}`;
  switch (route) {
    case "GET health":
      return {
        status: 200,
        json: {
          status: "ok",
          service: "ccm-emulator",
          store: rt.info.storeKind,
          auth: rt.credentials !== null,
          tls: rt.info.tls,
        },
      };
    case "POST reset":
      await resetRuntime(rt);
      return { status: 204, empty: true };
    case "POST seed":
      return { status: 200, json: await rt.model.seed(body ?? {}) };
    case "GET inventory":
      return {
        status: 200,
        json: {
          ...rt.model.inventory(),
          requests: rt.counter.snapshot(),
          connections: rt.connections.snapshot(),
          clock: clockView(rt),
        },
      };
    case "GET faults":
      return { status: 200, json: { rules: rt.faults.list() } };
    case "PUT faults":
      rt.faults.replace(faultRules(body ?? []));
      return { status: 200, json: { rules: rt.faults.list() } };
    case "POST faults":
      for (const rule of faultRules(body)) rt.faults.add(rule);
      return { status: 200, json: { rules: rt.faults.list() } };
    case "DELETE faults":
      rt.faults.clear();
      return { status: 204, empty: true };
    case "GET clock":
      return { status: 200, json: clockView(rt) };
    case "POST clock": {
      const offset = integer(body, "offset_ms");
      const advance = integer(body, "advance_ms");
      if (offset === undefined && advance === undefined) throw new ControlError(400, "give offset_ms or advance_ms");
      if (offset !== undefined) rt.clock.setOffset(offset);
      if (advance !== undefined) rt.clock.advance(advance);
      return { status: 200, json: clockView(rt) };
    }
    default:
      throw new ControlError(404, `no control endpoint ${method} ${CONTROL_PREFIX}${name}`);
  }
}

export async function handleControlRequest(
  rt: Runtime,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const method = (request.method ?? "GET").toUpperCase();
  const path = (request.url ?? "/").split("?")[0] ?? "/";
  const name = path.slice(CONTROL_PREFIX.length).replace(/\/+$/, "");
  let reply: Reply;
  try {
    reply = await dispatch(rt, method, name, parseJson(await readBody(request)));
  } catch (error) {
    if (error instanceof ControlError) {
      reply = { status: error.status, json: { error_code: "EMULATOR.CONTROL", error_msg: error.message } };
    } else if (error instanceof FaultRuleError || error instanceof SeedInputError) {
      reply = { status: 400, json: { error_code: "EMULATOR.CONTROL", error_msg: error.message } };
    } else {
      rt.log(`ccm-emulator: control ${method} ${path} failed: ${error instanceof Error ? error.stack : String(error)}`);
      reply = { status: 500, json: { error_code: "EMULATOR.CONTROL", error_msg: "internal error" } };
    }
  }
  send(response, reply);
}
