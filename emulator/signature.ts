// SDK-HMAC-SHA256, the API gateway's AK/SK request signature (docs/api-facts.md §7.1), written from the
// signing guide for the verifying side. It shares nothing with the client's signer on purpose: a
// mistake there must show up here as APIG.0301.

import { createHash, createHmac } from "node:crypto";

export const ALGORITHM = "SDK-HMAC-SHA256";
export const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

/** RFC 3986: keep A-Z a-z 0-9 - _ . ~, percent-encode every other UTF-8 byte with upper-case hex. */
export function uriEncode(text: string): string {
  let out = "";
  for (const byte of Buffer.from(text, "utf8")) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // NO-OP: a malformed escape is signed as it stands; the signature then simply will not match.
    return text;
  }
}

/** Each segment decoded then re-encoded, and always ending with "/" (the guide's rule). */
export function canonicalUri(rawPath: string): string {
  const encoded = rawPath
    .split("/")
    .map((segment) => uriEncode(safeDecode(segment)))
    .join("/");
  return encoded.endsWith("/") ? encoded : `${encoded}/`;
}

/** Parameters sorted by name, then value; `name=value` pairs joined with "&"; "+" in a query is a space. */
export function canonicalQuery(rawQuery: string): string {
  if (rawQuery === "") return "";
  const pairs = rawQuery
    .split("&")
    .filter((part) => part.length > 0)
    .map((part) => {
      const at = part.indexOf("=");
      const name = at < 0 ? part : part.slice(0, at);
      const value = at < 0 ? "" : part.slice(at + 1);
      return [
        uriEncode(safeDecode(name.replace(/\+/g, " "))),
        uriEncode(safeDecode(value.replace(/\+/g, " "))),
      ] as const;
    });
  pairs.sort(([nameA, valueA], [nameB, valueB]) =>
    nameA < nameB ? -1 : nameA > nameB ? 1 : valueA < valueB ? -1 : valueA > valueB ? 1 : 0,
  );
  return pairs.map(([name, value]) => `${name}=${value}`).join("&");
}

export interface CanonicalInput {
  method: string;
  rawPath: string;
  rawQuery: string;
  /** Lower-case header name → value, for every signed header. */
  headers: Record<string, string>;
  signedHeaders: string[];
  payloadHash: string;
}

export function canonicalRequest(input: CanonicalInput): string {
  const signed = [...input.signedHeaders].map((name) => name.toLowerCase()).sort();
  const headerBlock = signed.map((name) => `${name}:${(input.headers[name] ?? "").trim()}\n`).join("");
  return [
    input.method.toUpperCase(),
    canonicalUri(input.rawPath),
    canonicalQuery(input.rawQuery),
    headerBlock,
    signed.join(";"),
    input.payloadHash,
  ].join("\n");
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

export function stringToSign(sdkDate: string, canonical: string): string {
  return `${ALGORITHM}\n${sdkDate}\n${sha256Hex(canonical)}`;
}

export function signature(secretKey: string, toSign: string): string {
  return createHmac("sha256", secretKey).update(toSign).digest("hex");
}

export interface AuthorizationHeader {
  accessKey: string;
  signedHeaders: string[];
  signature: string;
}

/** `SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<a;b>, Signature=<hex>`; undefined when malformed. */
export function parseAuthorization(value: string): AuthorizationHeader | undefined {
  const match = /^SDK-HMAC-SHA256\s+(.*)$/.exec(value.trim());
  if (!match) return undefined;
  const fields = new Map<string, string>();
  for (const part of match[1]!.split(",")) {
    const at = part.indexOf("=");
    if (at > 0) fields.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  const accessKey = fields.get("Access");
  const signedHeaders = fields.get("SignedHeaders");
  const sig = fields.get("Signature");
  if (!accessKey || !signedHeaders || !sig) return undefined;
  return { accessKey, signedHeaders: signedHeaders.split(";").filter((name) => name.length > 0), signature: sig };
}

/** X-Sdk-Date `YYYYMMDDTHHMMSSZ` (UTC) → epoch ms; undefined when malformed. */
export function parseSdkDate(value: string): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number);
  const ms = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  return Number.isNaN(ms) ? undefined : ms;
}

export function formatSdkDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}Z$/, "Z");
}
