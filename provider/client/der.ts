// A minimal DER reader: just enough to walk a certificate or a certificate request to the parts
// node:crypto's X509Certificate does not expose (key usage bits, extensions by OID, a CSR's public
// key). Reads definite lengths only, which is all DER allows.
import { CcmDecodeError } from "../errors.js";

export interface DerNode {
  readonly tag: number;
  /** The whole element: tag, length and content. */
  readonly raw: Buffer;
  readonly content: Buffer;
}

/** A DER structure that cannot be read: the message says what was expected. */
export function malformedDer(message: string): CcmDecodeError {
  return new CcmDecodeError(`malformed DER: ${message}`);
}

/** Reads the element that starts at `offset`. */
export function readNode(der: Buffer, offset = 0): DerNode {
  const tag = der[offset];
  let length = der[offset + 1];
  if (tag === undefined || length === undefined) throw malformedDer("truncated header");
  if ((tag & 0x1f) === 0x1f) throw malformedDer("multi-byte tags are not used in X.509");
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) throw malformedDer("unsupported length");
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (der[start + i] ?? 0);
    start += count;
  }
  const end = start + length;
  if (end > der.length) throw malformedDer("element longer than its container");
  return { tag, raw: der.subarray(offset, end), content: der.subarray(start, end) };
}

/** The elements inside a constructed element (SEQUENCE, SET, context tags). */
export function children(node: DerNode): DerNode[] {
  const out: DerNode[] = [];
  for (let offset = 0; offset < node.content.length; ) {
    const child = readNode(node.content, offset);
    out.push(child);
    offset += child.raw.length;
  }
  return out;
}

/** Dotted text of an OBJECT IDENTIFIER's content. */
export function oidText(content: Buffer): string {
  const parts: number[] = [];
  let value = 0;
  for (const byte of content) {
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      parts.push(value);
      value = 0;
    }
  }
  const first = parts.shift() ?? 0;
  const head = first < 80 ? [Math.floor(first / 40), first % 40] : [2, first - 80];
  return [...head, ...parts].join(".");
}

/** The DER bytes of a PEM block's base64 body. */
export function pemBody(block: string): Buffer {
  const base64 = block
    .split("\n")
    .filter((line) => line !== "" && !line.startsWith("-----") && !line.includes(":"))
    .join("");
  return Buffer.from(base64, "base64");
}
