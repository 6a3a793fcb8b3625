// A deliberately tiny, test-only SDK-HMAC-SHA256 signer written straight from the signing guide
// (docs/api-facts.md §7.1). It shares no code with emulator/signature.ts (the verifier under test) nor
// with the provider's client.

import { createHash, createHmac } from "node:crypto";

const encode = (text: string) =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export interface ToSign {
  method: string;
  /** Path as sent, e.g. "/v1/private-certificates" (no query). */
  path: string;
  query?: Record<string, string>;
  headers: Record<string, string>;
  body?: string;
  accessKey: string;
  secretKey: string;
  /** Defaults to now. */
  date?: Date;
  unsignedPayload?: boolean;
}

export function sdkDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
}

/** Returns the headers to send: the given ones plus X-Sdk-Date and Authorization. */
export function sign(request: ToSign): Record<string, string> {
  const headers: Record<string, string> = { ...request.headers, "X-Sdk-Date": sdkDate(request.date ?? new Date()) };
  if (request.unsignedPayload) headers["X-Sdk-Content-Sha256"] = "UNSIGNED-PAYLOAD";
  const names = Object.keys(headers)
    .map((name) => name.toLowerCase())
    .sort();
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const uri = `${request.path
    .split("/")
    .map((segment) => encode(decodeURIComponent(segment)))
    .join("/")}${request.path.endsWith("/") ? "" : "/"}`;
  const query = Object.entries(request.query ?? {})
    .map(([k, v]) => `${encode(k)}=${encode(v)}`)
    .sort()
    .join("&");
  const payload = request.unsignedPayload
    ? "UNSIGNED-PAYLOAD"
    : createHash("sha256")
        .update(request.body ?? "")
        .digest("hex");
  const canonical = [
    request.method,
    uri,
    query,
    names.map((name) => `${name}:${(lower[name] ?? "").trim()}\n`).join(""),
    names.join(";"),
    payload,
  ].join("\n");
  const toSign = `SDK-HMAC-SHA256\n${headers["X-Sdk-Date"]}\n${createHash("sha256").update(canonical).digest("hex")}`;
  const signature = createHmac("sha256", request.secretKey).update(toSign).digest("hex");
  headers.Authorization = `SDK-HMAC-SHA256 Access=${request.accessKey}, SignedHeaders=${names.join(";")}, Signature=${signature}`;
  return headers;
}
