// The certificate each language's import test makes outside the stack and then `pulumi import`s:
// how it is applied for, and the inputs the import must record — what the API tells, with the
// subject fields the quickstart's root CA gives it and the validity its window came from, so the
// program taking it over need not guess.
import type { CcmClient } from "../../provider/index.js";

const COMMON_NAME = "legacy.internal.example";
const REQUEST = {
  keyAlgorithm: "RSA2048",
  signatureAlgorithm: "SHA256",
  validity: { type: "DAY", value: 10 },
} as const;

/** The subject fields a certificate inherits from the quickstart's root CA when it gives only a common name. */
export const INHERITED_SUBJECT = {
  country: "CN",
  state: "Sichuan",
  locality: "Chengdu",
  organization: "Example Corp",
  organizationalUnit: "Platform",
};

/** Applies for it behind the stack's back; returns its id. */
export async function applyLegacyCertificate(client: CcmClient, issuerId: string): Promise<string> {
  const { certificateId } = await client.certificates.apply({
    issuerId,
    ...REQUEST,
    distinguishedName: { commonName: COMMON_NAME },
  });
  return certificateId;
}

/** The inputs `pulumi import` must record for it. */
export function importedLegacyInputs(issuerId: string): Record<string, unknown> {
  return { issuerId, ...REQUEST, distinguishedName: { commonName: COMMON_NAME, ...INHERITED_SUBJECT } };
}
