// Random values the emulator hands out: certificate serial numbers and keystore passwords.
import { randomBytes, randomInt } from "node:crypto";

/**
 * 16 random bytes as lower-case hex (32 digits), in normalizeSerialHex's canonical form. The top
 * two bits are fixed to 01: the serial is positive and its first byte never zero, so its DER
 * encoding is exactly 16 octets and the hex round-trips unchanged through a certificate.
 * 126 random bits make a collision practically impossible (CA/B Forum asks for 64).
 */
export function randomSerialHex(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x3f) | 0x40;
  return bytes.toString("hex");
}

// Letters and digits only: the export API's password rule allows them, and they survive any
// shell, file or keytool prompt unquoted.
const PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
const PASSWORD_LENGTH = 20;

/** The password written to keystorePass.txt: 20 characters, about 115 bits of entropy. */
export function generateKeystorePassword(): string {
  let password = "";
  for (let i = 0; i < PASSWORD_LENGTH; i++) password += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)];
  return password;
}
