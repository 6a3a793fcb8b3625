// The control plane under the reserved prefix /_emulator/ (never signed, never counted, never
// subject to faults). Documented in docs/emulator.md.
//
// It can wipe a data directory and replace keys, so it refuses what a web page could send: a web
// page may POST cross-site to 127.0.0.1 without any CORS preflight when the body is text/plain or
// a form, so bodies must be application/json (which a page cannot send cross-site without a
// preflight this server never grants), and any request carrying a browser's Origin header is
// refused outright (browsers add it to every cross-site and every non-GET request; command-line
// clients and Node's fetch do not). Without a control token, the request must be addressed to a
// loopback host name (DNS rebinding: a page whose own host name resolves to 127.0.0.1 makes
// same-origin GETs, which carry no Origin). With a control token, every request must carry it.

import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { ClockRangeError } from "./clock.js";
import { isLoopbackHost } from "./exposure.js";
import { FaultRuleError, parseFaultRule } from "./faults.js";
import { BodyTooLargeError, type Reply, readBody, send } from "./http.js";
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

/** The media type of a Content-Type header, lower case, without parameters. */
function mediaType(header: string | undefined): string | undefined {
  return header?.split(";")[0]?.trim().toLowerCase();
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}

/** Compares hashes, so neither the token's length nor its prefix leaks through timing. */
function carriesToken(request: IncomingMessage, token: string): boolean {
  const header = request.headers.authorization ?? "";
  const match = /^Bearer +(\S+) *$/i.exec(header);
  return match !== null && timingSafeEqual(digest(match[1]!), digest(token));
}

/** Refuses what a browser, or a caller without the token, sends (before the body is read). */
function checkCaller(request: IncomingMessage, controlToken: string | undefined): void {
  if (request.headers.origin !== undefined) {
    throw new ControlError(403, "the control plane refuses requests from web pages (an Origin header was sent)");
  }
  if (controlToken !== undefined && !carriesToken(request, controlToken)) {
    throw new ControlError(401, "the control plane needs Authorization: Bearer <control token>");
  }
  if (controlToken === undefined && !addressedToLoopback(request.headers.host)) {
    throw new ControlError(
      403,
      "without a control token, the control plane answers only requests addressed to localhost or a loopback address",
    );
  }
}

/** The Host header's name (without the port) is loopback; HTTP/1.0 clients may send none. */
function addressedToLoopback(host: string | undefined): boolean {
  if (host === undefined) return true;
  const name = /^(\[[^\]]*\]|[^:]*)(?::\d*)?$/.exec(host.trim())?.[1];
  return name !== undefined && isLoopbackHost(name);
}

function parseJson(request: IncomingMessage, body: Buffer): unknown {
  const text = body.toString("utf8");
  if (text.trim() === "") return undefined;
  if (mediaType(request.headers["content-type"]) !== "application/json") {
    throw new ControlError(415, "a control-plane body must be sent as Content-Type: application/json");
  }
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
      rt.faults.add(...faultRules(body));
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
      // One setOffset, so a refused value changes nothing.
      rt.clock.setOffset((offset ?? rt.clock.offsetMs) + (advance ?? 0));
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
    checkCaller(request, rt.controlToken);
    reply = await dispatch(rt, method, name, parseJson(request, await readBody(request)));
  } catch (error) {
    if (error instanceof ControlError) {
      reply = { status: error.status, json: { error_code: "EMULATOR.CONTROL", error_msg: error.message } };
    } else if (
      error instanceof FaultRuleError ||
      error instanceof SeedInputError ||
      error instanceof ClockRangeError ||
      error instanceof BodyTooLargeError
    ) {
      reply = { status: 400, json: { error_code: "EMULATOR.CONTROL", error_msg: error.message } };
    } else {
      rt.log(`ccm-emulator: control ${method} ${path} failed: ${error instanceof Error ? error.stack : String(error)}`);
      reply = { status: 500, json: { error_code: "EMULATOR.CONTROL", error_msg: "internal error" } };
    }
  }
  send(response, reply);
}
