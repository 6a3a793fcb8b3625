// PKCS#12 (IIS export) and JKS (TOMCAT export) keystores, opened with the real tools: OpenSSL 3's
// `pkcs12` and Java's keytool. Keys must come out equal to the ones that went in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildJks,
  buildPfx,
  generateKeyPair,
  generateKeystorePassword,
  PkiInputError,
} from "../../../emulator/pki/index.js";
import { buildChain, type Chain } from "./fixtures.js";
import { keytool, makeWorkdir, openssl, opensslPublicKey, type Workdir } from "./tools.js";

let workdir: Workdir;
beforeAll(async () => {
  workdir = await makeWorkdir();
});
afterAll(() => workdir.remove());

/** The certificates in a PEM bundle, as OpenSSL re-encodes them (comparable strings). */
async function certificatesOf(pemText: string, prefix: string): Promise<string[]> {
  const blocks = pemText.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return Promise.all(
    blocks.map(async (block, index) => {
      const name = await workdir.write(`${prefix}-${index}.pem`, `${block}\n`);
      return (await openssl(workdir.dir, "x509", "-in", name)).stdout;
    }),
  );
}

describe.each([
  { name: "RSA2048", keys: ["RSA2048", "RSA2048", "RSA2048"] as const },
  { name: "EC256", keys: ["EC256", "EC256", "EC256"] as const },
  { name: "EC384 under RSA", keys: ["RSA2048", "RSA2048", "EC384"] as const },
])("keystores for a $name leaf", ({ name, keys }) => {
  let chain: Chain;
  const password = generateKeystorePassword();
  const tag = name.replace(/\W/g, "_");
  const pfxFile = `${tag}-server.pfx`;
  const jksFile = `${tag}-server.jks`;
  let expectedCertificates: string[];
  /** `openssl pkcs12` on `file`, opened with the keystore's password. */
  const pkcs12 = (file: string, ...options: string[]) =>
    openssl(workdir.dir, "pkcs12", "-in", file, "-passin", `pass:${password}`, ...options);
  /** `keytool -list` of `file`, a keystore of `storetype`, opened with `storepass`. */
  const list = (storetype: string, file: string, storepass: string, ...options: string[]) =>
    keytool(workdir.dir, "-list", ...options, "-storetype", storetype, "-keystore", file, "-storepass", storepass);

  beforeAll(async () => {
    chain = await buildChain({ keyAlgorithms: [...keys], signatureAlgorithm: "SHA256" });
    const material = {
      certificatePem: chain.leaf.certificatePem,
      chainPems: [chain.intermediate.certificatePem, chain.root.certificatePem],
      privateKeyPem: chain.leaf.keys.privateKeyPem,
      password,
    };
    await workdir.write(pfxFile, await buildPfx({ ...material, friendlyName: "server" }));
    await workdir.write(jksFile, buildJks({ ...material, alias: "Tomcat" }));
    await workdir.write(`${tag}-leaf.pem`, chain.leaf.certificatePem);
    expectedCertificates = await certificatesOf(
      chain.leaf.certificatePem + chain.intermediate.certificatePem + chain.root.certificatePem,
      `${tag}-expected`,
    );
  });

  describe("PKCS#12", () => {
    it("opens with openssl pkcs12 -info: PBES2/AES-256-CBC, SHA-256 MAC, all three certificates", async () => {
      const info = await pkcs12(pfxFile, "-info", "-nokeys");
      expect(info.code).toBe(0);
      expect(info.stderr).toMatch(/MAC: sha256, Iteration 2048/);
      expect(info.stderr).toMatch(
        /PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC, Iteration 2048, PRF hmacWithSHA256/,
      );
      expect(info.stderr).toMatch(/Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 2048, PRF hmacWithSHA256/);
      expect(info.stdout).toMatch(/friendlyName: server/);
      expect(await certificatesOf(info.stdout, `${tag}-pfx`)).toEqual(expectedCertificates);
    });

    it("yields the leaf's private key with openssl pkcs12 -nocerts", async () => {
      const keyOut = await pkcs12(pfxFile, "-nocerts", "-nodes");
      expect(keyOut.code).toBe(0);
      const keyFile = await workdir.write(`${tag}-pfx-key.pem`, keyOut.stdout);
      expect(await opensslPublicKey(workdir, keyFile, "key")).toBe(chain.leaf.keys.publicKeyPem);
    });

    it("refuses a wrong password (MAC check)", async () => {
      const wrong = await openssl(workdir.dir, "pkcs12", "-in", pfxFile, "-noout", "-passin", "pass:not-the-password");
      expect(wrong.code).not.toBe(0);
      expect(wrong.stderr).toMatch(/Mac verify error/);
    });

    it("lists in keytool -storetype PKCS12 as one PrivateKeyEntry with a chain of 3", async () => {
      const listed = await list("PKCS12", pfxFile, password, "-v");
      expect(listed.code).toBe(0);
      expect(listed.stdout).toContain("Your keystore contains 1 entry");
      expect(listed.stdout).toContain("Alias name: server");
      expect(listed.stdout).toContain("Entry type: PrivateKeyEntry");
      expect(listed.stdout).toContain("Certificate chain length: 3");
      expect(listed.stdout).toMatch(/Certificate\[1\]:\nOwner: CN=www.example.com, OU=CloudBU, O=Huawei/);
      expect(listed.stdout).toMatch(/Certificate\[3\]:\nOwner: CN=Emulator Root CA/);
    });
  });

  describe("JKS", () => {
    it("lists in keytool -storetype JKS as one PrivateKeyEntry with a chain of 3", async () => {
      const listed = await list("JKS", jksFile, password, "-v");
      expect(listed.code).toBe(0);
      expect(listed.stdout).toContain("Keystore type: JKS");
      expect(listed.stdout).toContain("Your keystore contains 1 entry");
      expect(listed.stdout).toContain("Alias name: tomcat"); // JKS aliases are lower-case
      expect(listed.stdout).toContain("Entry type: PrivateKeyEntry");
      expect(listed.stdout).toContain("Certificate chain length: 3");
      expect(listed.stdout).toMatch(/Certificate\[1\]:\nOwner: CN=www.example.com, OU=CloudBU, O=Huawei/);
      expect(listed.stdout).toMatch(/Certificate\[2\]:\nOwner: CN=Emulator Issuing CA/);
    });

    it("refuses a wrong store password (integrity digest)", async () => {
      const wrong = await list("JKS", jksFile, "wrong-pass");
      expect(wrong.code).not.toBe(0);
      expect(wrong.stdout + wrong.stderr).toContain("Keystore was tampered with, or password was incorrect");
    });

    it("gives up its private key to keytool -importkeystore (key protector), equal to the original", async () => {
      const converted = `${tag}-from-jks.p12`;
      const imported = await keytool(
        workdir.dir,
        "-importkeystore",
        "-noprompt",
        "-srckeystore",
        jksFile,
        "-srcstoretype",
        "JKS",
        "-srcstorepass",
        password,
        "-srcalias",
        "tomcat",
        "-srckeypass",
        password,
        "-destkeystore",
        converted,
        "-deststoretype",
        "PKCS12",
        "-deststorepass",
        password,
      );
      expect(imported.code).toBe(0);
      const keyOut = await pkcs12(converted, "-nocerts", "-nodes");
      expect(keyOut.code).toBe(0);
      const keyFile = await workdir.write(`${tag}-jks-key.pem`, keyOut.stdout);
      expect(await opensslPublicKey(workdir, keyFile, "key")).toBe(chain.leaf.keys.publicKeyPem);
      const certsOut = await pkcs12(converted, "-nokeys");
      expect(await certificatesOf(certsOut.stdout, `${tag}-jks`)).toEqual(expectedCertificates);
    });
  });
});

describe("keystore input errors", () => {
  let chain: Chain;
  beforeAll(async () => {
    chain = await buildChain({ keyAlgorithms: ["EC256", "EC256", "EC256"], signatureAlgorithm: "SHA256" });
  });
  const input = () => ({
    certificatePem: chain.leaf.certificatePem,
    chainPems: [chain.intermediate.certificatePem],
    privateKeyPem: chain.leaf.keys.privateKeyPem,
    password: "changeit",
    alias: "server",
  });

  it("refuses a key that does not belong to the certificate", async () => {
    const other = await generateKeyPair("EC256");
    await expect(buildPfx({ ...input(), privateKeyPem: other.privateKeyPem })).rejects.toThrow(
      /private key does not belong to the certificate/,
    );
    expect(() => buildJks({ ...input(), privateKeyPem: other.privateKeyPem })).toThrow(PkiInputError);
  });

  it("refuses empty passwords, empty aliases and garbage chains", async () => {
    await expect(buildPfx({ ...input(), password: "" })).rejects.toThrow(/password/);
    expect(() => buildJks({ ...input(), password: "" })).toThrow(/password/);
    expect(() => buildJks({ ...input(), alias: "" })).toThrow(/alias/);
    expect(() => buildJks({ ...input(), chainPems: ["junk"] })).toThrow(/chain certificate/);
  });
});
