// PEM normalisation: line breaks, blocks glued or wrapped in text, the full chain, and the common
// name of a CSR.
import { describe, expect, it } from "vitest";
import { csrCommonName } from "../../provider/client/csr.js";
import { fullChainPem, normalizePem, splitPemBlocks } from "../../provider/pem.js";
import { SEED_CSR } from "./pem-schemas-fixtures.js";

describe("PEM helpers", () => {
  it("normalises CRLF, missing final newline and indentation", () => {
    expect(normalizePem("-----BEGIN CERTIFICATE-----\r\n  AAAA\r\nBBBB  \r\n-----END CERTIFICATE-----")).toBe(
      "-----BEGIN CERTIFICATE-----\nAAAA\nBBBB\n-----END CERTIFICATE-----\n",
    );
  });

  it("separates blocks glued together (SCM doc sample) and drops text between blocks", () => {
    const glued =
      "-----BEGIN CERTIFICATE-----A-----END CERTIFICATE----------BEGIN CERTIFICATE-----B-----END CERTIFICATE-----";
    expect(splitPemBlocks(glued)).toEqual([
      "-----BEGIN CERTIFICATE-----\nA\n-----END CERTIFICATE-----\n",
      "-----BEGIN CERTIFICATE-----\nB\n-----END CERTIFICATE-----\n",
    ]);
    expect(normalizePem(`junk\n${glued}\ntrailer`)).toBe(splitPemBlocks(glued).join(""));
  });

  it("keeps encrypted-key headers with their blank line, and literal \\n escapes become line breaks", () => {
    const encrypted =
      "-----BEGIN RSA PRIVATE KEY-----\\nProc-Type: 4,ENCRYPTED\\nDEK-Info: AES-256-CBC,00\\n\\nQUJD\\n-----END RSA PRIVATE KEY-----";
    expect(normalizePem(encrypted)).toBe(
      "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,00\n\nQUJD\n-----END RSA PRIVATE KEY-----\n",
    );
  });

  it("is idempotent and leaves non-PEM text trimmed", () => {
    const once = normalizePem(SEED_CSR);
    expect(normalizePem(once)).toBe(once);
    expect(once.endsWith("-----END CERTIFICATE REQUEST-----\n")).toBe(true);
    expect(once).not.toContain("\r");
    expect(normalizePem("  hello \r\n")).toBe("hello\n");
  });

  it("builds a full chain leaf-first without duplicates", () => {
    const a = "-----BEGIN CERTIFICATE-----\nA\n-----END CERTIFICATE-----\n";
    const b = "-----BEGIN CERTIFICATE-----\nB\n-----END CERTIFICATE-----\n";
    expect(fullChainPem(a, `${a}${b}`)).toBe(`${a}${b}`);
    expect(fullChainPem(a)).toBe(a);
  });

  it("reads the common name of the seed's CSR", () => {
    expect(csrCommonName(SEED_CSR)).toBe("CSR,123");
    expect(csrCommonName("no csr here")).toBeUndefined();
  });
});
