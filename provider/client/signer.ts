// SDK-HMAC-SHA256 request signing, exactly as the API Request Signing Guide describes it
// (docs/api-facts.md §7): canonical request → string to sign → HMAC-SHA256 with the secret key, no key
// derivation. Pure functions with the clock passed in, so the official test vector (§7.2)
// pins the whole algorithm in a unit test.
import { createHash, createHmac } from "node:crypto";

export const SIGNING_ALGORITHM = "SDK-HMAC-SHA256";
export const EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** RFC 3986 percent-encoding: unreserved A–Z a–z 0–9 - _ . ~ kept, everything else %XY (upper
 * case), UTF-8 for non-ASCII. (encodeURIComponent leaves ! ' ( ) * alone, so it is not enough.) */
export function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // NO-OP: a stray "%" that is not an escape is literal text; encoding it again yields "%25".
    return segment;
  }
}

/** Canonical URI: each segment decoded then RFC 3986-encoded (so "%7e" and "~" sign alike), and
 * a trailing "/" added for signing although the request is sent without it. */
export function canonicalUri(path: string): string {
  const encoded = path
    .split("/")
    .map((segment) => encodeRfc3986(decodeSegment(segment)))
    .join("/");
  const withLeading = encoded.startsWith("/") ? encoded : `/${encoded}`;
  return withLeading.endsWith("/") ? withLeading : `${withLeading}/`;
}

export type QueryPairs = ReadonlyArray<readonly [string, string]>;

/** Canonical query: "name=value" pairs, both RFC 3986-encoded, sorted by encoded name and then,
 * for a repeated name, by encoded value (byte order); "&"-joined; "" without a query. */
export function canonicalQueryString(pairs: QueryPairs): string {
  return pairs
    .map(([name, value]) => [encodeRfc3986(name), encodeRfc3986(value)] as const)
    .sort(([an, av], [bn, bv]) => compareBytes(an, bn) || compareBytes(av, bv))
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
}

// Encoded strings are ASCII, so UTF-16 code-unit order is byte order.
function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The query string we send: the canonical form, so what is signed is what is sent. */
export function buildQuery(pairs: QueryPairs): string {
  const canonical = canonicalQueryString(pairs);
  return canonical === "" ? "" : `?${canonical}`;
}

/** X-Sdk-Date format: UTC YYYYMMDDTHHMMSSZ. */
export function formatSdkDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

export interface SignInput {
  readonly method: string;
  /** The path as sent (encoded), without the query. */
  readonly path: string;
  readonly query: QueryPairs;
  /** Headers to sign, by any case; must include X-Sdk-Date and Host. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Uint8Array | undefined;
}

export interface Signature {
  readonly canonicalRequest: string;
  readonly stringToSign: string;
  readonly signedHeaders: string;
  readonly signature: string;
  readonly authorization: string;
}

export function canonicalRequest(input: SignInput): { canonical: string; signedHeaders: string } {
  const headers = Object.entries(input.headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim()] as const)
    .sort(([a], [b]) => compareBytes(a, b));
  const signedHeaders = headers.map(([name]) => name).join(";");
  const canonicalHeaders = headers.map(([name, value]) => `${name}:${value}\n`).join("");
  const bodyHash = input.body === undefined || input.body.length === 0 ? EMPTY_BODY_SHA256 : sha256Hex(input.body);
  const canonical = [
    input.method.toUpperCase(),
    canonicalUri(input.path),
    canonicalQueryString(input.query),
    canonicalHeaders,
    signedHeaders,
    bodyHash,
  ].join("\n");
  return { canonical, signedHeaders };
}

/** Signs a request. `headers` must already carry X-Sdk-Date; its value is the signing time. */
export function sign(input: SignInput, accessKey: string, secretKey: string): Signature {
  const sdkDate = Object.entries(input.headers).find(([name]) => name.toLowerCase() === "x-sdk-date")?.[1];
  if (!sdkDate) throw new TypeError("X-Sdk-Date must be among the signed headers");
  const { canonical, signedHeaders } = canonicalRequest(input);
  const stringToSign = `${SIGNING_ALGORITHM}\n${sdkDate}\n${sha256Hex(canonical)}`;
  const signature = createHmac("sha256", secretKey).update(stringToSign).digest("hex");
  return {
    canonicalRequest: canonical,
    stringToSign,
    signedHeaders,
    signature,
    authorization: `${SIGNING_ALGORITHM} Access=${accessKey}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}
