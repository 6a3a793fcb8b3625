// node:http plumbing shared by the API routes and the control plane: bodies in, JSON or bytes out,
// and the one function that turns any thrown error into an HTTP answer.

import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError } from "./model/errors.js";
import { PkiInputError } from "./pki/index.js";
import { StoreError } from "./store/index.js";

/** Bodies larger than this are refused (413) before they are read to the end. */
export const MAX_BODY_BYTES = 1024 * 1024;

export type Reply =
  | { status: number; json: unknown; headers?: Record<string, string> }
  | { status: number; empty: true }
  | { status: number; bytes: Uint8Array; contentType: string; fileName?: string };

/** Huawei request ids are 32 hex characters. */
export function newRequestId(): string {
  return randomBytes(16).toString("hex");
}

export class BodyTooLargeError extends Error {
  constructor() {
    super("request body too large");
    this.name = "BodyTooLargeError";
  }
}

export async function readBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > limit) throw new BodyTooLargeError();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** The body as JSON: undefined when empty, ApiError (PCA.00020001) when not JSON. */
export function parseJsonBody(body: Buffer): unknown {
  const text = body.toString("utf8");
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("incorrectParameter", "The request body is not valid JSON.");
  }
}

function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function send(response: ServerResponse, reply: Reply): void {
  if ("json" in reply) {
    const text = JSON.stringify(reply.json);
    response.writeHead(reply.status, {
      ...reply.headers,
      "Content-Type": "application/json;charset=UTF-8",
      "Content-Length": Buffer.byteLength(text),
    });
    response.end(text);
  } else if ("bytes" in reply) {
    const headers: Record<string, string | number> = {
      "Content-Type": reply.contentType,
      "Content-Length": reply.bytes.byteLength,
    };
    if (reply.fileName !== undefined) headers["Content-Disposition"] = contentDisposition(reply.fileName);
    response.writeHead(reply.status, headers);
    response.end(reply.bytes);
  } else {
    response.writeHead(reply.status);
    response.end();
  }
}

/**
 * The one error → HTTP mapping (fake-gcs-server's errToJsonResponse): API errors as the service
 * answers them; gateway errors also carry `request_id` in the body, as APIG does; anything
 * unexpected becomes a 500 with a generic body (and is reported through `log`).
 */
export function errorReply(error: unknown, requestId: string, log: (line: string) => void): Reply {
  if (error instanceof ApiError) {
    const body: Record<string, string> = { error_code: error.errorCode, error_msg: error.message };
    if (error.gateway) body.request_id = requestId;
    return { status: error.status, json: body };
  }
  if (error instanceof BodyTooLargeError) return errorReply(new ApiError("gatewayBodyTooLarge"), requestId, log);
  if (error instanceof PkiInputError) {
    return errorReply(new ApiError("incorrectParameter", error.message), requestId, log);
  }
  const what = error instanceof StoreError ? "store failure" : "internal error";
  log(
    `ccm-emulator: ${what} in request ${requestId}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  return { status: 500, json: { error_code: "PCA.00010001", error_msg: "Internal service error." } };
}
