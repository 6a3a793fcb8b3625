// Java KeyStore (JKS) writer for the TOMCAT export.
//
// HAND-WRITTEN: no maintained JavaScript library writes JKS, so this file implements the format
// directly (Sun's "JKS" keystore type, version 2, as `keytool -storetype JKS` reads it). It writes
// exactly one PrivateKeyEntry holding the key and the full certificate chain.
//
// File layout (all integers big-endian):
//   u32 magic 0xFEEDFEED | u32 version 2 | u32 entry count
//   entry: u32 tag (1 = PrivateKeyEntry) | alias (Java modified UTF-8, u16 length prefix)
//          | u64 creation time (ms since epoch) | u32 length + protected key
//          | u32 chain length | per cert: type "X.509" (u16-prefixed) | u32 length + DER
//   u8[20] SHA-1( password as UTF-16BE || "Mighty Aphrodite" as UTF-8 || every byte above )
//
// The protected key is an EncryptedPrivateKeyInfo whose algorithm is Sun's proprietary key
// protector (OID 1.3.6.1.4.1.42.2.17.1.1, NULL parameters). Its encryptedData is
//   salt (20 random bytes) || (PKCS#8 DER XOR keystream) || SHA-1(password UTF-16BE || PKCS#8 DER)
// where the keystream is D1 || D2 || ... truncated to the key's length, with D0 = salt and
// Di = SHA-1(password UTF-16BE || Di-1). Keytool opens the entry with the store password, so the
// key is protected with that same password.
import { createHash, randomBytes } from "node:crypto";
import { concatBytes, derNull, objectIdentifier, octetString, sequence } from "./der.js";
import { PkiInputError } from "./errors.js";
import { checkKeystorePassword, loadKeystoreMaterial } from "./pkcs12.js";

const MAGIC = 0xfeedfeed;
const VERSION = 2;
const TAG_PRIVATE_KEY_ENTRY = 1;
const KEY_PROTECTOR_OID = "1.3.6.1.4.1.42.2.17.1.1";
const INTEGRITY_WHITENER = "Mighty Aphrodite";
const SHA1_LENGTH = 20;

export interface JksInput {
  alias: string;
  certificatePem: string;
  /** The issuing CA first, up to the root; each string may hold one certificate or a bundle. */
  chainPems: string[];
  privateKeyPem: string;
  password: string;
}

/** Java chars are UTF-16 code units; JKS hashes them as two big-endian bytes each. */
function passwordBytes(password: string): Uint8Array {
  return new Uint8Array(Buffer.from(password, "utf16le").swap16());
}

/** DataOutputStream.writeUTF: u16 length, then "modified UTF-8" (NUL as C0 80, surrogates one by one). */
function javaUtf(text: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x01 && unit <= 0x7f) bytes.push(unit);
    else if (unit <= 0x7ff) bytes.push(0xc0 | (unit >> 6), 0x80 | (unit & 0x3f));
    else bytes.push(0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f));
  }
  if (bytes.length > 0xffff) throw new PkiInputError("JKS alias is too long");
  return concatBytes(u16(bytes.length), Uint8Array.from(bytes));
}

function u16(value: number): Uint8Array {
  return Uint8Array.of(value >> 8, value & 0xff);
}

function u32(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value);
  return bytes;
}

function u64(value: number): Uint8Array {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigUint64(0, BigInt(value));
  return bytes;
}

const sha1 = (...parts: Uint8Array[]): Uint8Array => {
  const hash = createHash("sha1");
  for (const part of parts) hash.update(part);
  return new Uint8Array(hash.digest());
};

/** Sun's key protector (see the header comment), wrapped as an EncryptedPrivateKeyInfo. */
function protectKey(pkcs8: Uint8Array, password: Uint8Array): Uint8Array {
  const salt: Uint8Array = new Uint8Array(randomBytes(SHA1_LENGTH));
  const keystream = new Uint8Array(Math.ceil(pkcs8.length / SHA1_LENGTH) * SHA1_LENGTH);
  let block = salt;
  for (let offset = 0; offset < keystream.length; offset += SHA1_LENGTH) {
    block = sha1(password, block);
    keystream.set(block, offset);
  }
  const encrypted = pkcs8.map((byte, i) => byte ^ keystream[i]!);
  const check = sha1(password, pkcs8);
  const algorithm = sequence(objectIdentifier(KEY_PROTECTOR_OID), derNull());
  return sequence(algorithm, octetString(concatBytes(salt, encrypted, check)));
}

export function buildJks(input: JksInput): Uint8Array {
  const password = passwordBytes(checkKeystorePassword(input.password));
  if (typeof input.alias !== "string" || input.alias.length === 0) {
    throw new PkiInputError("JKS alias must be a non-empty string");
  }
  const { leaf, chain, privateKey } = loadKeystoreMaterial(input);
  const pkcs8 = new Uint8Array(privateKey.export({ type: "pkcs8", format: "der" }));
  const protectedKey = protectKey(pkcs8, password);
  const certificates = [leaf, ...chain];

  const body = concatBytes(
    u32(MAGIC),
    u32(VERSION),
    u32(1),
    u32(TAG_PRIVATE_KEY_ENTRY),
    // JKS aliases are case-insensitive: keytool lower-cases them when storing and looking up.
    javaUtf(input.alias.toLowerCase()),
    u64(Date.now()),
    u32(protectedKey.length),
    protectedKey,
    u32(certificates.length),
    ...certificates.flatMap((der) => [javaUtf("X.509"), u32(der.length), der]),
  );
  const digest = sha1(password, new TextEncoder().encode(INTEGRITY_WHITENER), body);
  return concatBytes(body, digest);
}
