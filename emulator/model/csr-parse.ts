// `POST /v1/private-certificates/csr/parse` (docs/api-facts.md §2.8): what a CSR asks for, read the way CSR
// issuance reads it, without issuing anything.

import { PkiInputError, parseCsr } from "../pki/index.js";
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
  const csrText = requireString(requireObject(body, "body"), "csr");
  let parsed: Awaited<ReturnType<typeof parseCsr>>;
  try {
    parsed = await parseCsr(unescapePem(csrText));
  } catch (error) {
    if (error instanceof PkiInputError)
      throw new ApiError("incorrectParameter", "Parameter csr is not a readable CSR.");
    throw error;
  }
  // The same bar as issuance: a CSR whose signature does not verify proves nothing.
  if (!parsed.signatureValid) throw new ApiError("incorrectParameter", "The signature of the CSR does not verify.");
  return {
    keyAlgorithm: parsed.keyType,
    keyAlgorithmLength: parsed.keyBits,
    signatureAlgorithm: parsed.signatureAlgorithmName,
    publicKeyPem: parsed.publicKeyPem,
    distinguishedName: { ...parsed.subject, commonName: parsed.subject.commonName },
  };
}
