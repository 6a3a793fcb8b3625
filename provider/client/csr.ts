// Reads the subject common name out of a PEM certificate request, enough to look for the
// certificate a lost CSR apply may have created. A tiny DER walk instead of a parser dependency:
// in a PKCS#10 request the only X.520 commonName attribute is the subject's.
import { splitPemBlocks } from "../pem.js";

const COMMON_NAME_OID = [0x06, 0x03, 0x55, 0x04, 0x03];

export function csrCommonName(pem: string): string | undefined {
  const block = splitPemBlocks(pem).find((b) => b.includes("CERTIFICATE REQUEST-----"));
  if (!block) return undefined;
  const base64 = block
    .split("\n")
    .filter((line) => line !== "" && !line.startsWith("-----"))
    .join("");
  const der = Buffer.from(base64, "base64");
  const at = indexOfBytes(der, COMMON_NAME_OID);
  if (at === -1) return undefined;
  return readString(der, at + COMMON_NAME_OID.length);
}

function indexOfBytes(haystack: Buffer, needle: readonly number[]): number {
  return haystack.indexOf(Buffer.from(needle));
}

function readString(der: Buffer, offset: number): string | undefined {
  const tag = der[offset];
  let length = der[offset + 1];
  if (tag === undefined || length === undefined) return undefined;
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 2) return undefined;
    length = 0;
    for (let i = 0; i < count; i++) length = (length << 8) | (der[start + i] ?? 0);
    start += count;
  }
  const bytes = der.subarray(start, start + length);
  if (bytes.length !== length) return undefined;
  switch (tag) {
    case 0x0c: // UTF8String
      return bytes.toString("utf8");
    case 0x13: // PrintableString
    case 0x16: // IA5String
    case 0x14: // TeletexString (treated as Latin-1)
      return bytes.toString("latin1");
    case 0x1e: // BMPString (UTF-16BE)
      return Buffer.from(bytes).swap16().toString("utf16le");
    default:
      return undefined;
  }
}
