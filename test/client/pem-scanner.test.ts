// The PEM block scanner: the same blocks as the lazy regex it replaced, in linear time. The old
// regex took seconds on a few hundred KiB of BEGIN lines without their END; the adversarial
// inputs below are several MiB, so a quadratic scanner would run for minutes and hit the test's
// timeout, while a linear one takes milliseconds. (A guard with a wide margin, not a benchmark.)
import { describe, expect, it } from "vitest";
import { normalizePem, splitPemBlocks } from "../../provider/pem.js";
import { FIXTURE_CERTIFICATE_PEM, FIXTURE_CSR_PEM } from "../fixtures/pem.js";

/** The regex the scanner replaced, kept here as the reference for what a block is. */
function referenceBlocks(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g))
    found.push(match[1] ?? "");
  return found;
}

function labels(text: string): string[] {
  return splitPemBlocks(text).map((block) => block.slice(11, block.indexOf("-----", 11)));
}

describe("splitPemBlocks", () => {
  it("finds the same blocks as the lazy regex on tricky inputs", () => {
    const inputs = [
      FIXTURE_CERTIFICATE_PEM + FIXTURE_CSR_PEM,
      // Glued blocks, as the SCM docs show them.
      FIXTURE_CERTIFICATE_PEM.trimEnd() + FIXTURE_CERTIFICATE_PEM,
      // A BEGIN without its END, then a whole block.
      `-----BEGIN CERTIFICATE-----\nAAAA\n${FIXTURE_CSR_PEM}`,
      // Another label's block nested inside: the outer one wins, as with the regex.
      `-----BEGIN A-----\n-----BEGIN B-----\nx\n-----END B-----\n-----END A-----\n`,
      // An END of another label does not close a block.
      `-----BEGIN A-----\nx\n-----END B-----\ny\n-----END A-----\n`,
      "no pem here",
      "-----END A----- -----BEGIN A-----",
    ];
    for (const input of inputs) expect(labels(input)).toEqual(referenceBlocks(input));
    expect(splitPemBlocks(FIXTURE_CERTIFICATE_PEM + FIXTURE_CSR_PEM)).toEqual([
      FIXTURE_CERTIFICATE_PEM,
      FIXTURE_CSR_PEM,
    ]);
  });

  it("stays linear on BEGIN lines that never end (4 MiB)", { timeout: 10_000 }, () => {
    const line = "-----BEGIN PRIVATE KEY-----\n";
    const text = `${line.repeat(Math.ceil((4 * 1024 * 1024) / line.length))}${FIXTURE_CERTIFICATE_PEM}`;
    expect(splitPemBlocks(text)).toEqual([FIXTURE_CERTIFICATE_PEM]);
    expect(normalizePem(text)).toBe(FIXTURE_CERTIFICATE_PEM);
  });

  it("stays linear on many distinct labels and dashes without markers (4 MiB)", { timeout: 10_000 }, () => {
    const begins = Array.from({ length: 100_000 }, (_, i) => `-----BEGIN L${i}-----\n`).join("");
    expect(splitPemBlocks(begins + "-".repeat(2 * 1024 * 1024))).toEqual([]);
    expect(splitPemBlocks(`-----BEGIN ${"A".repeat(2 * 1024 * 1024)}`)).toEqual([]);
  });
});
