// PEM inputs that must parse, not merely contain a BEGIN line: a garbage CSR or a "certificate"
// that is not one would otherwise reach the API at `up` (or, for a CA import, half-create the CA).
// Certificates are parsed with node:crypto; Node has no CSR parser, so a CSR's DER structure is
// walked here (PKCS#10: SEQUENCE { SEQUENCE info, SEQUENCE algorithm, BIT STRING signature }).
// Messages never quote the PEM: these inputs are secrets.
import { X509Certificate } from "node:crypto";
import { z } from "zod";
import { normalizePem, splitPemBlocks } from "../pem.js";

const CSR_LABELS = ["CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST"];

function labelOf(block: string): string {
  return block.slice("-----BEGIN ".length, block.indexOf("-----", "-----BEGIN ".length));
}

/** The DER bytes of a normalised block, or undefined when its body is not plain base64. */
function derOf(block: string): Buffer | undefined {
  const lines = block.split("\n").slice(1, -2);
  if (lines.some((line) => line.includes(":"))) return undefined; // encrypted/headers: not a CSR
  const body = lines.join("");
  if (body === "" || !/^[A-Za-z0-9+/]+={0,2}$/.test(body) || body.length % 4 !== 0) return undefined;
  return Buffer.from(body, "base64");
}

interface Tlv {
  tag: number;
  start: number;
  end: number;
}

/** One DER tag-length-value at `offset`, or undefined when it runs past `limit`. */
function readTlv(der: Buffer, offset: number, limit: number): Tlv | undefined {
  if (offset + 2 > limit) return undefined;
  const tag = der[offset] ?? 0;
  let length = der[offset + 1] ?? 0;
  let start = offset + 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    if (bytes === 0 || bytes > 4 || start + bytes > limit) return undefined;
    length = 0;
    for (let i = 0; i < bytes; i++) length = length * 256 + (der[start + i] ?? 0);
    start += bytes;
  }
  const end = start + length;
  return end > limit ? undefined : { tag, start, end };
}

/** True when the DER bytes have the shape of a PKCS#10 certification request. */
export function isCertificationRequestDer(der: Buffer): boolean {
  const outer = readTlv(der, 0, der.length);
  if (outer?.tag !== 0x30 || outer.end !== der.length) return false;
  const expected = [0x30, 0x30, 0x03];
  let offset = outer.start;
  for (const tag of expected) {
    const part = readTlv(der, offset, outer.end);
    if (part?.tag !== tag) return false;
    offset = part.end;
  }
  return offset === outer.end;
}

/** Why `text` is not one PEM certificate request; undefined when it is. */
export function certificateRequestProblem(text: string): string | undefined {
  const blocks = splitPemBlocks(text);
  const requests = blocks.filter((block) => CSR_LABELS.includes(labelOf(block)));
  if (requests.length !== 1 || blocks.length !== 1) {
    return "must be exactly one PEM certificate request (-----BEGIN CERTIFICATE REQUEST----- … -----END CERTIFICATE REQUEST-----)";
  }
  const der = derOf(requests[0] ?? "");
  if (!der || !isCertificationRequestDer(der)) {
    return "must be a PEM certificate request that parses (PKCS#10, base64 DER); this one is damaged";
  }
  return undefined;
}

/** Why `text` is not one or more parsable PEM certificates; undefined when it is. */
export function certificatesProblem(text: string): string | undefined {
  const blocks = splitPemBlocks(text);
  if (blocks.length === 0) {
    return "must be PEM certificates (-----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----)";
  }
  for (const [index, block] of blocks.entries()) {
    if (labelOf(block) !== "CERTIFICATE") {
      return `must hold only CERTIFICATE blocks (block ${index + 1} is ${labelOf(block)})`;
    }
    try {
      new X509Certificate(block);
    } catch {
      return `must be PEM certificates that parse (X.509); block ${index + 1} does not`;
    }
  }
  return undefined;
}

/** A PEM certificate request that parses (as given: callers normalise where they store it). */
export const certificateRequestPemArg = z.string().superRefine((text, ctx) => {
  const problem = certificateRequestProblem(text);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/** One or more PEM certificates that parse; normalised. */
export const certificatesPemArg = z
  .string()
  .superRefine((text, ctx) => {
    const problem = certificatesProblem(text);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .transform(normalizePem);
