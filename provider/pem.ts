// PEM helpers. The API returns PEMs with "\r\n" line breaks (export, CSR export), sometimes
// without a final newline, and the SCM docs even show blocks glued together
// ("-----END CERTIFICATE----------BEGIN CERTIFICATE-----"). Everything we store or hand on is
// normalised: "\n" line endings, one block after another, exactly one final newline — so that a
// refresh never shows a diff that is only whitespace.
import { X509Certificate } from "node:crypto";

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/** Normalises line endings and spacing of PEM text; non-PEM text is returned trimmed with "\n". */
export function normalizePem(text: string): string {
  const unified = text
    .replace(/\r\n?/g, "\n")
    // Some payloads carry the escape sequence literally instead of a line break.
    .replace(/\\r\\n|\\n/g, "\n");
  const blocks = splitPemBlocks(unified);
  if (blocks.length === 0) {
    const trimmed = unified.trim();
    return trimmed === "" ? "" : `${trimmed}\n`;
  }
  return blocks.join("");
}

/** Splits text into normalised PEM blocks, each ending in "\n"; text outside blocks is dropped. */
export function splitPemBlocks(text: string): string[] {
  const unified = text.replace(/\r\n?/g, "\n");
  const blocks: string[] = [];
  for (const match of unified.matchAll(BLOCK)) {
    const label = match[1] ?? "";
    const body = (match[2] ?? "")
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "");
    // Headers such as "Proc-Type: 4,ENCRYPTED" are kept; a blank line must follow them.
    const headerEnd = body.findIndex((line) => !/^[A-Za-z-]+:/.test(line));
    const lines = headerEnd > 0 ? [...body.slice(0, headerEnd), "", ...body.slice(headerEnd)] : body;
    blocks.push(`-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`);
  }
  return blocks;
}

/** Normalised PEM text, or undefined for undefined / empty input. */
export function optionalPem(text: string | null | undefined): string | undefined {
  if (text === undefined || text === null) return undefined;
  const pem = normalizePem(text);
  return pem === "" ? undefined : pem;
}

/** Leaf first, then the chain, each certificate once. */
export function fullChainPem(certificate: string, chain?: string): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const block of [...splitPemBlocks(certificate), ...splitPemBlocks(chain ?? "")]) {
    if (seen.has(block)) continue;
    seen.add(block);
    out.push(block);
  }
  return out.join("");
}

export interface CertificateMetadata {
  readonly subject: string;
  readonly issuer: string;
  readonly serialNumber: string;
  /** ISO 8601 */
  readonly notBefore: string;
  /** ISO 8601 */
  readonly notAfter: string;
  readonly fingerprintSha256: string;
  readonly subjectAltName: string | undefined;
  readonly isCa: boolean;
}

/** Metadata of the first certificate in `pem`, read with node:crypto. */
export function certificateMetadata(pem: string): CertificateMetadata {
  const first = splitPemBlocks(pem).find((block) => block.startsWith("-----BEGIN CERTIFICATE-----"));
  if (!first) throw new TypeError("no CERTIFICATE block in the PEM text");
  const cert = new X509Certificate(first);
  return {
    subject: cert.subject,
    issuer: cert.issuer,
    serialNumber: cert.serialNumber,
    notBefore: new Date(cert.validFrom).toISOString(),
    notAfter: new Date(cert.validTo).toISOString(),
    fingerprintSha256: cert.fingerprint256,
    subjectAltName: cert.subjectAltName,
    isCa: cert.ca,
  };
}
