// A root -> intermediate -> leaf chain made with the module under test, for the tests that check
// it with real tools.
import {
  generateKeyPair,
  type IssueRequest,
  issueCertificate,
  type KeyAlgorithm,
  type KeyPair,
  randomSerialHex,
  type SignatureAlgorithm,
  type SubjectFields,
} from "../../../emulator/pki/index.js";

export interface Issued {
  keys: KeyPair;
  certificatePem: string;
  serialNumberHex: string;
}

export interface Chain {
  root: Issued;
  intermediate: Issued;
  leaf: Issued;
}

const HOUR = 3_600_000;
export const ROOT_SUBJECT: SubjectFields = {
  country: "CN",
  state: "Sichuan",
  locality: "Chengdu",
  organization: "Huawei",
  organizationalUnit: "CloudBU",
  commonName: "Emulator Root CA",
};
export const INTERMEDIATE_SUBJECT: SubjectFields = { ...ROOT_SUBJECT, commonName: "Emulator Issuing CA" };
export const LEAF_SUBJECT: SubjectFields = { ...ROOT_SUBJECT, commonName: "www.example.com" };

export const LEAF_EXTRAS = {
  keyUsages: ["digitalSignature", "keyEncipherment"],
  extendedKeyUsages: ["serverAuth", "clientAuth"],
  subjectAltNames: [
    { type: "DNS", value: "www.example.com" },
    { type: "IP", value: "156.127.116.38" },
    { type: "IP", value: "2001:db8::1" },
    { type: "EMAIL", value: "ops@example.com" },
    { type: "URI", value: "https://example.com/ccm" },
  ],
  customExtension: { oid: "1.3.6.1.4.1.2011.4.99", value: "emulator-custom-value" },
} satisfies Partial<IssueRequest>;

async function issue(
  keys: KeyPair,
  request: Omit<IssueRequest, "publicKeyPem" | "serialNumberHex" | "notBefore" | "notAfter">,
  years: number,
): Promise<Issued> {
  const serialNumberHex = randomSerialHex();
  const now = Date.now();
  const certificatePem = await issueCertificate({
    ...request,
    publicKeyPem: keys.publicKeyPem,
    serialNumberHex,
    notBefore: new Date(now - HOUR),
    notAfter: new Date(now + years * 365 * 24 * HOUR),
  });
  return { keys, certificatePem, serialNumberHex };
}

export interface ChainOptions {
  keyAlgorithms: [root: KeyAlgorithm, intermediate: KeyAlgorithm, leaf: KeyAlgorithm];
  signatureAlgorithm: SignatureAlgorithm;
}

export async function buildChain({ keyAlgorithms, signatureAlgorithm }: ChainOptions): Promise<Chain> {
  const [rootKeys, intermediateKeys, leafKeys] = await Promise.all(keyAlgorithms.map(generateKeyPair));
  // Both CAs may sign certificates and CRLs; only the intermediate limits the path below it.
  const asCa = {
    signatureAlgorithm,
    keyUsages: ["digitalSignature", "keyCertSign", "cRLSign"],
  } satisfies Partial<IssueRequest>;
  const root = await issue(
    rootKeys!,
    { ...asCa, subject: ROOT_SUBJECT, issuer: "self", selfPrivateKeyPem: rootKeys!.privateKeyPem, ca: {} },
    20,
  );
  const rootIssuer = { certificatePem: root.certificatePem, privateKeyPem: rootKeys!.privateKeyPem };
  const intermediate = await issue(
    intermediateKeys!,
    { ...asCa, subject: INTERMEDIATE_SUBJECT, issuer: rootIssuer, ca: { pathLength: 0 } },
    10,
  );
  const leaf = await issue(
    leafKeys!,
    {
      subject: LEAF_SUBJECT,
      issuer: { certificatePem: intermediate.certificatePem, privateKeyPem: intermediateKeys!.privateKeyPem },
      signatureAlgorithm,
      ...LEAF_EXTRAS,
    },
    1,
  );
  return { root, intermediate, leaf };
}
