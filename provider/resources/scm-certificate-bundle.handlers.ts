// ScmCertificateBundle handlers. An export is a read: it creates nothing in SCM, so the resource
// is the exported material, kept stable across refreshes for as long as SCM holds the same
// certificate. Metadata is read locally with node:crypto, so it always describes exactly the
// exported certificate.
import { z } from "zod";
import type { CcmClient } from "../client/index.js";
import { isNotFoundError } from "../errors.js";
import { fullChainPem } from "../pem.js";
import { client } from "../runtime/context.js";
import type { ResourceHandlers } from "../runtime/handlers.js";
import { ID_LIMITS } from "../schemas/enums.js";
import { type CertificateFacts, certificateFacts, splitLeafAndChain } from "./certificate-facts.js";
import { checkInputs } from "./check.js";
import { definedEntries, GONE, withoutProvider } from "./common.js";
import { type DiffPlan, replacementDiff } from "./diff.js";
import { SECRET_PROPERTIES } from "./secrets.js";

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
  fullChainPem: string;
  privateKeyPem?: string;
}

/** The bundle is a pure function of the certificate it exports. */
export const SCM_CERTIFICATE_BUNDLE_DIFF: DiffPlan = { replaceOn: ["certificateId"], updateOn: [] };

/** The certificate, and every other certificate of the chain once, in the order SCM gave them. */
async function exportBundle(api: CcmClient, inputs: ScmCertificateBundleInputs): Promise<ScmCertificateBundleOutputs> {
  const exported = await api.scm.exportCertificate(inputs.certificateId);
  // `certificate` is the leaf alone; should it be missing, entire_certificate starts with it.
  const { leaf, chain } = splitLeafAndChain(
    exported.certificate ?? exported.entireCertificate,
    exported.certificateChain ?? exported.entireCertificate,
  );
  const full = fullChainPem(leaf, chain);
  return {
    ...inputs,
    ...definedEntries({
      certificateChainPem: chain === "" ? undefined : chain,
      privateKeyPem: exported.privateKey,
    }),
    entireCertificatePem: exported.entireCertificate ?? full,
    certificatePem: leaf,
    fullChainPem: full,
    ...certificateFacts(leaf),
  };
}

export const scmCertificateBundleHandlers: ResourceHandlers<ScmCertificateBundleInputs, ScmCertificateBundleOutputs> = {
  async check(_olds, news) {
    return checkInputs(scmCertificateBundleInputs, news, { secrets: SECRET_PROPERTIES.ScmCertificateBundle });
  },

  async diff(_id, olds, news) {
    return replacementDiff(SCM_CERTIFICATE_BUNDLE_DIFF, olds, news);
  },

  async create(inputs) {
    const args = withoutProvider(inputs) as ScmCertificateBundleInputs;
    return { id: args.certificateId, outs: await exportBundle(client(), args) };
  },

  async read(id, props) {
    if (!props) return GONE;
    const stored = withoutProvider(props) as ScmCertificateBundleOutputs;
    let fresh: ScmCertificateBundleOutputs;
    try {
      fresh = await exportBundle(client(), { certificateId: stored.certificateId });
    } catch (error) {
      // Deleted in SCM: the bundle leaves state (the next up tries the export again and says why
      // it fails), rather than keeping key material for a certificate that no longer exists.
      if (isNotFoundError(error)) return GONE;
      throw error;
    }
    // Same certificate → the stored outputs stand, so a refresh of an unchanged bundle reports
    // no change; a renewed or replaced certificate (same SCM id) is taken as exported now.
    return { id, props: fresh.certificatePem === stored.certificatePem ? stored : fresh };
  },

  async update(_id, _olds, news) {
    // diff never plans an in-place change (every property replaces); should the engine call
    // update anyway, exporting again keeps the outputs whole rather than emptying them.
    return { outs: await exportBundle(client(), withoutProvider(news) as ScmCertificateBundleInputs) };
  },

  async delete() {
    // NO-OP: an export creates nothing in SCM, and the certificate itself is bought or uploaded
    // (and deleted) in SCM, outside this stack; Pulumi only forgets the exported copy.
  },
};
