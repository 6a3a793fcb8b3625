// PEM armour: our own encoder (so every PEM this module emits has the same shape: 64-column base64,
// "\n" line endings, a trailing newline) and a strict decoder for what callers hand us.
import { PkiInputError } from "./errors.js";

export interface PemBlock {
  label: string;
  der: Uint8Array;
}

const BASE64_BODY = /^[A-Za-z0-9+/]+={0,2}$/;

// The armour lines, spelled once: the scanner looks for them and encodePem writes them.
const DASHES = "-----";
const BEGIN = `${DASHES}BEGIN `;
const END = `${DASHES}END `;
const MAX_LABEL_LENGTH = 64;

/** One PEM block found in a text: its label, where it starts and ends, and the text between its lines. */
export interface PemSpan {
  label: string;
  start: number;
  end: number;
  body: string;
}

function isLabelChar(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 32; // A-Z 0-9 space
}

/** The label after BEGIN/END at `from`, closed by "-----"; undefined when there is none. */
function labelAt(text: string, from: number): { label: string; after: number } | undefined {
  let i = from;
  while (i < text.length && i - from < MAX_LABEL_LENGTH && isLabelChar(text.charCodeAt(i))) i++;
  if (i === from || !text.startsWith(DASHES, i)) return undefined;
  return { label: text.slice(from, i), after: i + DASHES.length };
}

/**
 * Every "-----BEGIN X-----" … "-----END X-----" block in `text`, in order, in one pass. A regex
 * with a lazy body and a back-reference (what this replaces) retries from every BEGIN to the end
 * of the text, which is quadratic on input full of unterminated BEGIN lines; here each "-----" is
 * looked at once. A BEGIN inside an open block starts the block again; an END with another label
 * is part of the body.
 */
export function scanPemBlocks(text: string): PemSpan[] {
  const found: PemSpan[] = [];
  let open: { label: string; start: number; bodyStart: number } | undefined;
  let at = text.indexOf(DASHES);
  while (at >= 0) {
    let next = at + 1;
    if (text.startsWith(BEGIN, at)) {
      const marker = labelAt(text, at + BEGIN.length);
      if (marker) {
        open = { label: marker.label, start: at, bodyStart: marker.after };
        next = marker.after;
      }
    } else if (open && text.startsWith(END, at)) {
      const marker = labelAt(text, at + END.length);
      if (marker && marker.label === open.label) {
        found.push({ label: open.label, start: open.start, end: marker.after, body: text.slice(open.bodyStart, at) });
        open = undefined;
        next = marker.after;
      }
    }
    at = text.indexOf(DASHES, next);
  }
  return found;
}

export function encodePem(label: string, der: Uint8Array): string {
  const base64 = Buffer.from(der).toString("base64");
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `${BEGIN}${label}${DASHES}\n${lines.join("\n")}\n${END}${label}${DASHES}\n`;
}

/** Every PEM block in `text`, in order. Blocks with RFC 1421 headers (encrypted PEM) are refused. */
export function decodePemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const span of scanPemBlocks(text)) {
    // The BEGIN line must end there: "-----BEGIN X-----" followed by more text is no PEM block.
    if (!/^\r?\n/.test(span.body)) continue;
    const body = span.body.replace(/\s+/g, "");
    if (!BASE64_BODY.test(body)) throw new PkiInputError(`PEM block "${span.label}" has no valid base64 body`);
    blocks.push({ label: span.label, der: new Uint8Array(Buffer.from(body, "base64")) });
  }
  return blocks;
}

/** The DER of the first block whose label is one of `labels`; PkiInputError naming `what` otherwise. */
export function decodeFirstPem(text: unknown, labels: readonly string[], what: string): Uint8Array {
  if (typeof text !== "string") throw new PkiInputError(`${what} must be a PEM string`);
  const block = decodePemBlocks(text).find((b) => labels.includes(b.label));
  if (!block) throw new PkiInputError(`${what} is not a PEM "${labels[0]}" block`);
  return block.der;
}

/** The DER of every CERTIFICATE block in `text` (a single certificate or a bundle). */
export function decodeCertificates(text: unknown, what: string): Uint8Array[] {
  if (typeof text !== "string") throw new PkiInputError(`${what} must be a PEM string`);
  const certificates = decodePemBlocks(text).filter((b) => b.label === "CERTIFICATE");
  if (certificates.length === 0) throw new PkiInputError(`${what} holds no PEM "CERTIFICATE" block`);
  return certificates.map((b) => b.der);
}

/**
 * The live service answers PEMs with "\r\n" line breaks (CCM "Exporting a Certificate", export sample). Converts every
 * line break to "\r\n" and keeps everything else (including whether the text ends with a newline).
 */
export function withCrlf(pem: string): string {
  return pem.replace(/\r?\n/g, "\r\n");
}
