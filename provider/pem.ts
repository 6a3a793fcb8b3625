// PEM helpers. The API returns PEMs with "\r\n" line breaks (export, CSR export), sometimes
// without a final newline, and the SCM docs even show blocks glued together
// ("-----END CERTIFICATE----------BEGIN CERTIFICATE-----"). Everything we store or hand on is
// normalised: "\n" line endings, one block after another, exactly one final newline — so that a
// refresh never shows a diff that is only whitespace.
import { X509Certificate } from "node:crypto";
import { CcmDecodeError } from "./errors.js";

// GOTCHA: the obvious /-----BEGIN (L)-----([\s\S]*?)-----END \1-----/g is quadratic: every BEGIN
// without its END scans to the end of the text (seconds on a few hundred KiB of adversarial
// input). The markers are found in one pass instead — the label class excludes "-", so no two
// marker matches overlap and every character is looked at a bounded number of times — and
// paired afterwards, with the same result as the lazy regex: each block runs from a BEGIN to the
// next END of the same label, and the search resumes after that END.
const MARKER = /-----(BEGIN|END) ([A-Z0-9 ]+)-----/g;

interface Marker {
  begin: boolean;
  label: string;
  start: number;
  end: number;
}

/** Each (label, body) pair of the PEM blocks in `text`, in order, in linear time. */
function scanBlocks(text: string): { label: string; body: string }[] {
  const markers: Marker[] = [];
  for (const match of text.matchAll(MARKER)) {
    const start = match.index ?? 0;
    markers.push({ begin: match[1] === "BEGIN", label: match[2] ?? "", start, end: start + match[0].length });
  }
  // For every marker, the index of the next END marker with the same label (right-to-left pass).
  const nextEnd = new Array<number>(markers.length).fill(-1);
  const seenEnd = new Map<string, number>();
  for (let i = markers.length - 1; i >= 0; i--) {
    const marker = markers[i] as Marker;
    nextEnd[i] = seenEnd.get(marker.label) ?? -1;
    if (!marker.begin) seenEnd.set(marker.label, i);
  }
  const blocks: { label: string; body: string }[] = [];
  let resumeAt = 0;
  for (let i = 0; i < markers.length; i++) {
    const marker = markers[i] as Marker;
    const endIndex = nextEnd[i] ?? -1;
    if (!marker.begin || marker.start < resumeAt || endIndex < 0) continue;
    const end = markers[endIndex] as Marker;
    blocks.push({ label: marker.label, body: text.slice(marker.end, end.start) });
    resumeAt = end.end;
  }
  return blocks;
}

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
  for (const block of scanBlocks(unified)) {
    const label = block.label;
    const body = block.body
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
  readonly fingerprintSha1: string;
  readonly subjectAltName: string | undefined;
  readonly isCa: boolean;
}

/** Metadata of the first certificate in `pem`, read with node:crypto. */
export function certificateMetadata(pem: string): CertificateMetadata {
  const first = splitPemBlocks(pem).find((block) => block.startsWith("-----BEGIN CERTIFICATE-----"));
  if (!first) throw new CcmDecodeError("no CERTIFICATE block in the PEM text");
  const cert = new X509Certificate(first);
  return {
    subject: cert.subject,
    issuer: cert.issuer,
    serialNumber: cert.serialNumber,
    notBefore: new Date(cert.validFrom).toISOString(),
    notAfter: new Date(cert.validTo).toISOString(),
    fingerprintSha256: cert.fingerprint256,
    fingerprintSha1: cert.fingerprint,
    subjectAltName: cert.subjectAltName,
    isCa: cert.ca,
  };
}
