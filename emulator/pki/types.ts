// The PKI layer's vocabulary. Values mirror the CCM API enums (docs/api-facts.md §2.1, §3.1) so the
// model can pass request fields through without translation tables.

export type KeyAlgorithm = "RSA2048" | "RSA4096" | "EC256" | "EC384";
export type SignatureAlgorithm = "SHA256" | "SHA384" | "SHA512";

export interface SubjectFields {
  commonName: string;
  country?: string;
  state?: string;
  locality?: string;
  organization?: string;
  organizationalUnit?: string;
}

export interface KeyPair {
  algorithm: KeyAlgorithm;
  /** PKCS#8 PEM ("BEGIN PRIVATE KEY"), "\n" line endings. */
  privateKeyPem: string;
  /** SubjectPublicKeyInfo PEM ("BEGIN PUBLIC KEY"), "\n" line endings. */
  publicKeyPem: string;
}

export type KeyUsage =
  | "digitalSignature"
  | "nonRepudiation"
  | "keyEncipherment"
  | "dataEncipherment"
  | "keyAgreement"
  | "keyCertSign"
  | "cRLSign"
  | "encipherOnly"
  | "decipherOnly";

export type ExtendedKeyUsage = "serverAuth" | "clientAuth" | "codeSigning" | "emailProtection" | "timeStamping";

export interface SubjectAltName {
  type: "DNS" | "IP" | "EMAIL" | "URI";
  value: string;
}

export interface IssueRequest {
  subject: SubjectFields;
  publicKeyPem: string;
  /** "self" = self-signed root, signed with `selfPrivateKeyPem` (the subject's own key). */
  issuer: { certificatePem: string; privateKeyPem: string } | "self";
  selfPrivateKeyPem?: string;
  signatureAlgorithm: SignatureAlgorithm;
  serialNumberHex: string;
  notBefore: Date;
  notAfter: Date;
  /** Present => BasicConstraints cA=true (critical), with pathLenConstraint when given. */
  ca?: { pathLength?: number };
  keyUsages?: KeyUsage[];
  extendedKeyUsages?: ExtendedKeyUsage[];
  subjectAltNames?: SubjectAltName[];
  /** Non-critical; the value is encoded as a UTF8String. */
  customExtension?: { oid: string; value: string };
  /** Non-critical CRL Distribution Points with this one URI (the issuing CA's CRL). */
  crlDistributionPoint?: string;
  /** Non-critical Authority Information Access with this one OCSP responder URI. */
  ocspUrl?: string;
}

export interface ParsedCsr {
  subject: SubjectFields;
  publicKeyPem: string;
  keyAlgorithm: KeyAlgorithm | "UNSUPPORTED";
  /** The key's family and size, whatever they are: "RSA" 3072, "EC" 521, "ED25519" 256… */
  keyType: string;
  keyBits: number | undefined;
  /** Java-style name of the CSR's own signature, e.g. "SHA256withRSA". */
  signatureAlgorithmName: string;
  signatureValid: boolean;
  subjectAltNames: SubjectAltName[];
  /** The usages of the CSR's requested KeyUsage extension; undefined when it asks for none. */
  keyUsages: KeyUsage[] | undefined;
}

export interface ParsedCertificate {
  subject: SubjectFields;
  issuer: SubjectFields;
  /** Lower-case hex of the serial's magnitude (no sign-padding 00 byte), as given to issueCertificate. */
  serialNumberHex: string;
  notBefore: Date;
  notAfter: Date;
  publicKeyPem: string;
  isCa: boolean;
  pathLength?: number;
}
