// ccm-emulator's PKI layer: real keys, certificates, CSRs and keystores for the emulated CCM API.
// Explicit named re-exports only.

export { issueCertificate, parseCertificate, verifyIssuedBy } from "./certificates.js";
export { createCsr, parseCsr } from "./csr.js";
export { PkiInputError } from "./errors.js";
export { buildJks } from "./jks.js";
export { generateKeyPair, publicKeyMatchesPrivateKey, toTraditionalPrivateKeyPem } from "./keys.js";
export { type PemSpan, scanPemBlocks, withCrlf } from "./pem.js";
export { buildPfx } from "./pkcs12.js";
export { generateKeystorePassword, randomSerialHex } from "./random.js";
export type {
  ExtendedKeyUsage,
  IssueRequest,
  KeyAlgorithm,
  KeyPair,
  KeyUsage,
  ParsedCertificate,
  ParsedCsr,
  SignatureAlgorithm,
  SubjectAltName,
  SubjectFields,
} from "./types.js";
export { buildZip } from "./zip.js";
