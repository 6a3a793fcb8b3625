// ScmCertificateBundle handlers. An export is a read: it creates nothing in SCM, so the resource
// is the exported material, kept stable across refreshes for as long as SCM holds the same
// certificate. Metadata is read locally with node:crypto, so it always describes exactly the
// exported certificate.
import { z } from "zod";
import type { CcmClient } from "../../client/index.js";
import { fullChainPem } from "../../pem.js";
import { ID_LIMITS } from "../../schemas/enums.js";
import { type CertificateFacts, certificateFacts, splitLeafAndChain } from "../shared/certificate-facts.js";
import { definedEntries } from "../shared/common.js";
import { exportAgain, exportHandlers } from "../shared/export-handlers.js";

export const scmCertificateBundleInputs = z.strictObject({
  certificateId: z
    .string()
    .regex(ID_LIMITS.scmCertificate.pattern, `must be an SCM certificate id: ${ID_LIMITS.scmCertificate.allowed}`),
});

export type ScmCertificateBundleInputs = z.output<typeof scmCertificateBundleInputs>;

export interface ScmCertificateBundleOutputs extends ScmCertificateBundleInputs, CertificateFacts {
  entireCertificatePem: string;
  certificatePem: string;
  certificateChainPem?: string;
  // fullChainPem is derived, not stored: derived-outputs.ts.
  privateKeyPem?: string;
}

/** The certificate, and every other certificate of the chain once, in the order SCM gave them. */
async function exportBundle(api: CcmClient, inputs: ScmCertificateBundleInputs): Promise<ScmCertificateBundleOutputs> {
  const exported = await api.scm.exportCertificate(inputs.certificateId);
  // `certificate` is the leaf alone; should it be missing, entire_certificate starts with it.
  const { leaf, chain } = splitLeafAndChain(
    exported.certificate ?? exported.entireCertificate,
    exported.certificateChain ?? exported.entireCertificate,
  );
  return {
    ...inputs,
    ...definedEntries({
      certificateChainPem: chain === "" ? undefined : chain,
      privateKeyPem: exported.privateKey,
    }),
    entireCertificatePem: exported.entireCertificate ?? fullChainPem(leaf, chain),
    certificatePem: leaf,
    ...certificateFacts(leaf),
  };
}

export const scmCertificateBundleHandlers = exportHandlers({
  inputs: scmCertificateBundleInputs,
  idOf: (inputs) => inputs.certificateId,
  exportNow: exportBundle,
  // Same certificate → the stored outputs stand; a renewed or replaced certificate (same SCM id) is
  // taken as exported now. Deleted in SCM: the bundle leaves state (the next up tries the export
  // again and says why it fails), rather than keeping key material for a certificate that is gone.
  refresh: (api, stored) =>
    exportAgain(() => exportBundle(api, { certificateId: stored.certificateId }), stored, ["certificatePem"]),
});
// delete stays a no-op: the certificate is bought or uploaded (and deleted) in SCM, outside this stack.
