// PEM armour: our own encoder (so every PEM this module emits has the same shape: 64-column base64,
// "\n" line endings, a trailing newline) and a strict decoder for what callers hand us.
import { PkiInputError } from "./errors.js";

export interface PemBlock {
  label: string;
  der: Uint8Array;
}

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END \1-----/g;
const BASE64_BODY = /^[A-Za-z0-9+/]+={0,2}$/;

export function encodePem(label: string, der: Uint8Array): string {
  const base64 = Buffer.from(der).toString("base64");
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

/** Every PEM block in `text`, in order. Blocks with RFC 1421 headers (encrypted PEM) are refused. */
export function decodePemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const match of text.matchAll(BLOCK)) {
    const body = match[2]!.replace(/\s+/g, "");
    if (!BASE64_BODY.test(body)) throw new PkiInputError(`PEM block "${match[1]}" has no valid base64 body`);
    blocks.push({ label: match[1]!, der: new Uint8Array(Buffer.from(body, "base64")) });
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
 * The live service answers PEMs with "\r\n" line breaks (seed 000, export sample). Converts every
 * line break to "\r\n" and keeps everything else (including whether the text ends with a newline).
 */
export function withCrlf(pem: string): string {
  return pem.replace(/\r?\n/g, "\r\n");
}
