// A CSR built byte by byte, for what no CSR library will write: a subject whose common name is a
// BMPString of odd length (BMPString is UTF-16, so its length must be even). Otherwise a valid,
// correctly signed PKCS#10 request (EC P-256, ECDSA with SHA-256).

import { generateKeyPairSync, sign } from "node:crypto";
import { objectIdentifier, sequence, setOf, tlv } from "../../../emulator/pki/der.js";

function pem(label: string, der: Uint8Array): string {
  const lines =
    Buffer.from(der)
      .toString("base64")
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

/** A name with one RDN: commonName as a BMPString holding exactly `bytes`. */
function bmpCommonName(bytes: Uint8Array): Uint8Array {
  return sequence(setOf(sequence(objectIdentifier("2.5.4.3"), tlv(0x1e, bytes))));
}

/** A signed CSR whose commonName BMPString has the given raw content (odd length = malformed). */
export function csrWithBmpCommonName(bytes: Uint8Array): string {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const spki = new Uint8Array(publicKey.export({ type: "spki", format: "der" }));
  const info = sequence(tlv(0x02, Uint8Array.of(0)), bmpCommonName(bytes), spki, tlv(0xa0, new Uint8Array()));
  const signature = new Uint8Array(sign("sha256", info, privateKey));
  const algorithm = sequence(objectIdentifier("1.2.840.10045.4.3.2"));
  const bitString = tlv(0x03, Uint8Array.from([0, ...signature]));
  return pem("CERTIFICATE REQUEST", sequence(info, algorithm, bitString));
}

/** "AB" as UTF-16BE plus one stray byte: an odd-length BMPString. */
export const ODD_BMP = Uint8Array.of(0x00, 0x41, 0x00, 0x42, 0x00);
