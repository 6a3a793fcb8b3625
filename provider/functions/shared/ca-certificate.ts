// A CA's certificate for the lookups: CCM exports it only for an ACTIVED or EXPIRED CA
// (docs/api-facts.md §3), so the lookups ask only then.
import type { CcmClient } from "../../client/index.js";

export const CA_CERTIFICATE_STATUSES: readonly string[] = ["ACTIVED", "EXPIRED"];

export async function caCertificatePems(
  client: CcmClient,
  caId: string,
): Promise<{ certificatePem: string; certificateChainPem?: string }> {
  const exported = await client.cas.exportCertificate(caId);
  return {
    certificatePem: exported.certificate,
    ...(exported.certificateChain ? { certificateChainPem: exported.certificateChain } : {}),
  };
}
