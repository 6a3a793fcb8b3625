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

const VECTOR_CANONICAL = [
  "GET",
  "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/",
  "limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
  "content-type:application/json",
  "host:service.region.example.com",
  "x-sdk-date:20191115T033655Z",
  "",
  "content-type;host;x-sdk-date",
  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
].join("\n");

describe("official SDK-HMAC-SHA256 test vector", () => {
  const canonical = canonicalRequest({
    method: "GET",
    rawPath: "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs",
    rawQuery: "marker=13551d6b-755d-4757-b956-536f674975c0&limit=2",
    headers: {
      "content-type": "application/json",
      host: "service.region.example.com",
      "x-sdk-date": "20191115T033655Z",
    },
    signedHeaders: ["content-type", "host", "x-sdk-date"],
    payloadHash: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  });

  test("canonical request is exactly the documented one", () => {
    expect(canonical).toBe(VECTOR_CANONICAL);
  });

  test("string to sign hashes the canonical request", () => {
    expect(stringToSign("20191115T033655Z", canonical)).toBe(
      "SDK-HMAC-SHA256\n20191115T033655Z\nb25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a",
    );
  });

  test("signature matches the documented one", () => {
    expect(signature("MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc", stringToSign("20191115T033655Z", canonical))).toBe(
      "7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe",
    );
  });

  test("the documented Authorization header parses", () => {
    expect(
      parseAuthorization(
        "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe",
      ),
    ).toEqual({
      accessKey: "QTWAOYTTINDUT2QVKYUC",
      signedHeaders: ["content-type", "host", "x-sdk-date"],
      signature: "7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe",
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
