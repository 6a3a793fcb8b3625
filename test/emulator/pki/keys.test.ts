// Keys made by emulator/pki, read back by OpenSSL: sizes and curves, PKCS#8/SPKI encodings, and the
// traditional (PKCS#1 / SEC1) forms the export API answers with, plain and password-encrypted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  generateKeyPair,
  type KeyAlgorithm,
  type KeyPair,
  PkiInputError,
  publicKeyMatchesPrivateKey,
  toTraditionalPrivateKeyPem,
} from "../../../emulator/pki/index.js";
import { makeWorkdir, openssl, opensslPublicKey, type Workdir } from "./tools.js";

const ALGORITHMS: { algorithm: KeyAlgorithm; text: RegExp; traditional: "RSA" | "EC" }[] = [
  { algorithm: "RSA2048", text: /Private-Key: \(2048 bit, 2 primes\)/, traditional: "RSA" },
  { algorithm: "RSA4096", text: /Private-Key: \(4096 bit, 2 primes\)/, traditional: "RSA" },
  { algorithm: "EC256", text: /ASN1 OID: prime256v1/, traditional: "EC" },
  { algorithm: "EC384", text: /ASN1 OID: secp384r1/, traditional: "EC" },
];

let workdir: Workdir;
beforeAll(async () => {
  workdir = await makeWorkdir();
});
afterAll(() => workdir.remove());

describe.each(ALGORITHMS)("a $algorithm key pair", ({ algorithm, text, traditional }) => {
  let keys: KeyPair;
  const file = (name: string) => `${algorithm}-${name}.pem`;

  beforeAll(async () => {
    keys = await generateKeyPair(algorithm);
    await workdir.write(file("pkcs8"), keys.privateKeyPem);
  });

  it("is PKCS#8 + SPKI PEM that openssl reads with the right size or curve", async () => {
    expect(keys.algorithm).toBe(algorithm);
    expect(keys.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----\n$/);
    expect(keys.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----\n$/);
    const result = await openssl(workdir.dir, "pkey", "-in", file("pkcs8"), "-noout", "-text");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(text);
    if (traditional === "RSA") expect(result.stdout).toContain("publicExponent: 65537 (0x10001)");
    expect(await opensslPublicKey(workdir, file("pkcs8"), "key")).toBe(keys.publicKeyPem);
  });

  it("matches its own public key and not another's", async () => {
    expect(publicKeyMatchesPrivateKey(keys.publicKeyPem, keys.privateKeyPem)).toBe(true);
    const other = await generateKeyPair(algorithm === "RSA4096" ? "EC256" : algorithm);
    expect(publicKeyMatchesPrivateKey(other.publicKeyPem, keys.privateKeyPem)).toBe(false);
    expect(publicKeyMatchesPrivateKey(keys.publicKeyPem, other.privateKeyPem)).toBe(false);
  });

  it(`converts to an unencrypted "BEGIN ${traditional} PRIVATE KEY" that openssl checks`, async () => {
    const pem = toTraditionalPrivateKeyPem(keys.privateKeyPem);
    expect(pem).toMatch(new RegExp(`^-----BEGIN ${traditional} PRIVATE KEY-----\\n[A-Za-z0-9+/=\\n]+-----END`));
    await workdir.write(file("traditional"), pem);
    const check = await openssl(workdir.dir, traditional.toLowerCase(), "-in", file("traditional"), "-check", "-noout");
    expect(check.code).toBe(0);
    expect(check.stdout + check.stderr).toMatch(/RSA key ok|EC Key valid/);
    expect(await opensslPublicKey(workdir, file("traditional"), "key")).toBe(keys.publicKeyPem);
  });

  it("converts to an AES-256-CBC encrypted traditional PEM that opens only with its password", async () => {
    const password = "Secret,.+-_#123";
    const pem = toTraditionalPrivateKeyPem(keys.privateKeyPem, password);
    expect(pem).toMatch(
      new RegExp(
        `^-----BEGIN ${traditional} PRIVATE KEY-----\\nProc-Type: 4,ENCRYPTED\\nDEK-Info: AES-256-CBC,[0-9A-F]{32}\\n\\n`,
      ),
    );
    await workdir.write(file("encrypted"), pem);
    /** `openssl <command>` on the encrypted file, opened with `pass`. */
    const open = (command: string, pass: string, ...options: string[]) =>
      openssl(workdir.dir, command, "-in", file("encrypted"), "-passin", `pass:${pass}`, ...options);
    const opened = await open("pkey", password, "-pubout");
    expect(opened.code).toBe(0);
    expect(opened.stdout).toBe(keys.publicKeyPem);
    const legacy = await open(traditional.toLowerCase(), password, "-noout");
    expect(legacy.code).toBe(0);
    const wrong = await open("pkey", "wrong-password", "-noout");
    expect(wrong.code).not.toBe(0);
  });
});

describe("key input errors", () => {
  it("refuses an unknown key algorithm", async () => {
    await expect(generateKeyPair("SM2" as KeyAlgorithm)).rejects.toThrow(PkiInputError);
  });

  it("throws PkiInputError (without echoing the input) for unreadable keys", () => {
    const garbage = "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n";
    expect(() => toTraditionalPrivateKeyPem(garbage)).toThrow(PkiInputError);
    expect(() => toTraditionalPrivateKeyPem(garbage)).not.toThrow(/bm90IGEga2V5/);
    expect(() => publicKeyMatchesPrivateKey("nonsense", garbage)).toThrow(/public key is not a PEM/);
  });

  it("refuses an empty password and keys with no traditional form", async () => {
    const keys = await generateKeyPair("EC256");
    expect(() => toTraditionalPrivateKeyPem(keys.privateKeyPem, "")).toThrow(/non-empty/);
    const ed25519 = (await openssl(workdir.dir, "genpkey", "-algorithm", "ed25519")).stdout;
    expect(() => toTraditionalPrivateKeyPem(ed25519)).toThrow(/only RSA and EC keys/);
  });
});
