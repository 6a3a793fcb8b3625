// Key material for the APIs that only hand out certificates made elsewhere (SCM exports, SMS
// migration tasks): a small CA and RSA leaf certificates, made with the same PKI layer.

import { generateKeyPair, issueCertificate, type KeyPair, toTraditionalPrivateKeyPem } from "../pki/index.js";
import type { SerialIndex } from "./context.js";
import { addYears } from "./validity.js";

const DNS_SAFE = /^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/;

export interface Issued {
  certificatePem: string;
  /** Traditional ("BEGIN RSA PRIVATE KEY") PEM, as the SCM and SMS samples show. */
  privateKeyPem: string;
  keys: KeyPair;
}

export async function makeRoot(serials: SerialIndex, commonName: string, now: number): Promise<Issued> {
  const keys = await generateKeyPair("RSA2048");
  const certificatePem = await issueCertificate({
    subject: { commonName, organization: "ccm-emulator" },
    publicKeyPem: keys.publicKeyPem,
    issuer: "self",
    selfPrivateKeyPem: keys.privateKeyPem,
    signatureAlgorithm: "SHA256",
    serialNumberHex: serials.fresh(),
    notBefore: new Date(now),
    notAfter: new Date(addYears(now, 10)),
    ca: { pathLength: 0 },
    keyUsages: ["digitalSignature", "keyCertSign", "cRLSign"],
  });
  return { certificatePem, privateKeyPem: toTraditionalPrivateKeyPem(keys.privateKeyPem), keys };
}

/** A TLS leaf for `commonName`, signed by `issuer` or self-signed when there is none. */
export async function makeLeaf(
  serials: SerialIndex,
  commonName: string,
  issuer: Issued | undefined,
  now: number,
): Promise<Issued> {
  const keys = await generateKeyPair("RSA2048");
  const certificatePem = await issueCertificate({
    subject: { commonName, organization: "ccm-emulator" },
    publicKeyPem: keys.publicKeyPem,
    issuer: issuer ? { certificatePem: issuer.certificatePem, privateKeyPem: issuer.keys.privateKeyPem } : "self",
    selfPrivateKeyPem: keys.privateKeyPem,
    signatureAlgorithm: "SHA256",
    serialNumberHex: serials.fresh(),
    notBefore: new Date(now),
    notAfter: new Date(addYears(now, 1)),
    keyUsages: ["digitalSignature", "keyEncipherment"],
    extendedKeyUsages: ["serverAuth", "clientAuth"],
    subjectAltNames: DNS_SAFE.test(commonName) ? [{ type: "DNS", value: commonName }] : [],
  });
  return { certificatePem, privateKeyPem: toTraditionalPrivateKeyPem(keys.privateKeyPem), keys };
}
