// `POST /v1/private-certificates/csr/parse` (docs/api-facts.md §2.8): what a CSR asks for, read the way CSR
// issuance reads it, without issuing anything.

import { type ParsedCsr, PkiInputError, parseCsr } from "../pki/index.js";
import { ApiError } from "./errors.js";
import { requireObject, requireString } from "./fields.js";
import { unescapePem } from "./pem.js";
import type { DistinguishedName } from "./records.js";

export interface CsrSummary {
  /** The key's family: "RSA", "EC"… (the API pairs it with a separate length). */
  keyAlgorithm: string;
  keyAlgorithmLength: number | undefined;
  /** e.g. "SHA256withRSA", the form the API's field description gives. */
  signatureAlgorithm: string;
  publicKeyPem: string;
  distinguishedName: DistinguishedName;
}

export async function parseCsrRequest(body: unknown): Promise<CsrSummary> {
  const parsed = await readSignedCsr(requireString(requireObject(body, "body"), "csr"));
  return {
    keyAlgorithm: parsed.keyType,
    keyAlgorithmLength: parsed.keyBits,
    signatureAlgorithm: parsed.signatureAlgorithmName,
    publicKeyPem: parsed.publicKeyPem,
    distinguishedName: { ...parsed.subject, commonName: parsed.subject.commonName },
  };
}

/**
 * A CSR from a request field, parsed; shared with CSR issuance (certificate-issue.ts) so both
 * refuse the same inputs with the same errors. A CSR whose signature does not verify proves nothing.
 */
export async function readSignedCsr(text: string): Promise<ParsedCsr> {
  let parsed: ParsedCsr;
  try {
    parsed = await parseCsr(unescapePem(text));
  } catch (error) {
    if (error instanceof PkiInputError)
      throw new ApiError("incorrectParameter", "Parameter csr is not a readable CSR.");
    throw error;
  }
  if (!parsed.signatureValid) throw new ApiError("incorrectParameter", "The signature of the CSR does not verify.");
  return parsed;
}
