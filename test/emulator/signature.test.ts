// The verifier's building blocks against the official test vector (docs/api-facts.md §7.2) and the
// signing guide's encoding rules.

import { describe, expect, test } from "vitest";
import {
  canonicalQuery,
  canonicalRequest,
  canonicalUri,
  formatSdkDate,
  parseAuthorization,
  parseSdkDate,
  signature,
  stringToSign,
  uriEncode,
} from "../../emulator/signature.js";
import { SIGNING_VECTOR } from "../fixtures/signing-vector.js";

const V = SIGNING_VECTOR;

describe("official SDK-HMAC-SHA256 test vector", () => {
  const canonical = canonicalRequest({
    method: V.method,
    rawPath: V.path,
    // Out of the documented order, so the canonical query's sorting is exercised.
    rawQuery: V.query.split("&").reverse().join("&"),
    headers: { "content-type": V.contentType, host: V.host, "x-sdk-date": V.sdkDate },
    signedHeaders: [...V.signedHeaders],
    payloadHash: V.payloadHash,
  });

  test("canonical request is exactly the documented one", () => {
    expect(canonical).toBe(V.canonicalRequest);
  });

  test("string to sign hashes the canonical request", () => {
    expect(stringToSign(V.sdkDate, canonical)).toBe(V.stringToSign);
  });

  test("signature matches the documented one", () => {
    expect(signature(V.secretKey, stringToSign(V.sdkDate, canonical))).toBe(V.signature);
  });

  test("the documented Authorization header parses", () => {
    expect(parseAuthorization(V.authorization)).toEqual({
      accessKey: V.accessKey,
      signedHeaders: V.signedHeaders,
      signature: V.signature,
    });
  });
});

describe("encoding rules", () => {
  test("URI encoding keeps only RFC 3986 unreserved characters, upper-case hex", () => {
    expect(uriEncode("a-b_c.d~e f/g*h+é")).toBe("a-b_c.d~e%20f%2Fg%2Ah%2B%C3%A9");
  });

  test("canonical URI re-encodes decoded segments and always ends with /", () => {
    expect(canonicalUri("/v1/private-certificates")).toBe("/v1/private-certificates/");
    expect(canonicalUri("/v1/a%20b/")).toBe("/v1/a%20b/");
    expect(canonicalUri("/v1/a b")).toBe("/v1/a%20b/");
  });

  test("canonical query sorts by name then value, encodes spaces as %20, empty values keep =", () => {
    expect(canonicalQuery("b=2&a=z&a=y&c&d=x+y")).toBe("a=y&a=z&b=2&c=&d=x%20y");
    expect(canonicalQuery("")).toBe("");
  });

  test("X-Sdk-Date round-trips and refuses other formats", () => {
    const ms = parseSdkDate("20191115T033655Z");
    expect(ms).toBe(Date.UTC(2019, 10, 15, 3, 36, 55));
    expect(formatSdkDate(ms!)).toBe("20191115T033655Z");
    expect(parseSdkDate("2019-11-15T03:36:55Z")).toBeUndefined();
  });

  test("malformed Authorization headers are refused", () => {
    expect(parseAuthorization("Bearer abc")).toBeUndefined();
    expect(parseAuthorization("SDK-HMAC-SHA256 Access=AK, Signature=x")).toBeUndefined();
  });
});
