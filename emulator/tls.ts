// --tls: the emulator makes its own CA and a server certificate for 127.0.0.1 / ::1 / localhost
// (plus the listen host), serves HTTPS with them and writes the CA PEM to a file clients can pass
// as a custom CA bundle. The CA is kept in the TLS directory and reused on the next start, so a
// client that trusts it once keeps trusting a restarted emulator on the same data directory.

import { mkdir, readFile, writeFile } from "node:fs/promises";
import { isIP } from "node:net";
import { join } from "node:path";
import { generateKeyPair, issueCertificate, type KeyPair, randomSerialHex, type SubjectAltName } from "./pki/index.js";

export interface TlsMaterial {
  caFile: string;
  caCertificatePem: string;
  certificatePem: string;
  privateKeyPem: string;
}

const DAY_MS = 86_400_000;

async function loadOrMakeCa(dir: string, now: number): Promise<{ certificatePem: string; keys: KeyPair }> {
  const certificateFile = join(dir, "ca.pem");
  const keyFile = join(dir, "ca-key.pem");
  const [certificatePem, privateKeyPem, publicKeyPem] = await Promise.all(
    [certificateFile, keyFile, join(dir, "ca-public.pem")].map((file) => readFile(file, "utf8").catch(() => undefined)),
  );
  if (certificatePem && privateKeyPem && publicKeyPem) {
    return { certificatePem, keys: { algorithm: "EC256", privateKeyPem, publicKeyPem } };
  }
  const keys = await generateKeyPair("EC256");
  const made = await issueCertificate({
    subject: { commonName: "ccm-emulator local CA", organization: "ccm-emulator" },
    publicKeyPem: keys.publicKeyPem,
    issuer: "self",
    selfPrivateKeyPem: keys.privateKeyPem,
    signatureAlgorithm: "SHA256",
    serialNumberHex: randomSerialHex(),
    notBefore: new Date(now - DAY_MS),
    notAfter: new Date(now + 10 * 365 * DAY_MS),
    ca: { pathLength: 0 },
    keyUsages: ["digitalSignature", "keyCertSign", "cRLSign"],
  });
  await writeFile(keyFile, keys.privateKeyPem, { mode: 0o600 });
  await writeFile(join(dir, "ca-public.pem"), keys.publicKeyPem);
  await writeFile(certificateFile, made);
  return { certificatePem: made, keys };
}

export async function prepareTls(dir: string, host: string): Promise<TlsMaterial> {
  await mkdir(dir, { recursive: true });
  const now = Date.now();
  const ca = await loadOrMakeCa(dir, now);
  const names: SubjectAltName[] = [
    { type: "DNS", value: "localhost" },
    { type: "IP", value: "127.0.0.1" },
    { type: "IP", value: "::1" },
  ];
  if (host !== "0.0.0.0" && host !== "::" && !names.some((name) => name.value === host)) {
    names.push({ type: isIP(host) ? "IP" : "DNS", value: host });
  }
  const keys = await generateKeyPair("EC256");
  const certificatePem = await issueCertificate({
    subject: { commonName: "localhost", organization: "ccm-emulator" },
    publicKeyPem: keys.publicKeyPem,
    issuer: { certificatePem: ca.certificatePem, privateKeyPem: ca.keys.privateKeyPem },
    signatureAlgorithm: "SHA256",
    serialNumberHex: randomSerialHex(),
    notBefore: new Date(now - DAY_MS),
    notAfter: new Date(now + 365 * DAY_MS),
    keyUsages: ["digitalSignature"],
    extendedKeyUsages: ["serverAuth"],
    subjectAltNames: names,
  });
  return {
    caFile: join(dir, "ca.pem"),
    caCertificatePem: ca.certificatePem,
    certificatePem,
    privateKeyPem: keys.privateKeyPem,
  };
}
