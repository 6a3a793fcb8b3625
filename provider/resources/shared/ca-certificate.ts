// A CA record's own certificate, for PrivateCa and IntermediateCaCertificate: CCM exports it only
// while the CA is ACTIVED or EXPIRED, and it never changes under the CA's id, so it is exported
// once and kept from then on (also through DISABLED and DELETED, when no export is possible).
import type { CcmClient } from "../../client/index.js";
import type { CaInfo } from "../../schemas/ca.js";

export interface CaCertificatePems {
  certificatePem?: string | undefined;
  certificateChainPem?: string | undefined;
}

export async function caCertificateOnce(
  api: CcmClient,
  info: CaInfo,
  kept: CaCertificatePems,
): Promise<CaCertificatePems> {
  if (kept.certificatePem !== undefined || (info.status !== "ACTIVED" && info.status !== "EXPIRED")) {
    return { certificatePem: kept.certificatePem, certificateChainPem: kept.certificateChainPem };
  }
  const exported = await api.cas.exportCertificate(info.caId);
  return { certificatePem: exported.certificate, certificateChainPem: exported.certificateChain };
}
