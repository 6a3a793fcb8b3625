// PKCS#12 (.pfx) keystores for the IIS export, built with pkijs. The layout follows what
// OpenSSL 3 writes by default, which both `openssl pkcs12` and Java 17's keytool read:
//   AuthenticatedSafe
//     Data          -> SafeContents [ pkcs8ShroudedKeyBag (PBES2: PBKDF2-HMAC-SHA256 + AES-256-CBC) ]
//     EncryptedData -> SafeContents [ certBag leaf, certBag chain... ]   (same PBES2 parameters)
//   MacData: HMAC-SHA256, key from the PKCS#12 KDF (RFC 7292 appendix B)
// The key bag and the leaf's cert bag share a localKeyId (SHA-1 of the leaf) and, when given, a
// friendlyName, which keytool shows as the entry's alias. Chain certs carry no attributes, so
// keytool lists them inside the key entry's chain, not as separate trusted entries.
import { createHash, X509Certificate as NodeX509Certificate } from "node:crypto";
import * as pkijs from "pkijs";
import { bmpString, objectIdentifier, octetString, sequence, setOf } from "./der.js";
import { PkiInputError } from "./errors.js";
import { keysMatch, loadPrivateKey } from "./keys.js";
import { decodeCertificates, decodeFirstPem } from "./pem.js";
import { crypto } from "./x509-lib.js";

const OID = {
  friendlyName: "1.2.840.113549.1.9.20",
  localKeyId: "1.2.840.113549.1.9.21",
  pkcs8ShroudedKeyBag: "1.2.840.113549.1.12.10.1.2",
  certBag: "1.2.840.113549.1.12.10.1.3",
} as const;

// OpenSSL 3's defaults (PBKDF2 and MAC iteration count 2048).
const ITERATIONS = 2048;
const PBES2 = {
  contentEncryptionAlgorithm: { name: "AES-CBC", length: 256 },
  hmacHashAlgorithm: "SHA-256",
  iterationCount: ITERATIONS,
};

const engine = new pkijs.CryptoEngine({ name: "ccm-emulator-pki", crypto });

export interface PfxInput {
  certificatePem: string;
  /** The issuing CA first, up to the root; each string may hold one certificate or a bundle. */
  chainPems: string[];
  privateKeyPem: string;
  password: string;
  /** The entry's alias in keytool; without it keytool calls the entry "1". */
  friendlyName?: string;
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

function attribute(type: string, value: Uint8Array): pkijs.Attribute {
  return pkijs.Attribute.fromBER(toArrayBuffer(sequence(objectIdentifier(type), setOf(value))));
}

export function checkKeystorePassword(password: unknown): string {
  if (typeof password !== "string" || password.length === 0) {
    throw new PkiInputError("keystore password must be a non-empty string");
  }
  return password;
}

/** Loads the leaf, its chain and its key, and checks that the key belongs to the leaf. */
export function loadKeystoreMaterial(input: Omit<PfxInput, "password" | "friendlyName">) {
  const leaf = decodeFirstPem(input.certificatePem, ["CERTIFICATE"], "certificate");
  if (!Array.isArray(input.chainPems)) throw new PkiInputError("chainPems must be an array of PEM strings");
  const chain = input.chainPems.flatMap((pem) => decodeCertificates(pem, "chain certificate"));
  const privateKey = loadPrivateKey(input.privateKeyPem, "private key");
  let leafKey: NodeX509Certificate["publicKey"];
  try {
    leafKey = new NodeX509Certificate(leaf).publicKey;
  } catch (cause) {
    throw new PkiInputError("certificate is not a readable X.509 certificate", { cause });
  }
  if (!keysMatch(leafKey, privateKey)) throw new PkiInputError("private key does not belong to the certificate");
  return { leaf, chain, privateKey };
}

export async function buildPfx(input: PfxInput): Promise<Uint8Array> {
  const password = toArrayBuffer(new TextEncoder().encode(checkKeystorePassword(input.password)));
  const { leaf, chain, privateKey } = loadKeystoreMaterial(input);

  const attributes = [attribute(OID.localKeyId, octetString(createHash("sha1").update(leaf).digest()))];
  if (input.friendlyName !== undefined) attributes.push(attribute(OID.friendlyName, bmpString(input.friendlyName)));

  const pkcs8 = new Uint8Array(privateKey.export({ type: "pkcs8", format: "der" }));
  const keyBag = new pkijs.PKCS8ShroudedKeyBag({ parsedValue: pkijs.PrivateKeyInfo.fromBER(toArrayBuffer(pkcs8)) });
  await keyBag.makeInternalValues({ password, ...PBES2 }, engine);

  const certBags = [leaf, ...chain].map(
    (der, index) =>
      new pkijs.SafeBag({
        bagId: OID.certBag,
        bagValue: new pkijs.CertBag({ parsedValue: pkijs.Certificate.fromBER(toArrayBuffer(der)) }),
        ...(index === 0 ? { bagAttributes: attributes } : {}),
      }),
  );

  const authenticatedSafe = new pkijs.AuthenticatedSafe({
    parsedValue: {
      safeContents: [
        {
          privacyMode: 0, // plain Data: the key bag is encrypted by itself
          value: new pkijs.SafeContents({
            safeBags: [
              new pkijs.SafeBag({ bagId: OID.pkcs8ShroudedKeyBag, bagValue: keyBag, bagAttributes: attributes }),
            ],
          }),
        },
        { privacyMode: 1, value: new pkijs.SafeContents({ safeBags: certBags }) }, // password-encrypted
      ],
    },
  });
  await authenticatedSafe.makeInternalValues({ safeContents: [{}, { password, ...PBES2 }] }, engine);

  const pfx = new pkijs.PFX({ parsedValue: { integrityMode: 0, authenticatedSafe } }); // 0 = password MAC
  await pfx.makeInternalValues(
    { password, iterations: ITERATIONS, pbkdf2HashAlgorithm: { name: "SHA-256" }, hmacHashAlgorithm: "SHA-256" },
    engine,
  );
  return new Uint8Array(pfx.toSchema().toBER(false));
}
