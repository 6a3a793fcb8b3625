// Key generation, loading and conversion. Generation uses node:crypto's async generateKeyPair,
// which runs on libuv's thread pool: a slow RSA4096 key never blocks the emulator's event loop.
import {
  createPrivateKey,
  createPublicKey,
  type KeyObject,
  generateKeyPair as nodeGenerateKeyPair,
  type webcrypto,
} from "node:crypto";
import { PkiInputError } from "./errors.js";
import { decodeFirstPem } from "./pem.js";
import type { KeyAlgorithm, KeyPair, SignatureAlgorithm } from "./types.js";
import { crypto } from "./x509-lib.js";

type KeySpec = { type: "rsa"; modulusLength: number } | { type: "ec"; namedCurve: string };

/** The key algorithms the CCM API offers (docs/api-facts.md §2.1), as node:crypto parameters. */
export const KEY_SPECS: Readonly<Record<KeyAlgorithm, KeySpec>> = {
  RSA2048: { type: "rsa", modulusLength: 2048 },
  RSA4096: { type: "rsa", modulusLength: 4096 },
  EC256: { type: "ec", namedCurve: "prime256v1" },
  EC384: { type: "ec", namedCurve: "secp384r1" },
};

/** WebCrypto hash names and the named curves WebCrypto knows, by OpenSSL curve name. */
export const HASHES: Readonly<Record<SignatureAlgorithm, string>> = {
  SHA256: "SHA-256",
  SHA384: "SHA-384",
  SHA512: "SHA-512",
};
const WEBCRYPTO_CURVES: Readonly<Record<string, string>> = {
  prime256v1: "P-256",
  secp384r1: "P-384",
  secp521r1: "P-521",
};

export function generateKeyPair(algorithm: KeyAlgorithm): Promise<KeyPair> {
  const spec = Object.hasOwn(KEY_SPECS, algorithm) ? KEY_SPECS[algorithm] : undefined;
  if (!spec) return Promise.reject(new PkiInputError(`unsupported key algorithm "${String(algorithm)}"`));
  const encoding = {
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  } as const;
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, publicKeyPem: string, privateKeyPem: string) =>
      error ? reject(error) : resolve({ algorithm, privateKeyPem, publicKeyPem });
    if (spec.type === "rsa") {
      nodeGenerateKeyPair("rsa", { modulusLength: spec.modulusLength, publicExponent: 0x10001, ...encoding }, done);
    } else {
      nodeGenerateKeyPair("ec", { namedCurve: spec.namedCurve, ...encoding }, done);
    }
  });
}

/** The CCM name of a key's algorithm, or "UNSUPPORTED" (RSA-PSS keys, other sizes and curves, EdDSA...). */
export function keyAlgorithmOf(key: KeyObject): KeyAlgorithm | "UNSUPPORTED" {
  const details = key.asymmetricKeyDetails ?? {};
  for (const [name, spec] of Object.entries(KEY_SPECS) as [KeyAlgorithm, KeySpec][]) {
    if (spec.type !== key.asymmetricKeyType) continue;
    if (spec.type === "rsa" && details.modulusLength === spec.modulusLength) return name;
    if (spec.type === "ec" && details.namedCurve === spec.namedCurve) return name;
  }
  return "UNSUPPORTED";
}

/** Loads an unencrypted private key PEM (PKCS#8, PKCS#1 or SEC1). */
export function loadPrivateKey(pem: unknown, what: string): KeyObject {
  if (typeof pem !== "string") throw new PkiInputError(`${what} must be a PEM string`);
  try {
    return createPrivateKey({ key: pem, format: "pem" });
  } catch (cause) {
    throw new PkiInputError(`${what} is not a readable unencrypted private key PEM`, { cause });
  }
}

/** Loads a SubjectPublicKeyInfo PEM ("BEGIN PUBLIC KEY"). */
export function loadPublicKey(pem: unknown, what: string): KeyObject {
  return publicKeyFromSpki(decodeFirstPem(pem, ["PUBLIC KEY"], what), what);
}

export function publicKeyFromSpki(spki: Uint8Array, what: string): KeyObject {
  try {
    return createPublicKey({ key: Buffer.from(spki), format: "der", type: "spki" });
  } catch (cause) {
    throw new PkiInputError(`${what} is not a readable public key`, { cause });
  }
}

/**
 * Compares the public halves as JWK fields rather than bytes: a CSR may carry a compressed EC
 * point, which encodes the same key differently from what node:crypto derives.
 */
export function keysMatch(publicKey: KeyObject, privateKey: KeyObject): boolean {
  const a = publicKey.export({ format: "jwk" });
  const b = createPublicKey(privateKey).export({ format: "jwk" });
  return a.kty === b.kty && a.n === b.n && a.e === b.e && a.crv === b.crv && a.x === b.x && a.y === b.y;
}

export function publicKeyMatchesPrivateKey(publicKeyPem: string, privateKeyPem: string): boolean {
  return keysMatch(loadPublicKey(publicKeyPem, "public key"), loadPrivateKey(privateKeyPem, "private key"));
}

export function hashOf(signatureAlgorithm: SignatureAlgorithm): string {
  const hash = Object.hasOwn(HASHES, signatureAlgorithm) ? HASHES[signatureAlgorithm] : undefined;
  if (!hash) throw new PkiInputError(`unsupported signature algorithm "${String(signatureAlgorithm)}"`);
  return hash;
}

export interface WebCryptoKeys {
  privateKey: webcrypto.CryptoKey;
  publicKey: webcrypto.CryptoKey;
  /** What to pass as @peculiar/x509's `signingAlgorithm`. */
  signingAlgorithm: webcrypto.Algorithm | webcrypto.EcdsaParams;
}

/**
 * Imports a private key (and its public half) into WebCrypto for signing with `hash`:
 * RSA -> RSASSA-PKCS1-v1_5, EC -> ECDSA.
 * GOTCHA: for RSA, WebCrypto takes the hash from the key's import parameters, and @peculiar/x509
 * lets the key's algorithm override the `signingAlgorithm` it is given, so the hash must be
 * chosen here, at import time.
 */
export async function importForSigning(privateKey: KeyObject, hash: string): Promise<WebCryptoKeys> {
  let algorithm: webcrypto.RsaHashedImportParams | webcrypto.EcKeyImportParams;
  let signingAlgorithm: webcrypto.Algorithm | webcrypto.EcdsaParams;
  if (privateKey.asymmetricKeyType === "rsa") {
    algorithm = { name: "RSASSA-PKCS1-v1_5", hash };
    signingAlgorithm = { name: "RSASSA-PKCS1-v1_5" };
  } else {
    const curve =
      privateKey.asymmetricKeyType === "ec"
        ? WEBCRYPTO_CURVES[privateKey.asymmetricKeyDetails?.namedCurve ?? ""]
        : undefined;
    if (!curve) throw new PkiInputError("signing key must be an RSA or a P-256/P-384/P-521 EC key");
    algorithm = { name: "ECDSA", namedCurve: curve };
    signingAlgorithm = { name: "ECDSA", hash };
  }
  const pkcs8 = privateKey.export({ type: "pkcs8", format: "der" });
  const spki = createPublicKey(privateKey).export({ type: "spki", format: "der" });
  const [cryptoPrivate, cryptoPublic] = await Promise.all([
    crypto.subtle.importKey("pkcs8", pkcs8, algorithm, false, ["sign"]),
    crypto.subtle.importKey("spki", spki, algorithm, true, ["verify"]),
  ]);
  return { privateKey: cryptoPrivate, publicKey: cryptoPublic, signingAlgorithm };
}

/**
 * Re-encodes a private key in its "traditional" form, which the live service exports
 * (CCM "Exporting a Certificate": "BEGIN RSA PRIVATE KEY"): PKCS#1 for RSA, SEC1 ("BEGIN EC PRIVATE KEY") for EC. With a
 * password, the PEM is encrypted the OpenSSL way (Proc-Type/DEK-Info headers, AES-256-CBC), which
 * `openssl rsa|ec|pkey -passin` opens.
 */
export function toTraditionalPrivateKeyPem(privateKeyPem: string, password?: string): string {
  const key = loadPrivateKey(privateKeyPem, "private key");
  const type = key.asymmetricKeyType === "rsa" ? "pkcs1" : key.asymmetricKeyType === "ec" ? "sec1" : undefined;
  if (!type) throw new PkiInputError("only RSA and EC keys have a traditional PEM form");
  if (password === undefined) return String(key.export({ type, format: "pem" }));
  if (typeof password !== "string" || password.length === 0) {
    throw new PkiInputError("password must be a non-empty string (omit it for an unencrypted key)");
  }
  return String(key.export({ type, format: "pem", cipher: "aes-256-cbc", passphrase: password }));
}
