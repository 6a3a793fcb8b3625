// The emulator's PEM scanner (pki/pem.ts) and the model's block splitter built on it: what counts
// as a block, and one linear pass even on hostile input.

import { describe, expect, test } from "vitest";
import { splitPemBlocks } from "../../../emulator/model/pem.js";
import { PkiInputError } from "../../../emulator/pki/errors.js";
import { decodeCertificates, decodePemBlocks, encodePem, scanPemBlocks } from "../../../emulator/pki/pem.js";

const A = encodePem("CERTIFICATE", Uint8Array.of(1, 2, 3));
const B = encodePem("CERTIFICATE", Uint8Array.of(4, 5, 6, 7));
const KEY = encodePem("PRIVATE KEY", Uint8Array.of(9));

describe("blocks", () => {
  test("every block in order, with text around and between them, and \\r\\n line breaks", () => {
    const text = `subject=CN=x\n${A}issuer=CN=y\r\n${B.replace(/\n/g, "\r\n")}${KEY}trailing`;
    expect(decodePemBlocks(text).map((block) => [block.label, [...block.der]])).toEqual([
      ["CERTIFICATE", [1, 2, 3]],
      ["CERTIFICATE", [4, 5, 6, 7]],
      ["PRIVATE KEY", [9]],
    ]);
    expect(splitPemBlocks(text)).toEqual([A.trimEnd(), B.replace(/\n/g, "\r\n").trimEnd()]);
    expect(splitPemBlocks(text, "PRIVATE KEY")).toEqual([KEY.trimEnd()]);
  });

  test("blocks glued together without a line break between them", () => {
    expect(splitPemBlocks(`${A.trimEnd()}${B.trimEnd()}`)).toEqual([A.trimEnd(), B.trimEnd()]);
  });

  test("an END must carry the BEGIN's label; unterminated and mislabelled blocks are not blocks", () => {
    expect(scanPemBlocks("-----BEGIN CERTIFICATE-----\nAQID\n-----END PRIVATE KEY-----\n")).toEqual([]);
    expect(scanPemBlocks("-----BEGIN CERTIFICATE-----\nAQID\n")).toEqual([]);
    expect(scanPemBlocks("-----END CERTIFICATE-----\n")).toEqual([]);
    expect(scanPemBlocks("-----BEGIN lower-----\nAQID\n-----END lower-----")).toEqual([]);
    // A later BEGIN starts the block again, so the first unterminated one does not swallow it.
    expect(splitPemBlocks(`-----BEGIN CERTIFICATE-----\ngarbage\n${A}`)).toEqual([A.trimEnd()]);
  });

  test("a body that is not base64 is refused; a BEGIN line that goes on is no block", () => {
    expect(() =>
      decodePemBlocks("-----BEGIN CERTIFICATE-----\nProc-Type: 4,ENCRYPTED\n-----END CERTIFICATE-----"),
    ).toThrow(PkiInputError);
    expect(decodePemBlocks("-----BEGIN CERTIFICATE-----AQID-----END CERTIFICATE-----")).toEqual([]);
    expect(() => decodeCertificates("no PEM at all", "chain")).toThrow(PkiInputError);
  });
});

describe("hostile input is scanned in one pass", () => {
  // Each of these took seconds with the lazy back-referencing regex (quadratic in the input); the
  // test's own timeout is the bound, nothing is timed here.
  const size = 300 * 1024;
  test.each([
    ["unterminated BEGIN lines", "-----BEGIN CERTIFICATE-----\n".repeat(size / 28)],
    ["BEGINs with ever new labels", Array.from({ length: size / 24 }, (_, i) => `-----BEGIN L${i}-----\n`).join("")],
    ["ENDs with the wrong label", `-----BEGIN A-----\n${"-----END B-----\n".repeat(size / 16)}`],
    ["dashes only", "-".repeat(size)],
    ["BEGIN without a closing dash run", "-----BEGIN ".repeat(size / 11)],
  ])("%s", (_name, text) => {
    expect(scanPemBlocks(text)).toEqual([]);
    expect(splitPemBlocks(text)).toEqual([]);
  });

  test("a long valid chain is read whole", () => {
    const chain = Array.from({ length: 2_000 }, () => A).join("");
    expect(decodeCertificates(chain, "chain")).toHaveLength(2_000);
  });
});
