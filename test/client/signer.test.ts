// SDK-HMAC-SHA256: the official test vector (docs/api-facts.md §7.2) and the canonicalisation edge cases.
import { describe, expect, it } from "vitest";
import {
  buildQuery,
  canonicalQueryString,
  canonicalRequest,
  canonicalUri,
  EMPTY_BODY_SHA256,
  encodeRfc3986,
  formatSdkDate,
  sha256Hex,
  sign,
} from "../../provider/client/signer.js";
import { SIGNING_VECTOR } from "../fixtures/signing-vector.js";

describe("official test vector", () => {
  const V = SIGNING_VECTOR;
  const input = {
    method: V.method,
    path: V.path,
    query: [...new URLSearchParams(V.query)],
    headers: { Host: V.host, "Content-Type": V.contentType, "X-Sdk-Date": V.sdkDate },
    body: undefined,
  };

  it("builds the exact canonical request", () => {
    expect(canonicalRequest(input).canonical).toBe(V.canonicalRequest);
  });

  it("hashes, signs and formats the Authorization header as the guide does", () => {
    const signature = sign(input, V.accessKey, V.secretKey);
    expect(sha256Hex(signature.canonicalRequest)).toBe(V.canonicalRequestHash);
    expect(signature.stringToSign).toBe(V.stringToSign);
    expect(signature.signature).toBe(V.signature);
    expect(signature.authorization).toBe(V.authorization);
  });

  it("does not depend on header name case or order", () => {
    const shuffled = {
      ...input,
      headers: {
        "x-sdk-date": V.sdkDate,
        HOST: V.host,
        "content-TYPE": ` ${V.contentType} `,
      },
    };
    expect(sign(shuffled, V.accessKey, V.secretKey).signature).toBe(V.signature);
  });

  it("refuses to sign without X-Sdk-Date", () => {
    expect(() => sign({ ...input, headers: { Host: "h" } }, "ak", "sk")).toThrow(/X-Sdk-Date/);
  });
});

describe("RFC 3986 encoding", () => {
  it("keeps only unreserved characters", () => {
    const encoded = ["AZaz09-_.~", "a b+c/d?e&f=g", "é中"].map((text) => encodeRfc3986(text));
    expect(encoded).toEqual(["AZaz09-_.~", "a%20b%2Bc%2Fd%3Fe%26f%3Dg", "%C3%A9%E4%B8%AD"]);
    // encodeURIComponent leaves these alone; RFC 3986 does not.
    expect(encodeRfc3986("!'()*")).toBe("%21%27%28%29%2A");
  });
});

describe("canonical URI", () => {
  it("adds the trailing slash only for signing", () => {
    const paths = ["/v1/private-certificates", "/v1/private-certificates/", "", "/"];
    expect(paths.map(canonicalUri)).toEqual(["/v1/private-certificates/", "/v1/private-certificates/", "/", "/"]);
  });

  it("encodes each segment and normalises equivalent encodings", () => {
    expect(canonicalUri("/v1/a b/é/x+y/~ok")).toBe("/v1/a%20b/%C3%A9/x%2By/~ok/");
    expect(canonicalUri("/v1/a%20b/%C3%A9/x%2By/~ok")).toBe("/v1/a%20b/%C3%A9/x%2By/~ok/");
    // Lower-case escapes and an escaped unreserved character sign like the canonical form.
    expect(canonicalUri("/v1/a%20b/%c3%a9/x%2by/%7Eok")).toBe("/v1/a%20b/%C3%A9/x%2By/~ok/");
    // A stray "%" is literal text.
    expect(canonicalUri("/v1/100%")).toBe("/v1/100%25/");
  });

  it("keeps an encoded slash inside its segment", () => {
    expect(canonicalUri("/tags/a%2Fb")).toBe("/tags/a%2Fb/");
  });
});

describe("canonical query string", () => {
  it("is empty without a query", () => {
    expect(canonicalQueryString([])).toBe("");
    expect(buildQuery([])).toBe("");
  });

  it("sorts by encoded name, then repeated names by encoded value", () => {
    expect(
      canonicalQueryString([
        ["status", "ISSUED"],
        ["name", "b"],
        ["limit", "10"],
        ["name", "a c"],
        ["name", "B"],
      ]),
    ).toBe("limit=10&name=B&name=a%20c&name=b&status=ISSUED");
  });

  it("encodes unicode and reserved characters in names and values", () => {
    expect(
      canonicalQueryString([
        ["名", "值"],
        ["z", "1"],
        ["a&b", "c=d"],
        ["empty", ""],
      ]),
    ).toBe("%E5%90%8D=%E5%80%BC&a%26b=c%3Dd&empty=&z=1");
  });

  it("is what is sent, so a server re-parsing the URL signs the same string", () => {
    const pairs: [string, string][] = [
      ["name", "Test Cert (prod)*"],
      ["limit", "2"],
    ];
    const sent = buildQuery(pairs);
    expect(sent).toBe("?limit=2&name=Test%20Cert%20%28prod%29%2A");
    expect(canonicalQueryString([...new URLSearchParams(sent)])).toBe(sent.slice(1));
    expect(new URLSearchParams(sent).get("name")).toBe("Test Cert (prod)*");
  });
});

describe("payload hash and date", () => {
  it("hashes an empty body as the empty string", () => {
    expect(sha256Hex("")).toBe(EMPTY_BODY_SHA256);
    const { canonical } = canonicalRequest({
      method: "post",
      path: "/x",
      query: [],
      headers: { "X-Sdk-Date": "d" },
      body: "",
    });
    expect(canonical.split("\n")[0]).toBe("POST");
    expect(canonical.endsWith(EMPTY_BODY_SHA256)).toBe(true);
  });

  it("hashes the exact body bytes", () => {
    const body = '{"reason":"SUPERSEDED"}';
    const { canonical } = canonicalRequest({
      method: "POST",
      path: "/x",
      query: [],
      headers: { "X-Sdk-Date": "d" },
      body,
    });
    expect(canonical.endsWith(sha256Hex(Buffer.from(body, "utf8")))).toBe(true);
  });

  it("formats X-Sdk-Date in UTC without separators", () => {
    expect(formatSdkDate(new Date("2019-11-15T03:36:55.123Z"))).toBe("20191115T033655Z");
    expect(formatSdkDate(new Date(Date.UTC(2024, 0, 2, 3, 4, 5)))).toBe("20240102T030405Z");
  });
});
