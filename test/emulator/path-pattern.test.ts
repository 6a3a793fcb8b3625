// Fault rules' `path` patterns: the regex subset means what the same text means as a RegExp,
// refuses everything else (nested quantifiers, groups, alternation), and never backtracks.

import { describe, expect, test } from "vitest";
import { parseFaultRule } from "../../emulator/faults.js";
import { compilePathPattern, PathPatternError } from "../../emulator/path-pattern.js";

const PATHS = [
  "",
  "/",
  "/v1/private-certificates",
  "/v1/private-certificates/",
  "/v1/private-certificates/csr",
  "/v1/private-certificates/0b1c2d3e-0000-4000-8000-000000000000",
  "/v1/private-certificates/0b1c2d3e-0000-4000-8000-000000000000/export",
  "/v1/private-certificates/0b1c2d3e-0000-4000-8000-000000000000/tags/create",
  "/v1/private-certificate-authorities/x/revoke",
  "/v3/scm/certificates/scs1234567890123/export",
  "/v3/tasks/t1/certkey",
  "/x.y/a?b",
];

// Every pattern the tests, benches and docs use, and the other forms of the subset.
const PATTERNS = [
  "^/v1/private-certificates$",
  "/v1/private-certificates$",
  "^/v1/private-certificates/[^/]+$",
  "^/v1/private-certificates/",
  "^/v1/private-certificate-authorities/",
  "^/v1/private-certificate-authorities$",
  "^/v1/private-certificates/csr$",
  "/tags/create$",
  "/export$",
  "/revoke$",
  "^/v3/",
  "^/v1/.*/export$",
  "^/v1/[^/]*/[^/]+/export$",
  "certificates",
  "^/x\\.y/a\\?b$",
  "^/x.y",
  "^/v.+s$",
  "^/$",
  "^$",
];

describe("the subset means what the regex means", () => {
  test.each(PATTERNS)("%s", (source) => {
    const pattern = compilePathPattern(source);
    const regex = new RegExp(source);
    for (const path of PATHS) expect(pattern.test(path), `${source} on ${JSON.stringify(path)}`).toBe(regex.test(path));
  });
});

describe("everything else is refused", () => {
  test.each([
    "^/(a+)+$",
    "(a|a)*$",
    "^/v1/(certs|cas)$",
    "^/v1/\\w+$",
    "^/v1/[a-z]+$",
    "^/v1/x{2,}$",
    "^/v1/x?$",
    "^/v1/x+$",
    "a**",
    "^/v1/\\d$",
    "x".repeat(257),
  ])("%s", (source) => {
    expect(() => compilePathPattern(source)).toThrow(PathPatternError);
    expect(() => parseFaultRule({ kind: "error", path: source })).toThrow(/path/);
  });
});

test("matching never backtracks: patterns that are exponential or polynomial as RegExps finish at once", () => {
  // As RegExps, the first would be O(n^6) on this path and `^/(a+)+$`-like input is exponential;
  // the state-set simulation is one pass over the path whatever the pattern.
  const path = `/${"a".repeat(16_000)}!`;
  expect(compilePathPattern(".*a.*a.*a.*a.*a.*a$").test(path)).toBe(false);
  expect(compilePathPattern("^/.*.*.*.*.*.*.*.*b").test(path)).toBe(false);
  expect(compilePathPattern("^/[^/]*[^/]*[^/]*[^/]*[^/]*a$").test(path)).toBe(false);
  expect(compilePathPattern(".*a.*a.*a.*a.*a.*a!$").test(path)).toBe(true);
});
