// How PEMs look on the wire. The live service answers with "\r\n" line breaks (CCM "Exporting a Certificate", CCM "ExportCertificateAuthorityCsr"):
// certificates and CSRs without a final line break, chains joined by "\r\n", private keys ending
// with "\r\n" — exactly as in the documented samples.

import { scanPemBlocks } from "../pki/index.js";

// Blank lines inside a block are kept: an encrypted traditional key needs the one after DEK-Info.
function lines(pem: string): string[] {
  return pem
    .replace(/\r\n?/g, "\n")
    .trim()
    .split("\n")
    .map((line) => line.trim());
}

/** One PEM block with "\r\n" line breaks and no trailing line break. */
export function crlfPem(pem: string): string {
  return lines(pem).join("\r\n");
}

/** Several certificates, each as crlfPem, joined by "\r\n". */
export function crlfChain(pems: readonly string[]): string {
  return pems.map(crlfPem).join("\r\n");
}

/** A private key as the samples show it: "\r\n" line breaks including a final one. */
export function crlfKey(pem: string): string {
  return `${crlfPem(pem)}\r\n`;
}

/** "\n"-terminated PEM text, for files inside zip archives and the SMS API (SMS "Obtaining an SSL Certificate and Private Key" uses "\n"). */
export function lfPem(pem: string): string {
  return `${lines(pem).join("\n")}\n`;
}

/** Every PEM block with `label` in a text, in order (one linear pass: pki/pem.ts scanPemBlocks). */
export function splitPemBlocks(text: string, label = "CERTIFICATE"): string[] {
  return scanPemBlocks(text)
    .filter((span) => span.label === label)
    .map((span) => text.slice(span.start, span.end));
}

/**
 * A PEM pasted into JSON by hand often carries the two-character sequences "\r\n" / "\n" instead
 * of real line breaks (docs/api-facts.md §2.7: "newlines as `\r\n` or `\n` escapes"); accept both.
 */
export function unescapePem(text: string): string {
  return text.replace(/\\r\\n|\\n|\\r/g, "\n");
}
