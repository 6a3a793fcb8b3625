// One API request, in the order the real path takes it: gateway (route exists? faults, auth) →
// service (route handler → model) → answer. Control-plane paths never come here.

import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { authenticate } from "./auth.js";
import type { FaultRule } from "./faults.js";
import { errorReply, parseJsonBody, type Reply, readBody, send } from "./http.js";
import { ApiError, ERRORS } from "./model/errors.js";
import type { Runtime } from "./runtime.js";

/** A latency rule's wait: `ms`, or less when the rules are replaced or cleared meanwhile. */
async function holdFor(ms: number, release: AbortSignal): Promise<void> {
  try {
    await sleep(ms, undefined, { signal: release });
  } catch (error) {
    if (!release.aborted) throw error;
  }
}

/** Drops the connection with a TCP reset, as a crashed or cut-off server would. */
export function dropConnection(request: IncomingMessage): void {
  const socket = request.socket;
  if (typeof socket.resetAndDestroy === "function") socket.resetAndDestroy();
  else socket.destroy();
}

function faultReply(rule: FaultRule, requestId: string): Reply {
  if (rule.kind === "throttle") {
    return {
      status: 429,
      headers: { "Retry-After": String(rule.retry_after ?? 1) },
      json: {
        error_code: rule.error_code ?? ERRORS.gatewayThrottled.code,
        error_msg: rule.error_msg ?? `${ERRORS.gatewayThrottled.message}: policy user over ratelimit`,
        request_id: requestId,
      },
    };
  }
  return {
    status: rule.status ?? ERRORS.injectedFault.status,
    json: {
      error_code: rule.error_code ?? ERRORS.injectedFault.code,
      error_msg: rule.error_msg ?? ERRORS.injectedFault.message,
    },
  };
}

export async function handleApiRequest(
  rt: Runtime,
  request: IncomingMessage,
  response: ServerResponse,
  requestId: string,
): Promise<void> {
  const method = (request.method ?? "GET").toUpperCase();
  const rawUrl = request.url ?? "/";
  const at = rawUrl.indexOf("?");
  const rawPath = at < 0 ? rawUrl : rawUrl.slice(0, at);
  const rawQuery = at < 0 ? "" : rawUrl.slice(at + 1);
  const match = rt.router.match(method, rawPath);
  rt.counter.count(match ? `${method} ${match.route.template}` : `${method} (no such API)`);
  const decision = rt.faults.take(method, rawPath);
  const action = decision.action;
  let reply: Reply;
  try {
    const body = await readBody(request);
    if (decision.latencyMs > 0) await holdFor(decision.latencyMs, decision.release);
    if (action?.kind === "reset") {
      dropConnection(request);
      return;
    }
    if (action?.kind === "error" || action?.kind === "throttle") {
      send(response, faultReply(action, requestId));
      return;
    }
    if (!match) throw new ApiError("gatewayNoApi");
    if (rt.credentials) {
      authenticate({ method, rawPath, rawQuery, headers: request.headers, body }, rt.credentials, Date.now());
    }
    reply = await match.route.handler({
      model: rt.model,
      params: match.params,
      query: new URLSearchParams(rawQuery),
      body: parseJsonBody(body),
    });
  } catch (error) {
    reply = errorReply(error, requestId, rt.log);
  }
  if (action?.kind === "lost_response") {
    // The change (if any) is committed and durable; only the answer is lost.
    dropConnection(request);
    return;
  }
  send(response, reply);
}
