// A minimal DER writer for the few structures the libraries do not build for us
// (PKCS#12 bag attributes, the JKS key blob, a UTF8String extension value).
// DER only: definite lengths, single-element SETs (so no sorting is needed).
import { PkiInputError } from "./errors.js";

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function encodeLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

export function tlv(tag: number, content: Uint8Array): Uint8Array {
  return concatBytes(Uint8Array.of(tag), encodeLength(content.length), content);
}

export const sequence = (...items: Uint8Array[]): Uint8Array => tlv(0x30, concatBytes(...items));
export const setOf = (item: Uint8Array): Uint8Array => tlv(0x31, item);
export const octetString = (bytes: Uint8Array): Uint8Array => tlv(0x04, bytes);
export const derNull = (): Uint8Array => Uint8Array.of(0x05, 0x00);
export const utf8String = (text: string): Uint8Array => tlv(0x0c, new TextEncoder().encode(text));

/** BMPString = UTF-16BE code units (what PKCS#12 friendlyName uses). */
export function bmpString(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes[2 * i] = unit >> 8;
    bytes[2 * i + 1] = unit & 0xff;
  }
  return tlv(0x1e, bytes);
}

const OID_PATTERN = /^[0-2](\.(0|[1-9]\d*))+$/;

/** Validates a dotted OID the way the CCM API describes it ("1.3.6.1.4.1.2011.4.99"). */
export function isValidOid(dotted: string): boolean {
  if (!OID_PATTERN.test(dotted)) return false;
  const [first, second] = dotted.split(".").map(BigInt);
  return first === 2n || (second !== undefined && second < 40n);
}

export function objectIdentifier(dotted: string): Uint8Array {
  if (!isValidOid(dotted))
    throw new PkiInputError("object identifier must be a dotted OID such as 1.3.6.1.4.1.2011.4.99");
  const arcs = dotted.split(".").map(BigInt);
  // The first two arcs share one sub-identifier (X.690 §8.19.4); arcs are base-128, high bit = "more".
  const subIdentifiers = [arcs[0]! * 40n + arcs[1]!, ...arcs.slice(2)];
  const bytes: number[] = [];
  for (const sub of subIdentifiers) {
    const chunk = [Number(sub & 0x7fn)];
    for (let rest = sub >> 7n; rest > 0n; rest >>= 7n) chunk.unshift(Number((rest & 0x7fn) | 0x80n));
    bytes.push(...chunk);
  }
  return tlv(0x06, Uint8Array.from(bytes));
}
