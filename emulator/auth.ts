// Authentication as the API gateway does it, before a request reaches the service: AK/SK
// (SDK-HMAC-SHA256, with X-Security-Token for a temporary AK) or an IAM token in X-Auth-Token.
// Failures are HTTP 401 APIG.0301 with the gateway's documented messages (apig-faq-0003,
// ocr_01_0063). The consecutive-failure lockout of the real gateway is not emulated.

import { timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { authError } from "./model/errors.js";
import {
  canonicalRequest,
  formatSdkDate,
  parseAuthorization,
  parseSdkDate,
  sha256Hex,
  signature,
  stringToSign,
  UNSIGNED_PAYLOAD,
} from "./signature.js";

export interface Credentials {
  accessKey: string;
  secretKey: string;
  tempAccessKey: string;
  tempSecretKey: string;
  securityToken: string;
  authToken: string;
}

/** The demo credentials of CONTRIBUTING.md, accepted unless flags or env say otherwise. */
export const DEMO_CREDENTIALS: Readonly<Credentials> = Object.freeze({
  accessKey: "EMULATORACCESSKEY000",
  secretKey: "emulatorSecretKey0000000000000000000000",
  tempAccessKey: "EMULATORTEMPKEY00000",
  tempSecretKey: "emulatorTempSecretKey00000000000000000",
  securityToken: "emulator-security-token",
  authToken: "emulator-auth-token",
});

/** "X-Sdk-Date must be within 15 minutes of the server time" (docs/api-facts.md §7.1). */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

export interface SignedRequest {
  method: string;
  rawPath: string;
  rawQuery: string;
  headers: IncomingHttpHeaders;
  body: Uint8Array;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(",") : value;
}

function equalSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Throws ApiError (401 APIG.0301) unless the request carries valid credentials. */
export function authenticate(request: SignedRequest, credentials: Credentials, nowMs: number): void {
  const authorization = header(request.headers, "authorization");
  if (authorization !== undefined) {
    verifySignature(request, authorization, credentials, nowMs);
    return;
  }
  const token = header(request.headers, "x-auth-token");
  if (token === undefined) throw authError("x-auth-token not found");
  // Real tokens are long and expire after 24 h; the emulator's token is a fixed string.
  if (!equalSecret(token, credentials.authToken)) throw authError("decrypt token fail");
}

function verifySignature(request: SignedRequest, authorization: string, credentials: Credentials, nowMs: number): void {
  const parsed = parseAuthorization(authorization);
  if (!parsed) throw authError("verify aksk signature fail");
  let secretKey: string;
  if (parsed.accessKey === credentials.accessKey) {
    secretKey = credentials.secretKey;
  } else if (parsed.accessKey === credentials.tempAccessKey) {
    // A temporary AK is only valid together with its security token (devg-apisign securetoken).
    const token = header(request.headers, "x-security-token");
    if (token === undefined || !equalSecret(token, credentials.securityToken)) {
      throw authError("verify aksk signature fail");
    }
    secretKey = credentials.tempSecretKey;
  } else {
    throw authError("Get secretKey failed,ak:******,err:ak not exist");
  }
  const sdkDate = header(request.headers, "x-sdk-date");
  const signedAt = sdkDate === undefined ? undefined : parseSdkDate(sdkDate);
  if (sdkDate === undefined || signedAt === undefined || !parsed.signedHeaders.includes("x-sdk-date")) {
    throw authError("verify aksk signature fail");
  }
  if (Math.abs(nowMs - signedAt) > MAX_CLOCK_SKEW_MS) {
    throw authError(`signature expired, signature time:${sdkDate},server time:${formatSdkDate(nowMs)}`);
  }
  const headers: Record<string, string> = {};
  for (const name of parsed.signedHeaders) {
    const value = header(request.headers, name);
    if (value === undefined) throw authError("verify aksk signature fail");
    headers[name.toLowerCase()] = value;
  }
  const payloadHash =
    header(request.headers, "x-sdk-content-sha256") === UNSIGNED_PAYLOAD ? UNSIGNED_PAYLOAD : sha256Hex(request.body);
  const canonical = canonicalRequest({
    method: request.method,
    rawPath: request.rawPath,
    rawQuery: request.rawQuery,
    headers,
    signedHeaders: parsed.signedHeaders,
    payloadHash,
  });
  const expected = signature(secretKey, stringToSign(sdkDate, canonical));
  if (!equalSecret(expected, parsed.signature.toLowerCase())) throw authError("verify aksk signature fail");
}
