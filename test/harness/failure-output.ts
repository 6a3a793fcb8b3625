// What "one clear message" means in the CLI's output, for both front ends' tests
// (test/resources/failure-output.e2e.test.ts, test/languages/failure-output.languages.test.ts).
import { expect } from "vitest";

/** A CA create refused: 403 is not retried. */
export const CREATE_FORBIDDEN = {
  kind: "error",
  status: 403,
  error_code: "PCA.00030203",
  method: "POST",
  path: "^/v1/private-certificate-authorities$",
};
/** The CA's GET failing on every attempt: a destroy or refresh gives up after maxRetries + 1 attempts. */
export const GET_FAILING = {
  kind: "error",
  status: 500,
  method: "GET",
  path: "^/v1/private-certificate-authorities/[^/]+$",
};

export interface ExpectedFailure {
  status: number;
  /** The API's error_code. */
  code: string;
  hint: RegExp;
}

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

/**
 * The failure's message is in the Diagnostics once, with status, error code, request id and
 * hint (the progress lines above it are the engine's own echo of the same event), and the output
 * holds no JavaScript stack, no path into the bundle and no error class name.
 */
export function expectOneClearMessage(output: string, expected: ExpectedFailure): void {
  const diagnostics = output.slice(output.lastIndexOf("Diagnostics:"));
  const code = expected.code.replaceAll(".", "\\.");
  const message = new RegExp(`error: CCM [A-Z]+ \\S+ failed[^:]*: HTTP ${expected.status} ${code} .*`);
  const found = message.exec(diagnostics)?.[0] ?? "";
  expect(found, output).toMatch(/\(request id [0-9a-f]{32}\)\. Hint: /);
  expect(found).toMatch(expected.hint);
  const requestId = /request id ([0-9a-f]{32})/.exec(found)?.[1] ?? "";
  expect(occurrences(diagnostics, requestId), diagnostics).toBe(1);
  expect(output).not.toMatch(/^\s+at /m);
  expect(output).not.toContain("index.cjs");
  expect(output).not.toContain("CcmApiError");
}
