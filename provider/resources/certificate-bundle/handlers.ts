// CertificateBundle handlers. The PEMs come from the JSON export (for IIS and TOMCAT, whose JSON
// form the docs leave undefined, from the OTHER type); keystores come from the zip. Metadata is
// read locally with node:crypto, so it always describes exactly the exported certificate.
import { z } from "zod";
import type { CcmClient } from "../../client/index.js";
import { ccmId } from "../../schemas/certificate.js";
import { EXPORT_TYPES, type ExportType } from "../../schemas/enums.js";
import { exportCertificateArgs } from "../../schemas/export.js";
import { type CertificateFacts, certificateFacts, splitLeafAndChain } from "../shared/certificate-facts.js";
import { definedEntries } from "../shared/common.js";
import { exportHandlers } from "../shared/export-handlers.js";

export const certificateBundleInputs = z.strictObject({
  certificateId: ccmId,
  type: z.enum(EXPORT_TYPES),
  password: exportCertificateArgs.shape.password,
});

export type CertificateBundleInputs = z.output<typeof certificateBundleInputs>;

export interface CertificateBundleOutputs extends CertificateBundleInputs, CertificateFacts {
  certificatePem: string;
  certificateChainPem?: string;
  // fullChainPem is derived, not stored: derived-outputs.ts.
  privateKeyPem?: string;
  pfxBase64?: string;
  jksBase64?: string;
  keystorePassword?: string;
  certificateStatus: string;
}

/** Types whose JSON export the docs define; IIS and TOMCAT take their PEMs from OTHER. */
const JSON_EXPORT_TYPES: ReadonlySet<ExportType> = new Set(["APACHE", "NGINX", "OTHER"]);
const KEYSTORE_TYPES: ReadonlySet<ExportType> = new Set(["IIS", "TOMCAT"]);

async function exportPems(api: CcmClient, inputs: CertificateBundleInputs) {
  const type = JSON_EXPORT_TYPES.has(inputs.type) ? inputs.type : "OTHER";
  const pem = await api.certificates.exportPem(inputs.certificateId, {
    type,
    ...definedEntries({ password: inputs.password }),
  });
  return { ...splitLeafAndChain(pem.certificate, pem.certificateChain), privateKey: pem.privateKey };
}

async function exportBundle(api: CcmClient, inputs: CertificateBundleInputs): Promise<CertificateBundleOutputs> {
  const pems = await exportPems(api, inputs);
  const archive = KEYSTORE_TYPES.has(inputs.type)
    ? await api.certificates.exportArchive(inputs.certificateId, {
        type: inputs.type,
        ...definedEntries({ password: inputs.password }),
      })
    : undefined;
  const keystore = archive?.pfx ?? archive?.jks;
  return {
    ...inputs,
    ...definedEntries({
      certificateChainPem: pems.chain === "" ? undefined : pems.chain,
      privateKeyPem: pems.privateKey,
      pfxBase64: archive?.pfx ? Buffer.from(archive.pfx).toString("base64") : undefined,
      jksBase64: archive?.jks ? Buffer.from(archive.jks).toString("base64") : undefined,
      // Without a password of ours the service chose one and shipped it as keystorePass.txt.
      keystorePassword: keystore ? (inputs.password ?? archive?.keystorePassword) : undefined,
    }),
    certificatePem: pems.leaf,
    ...certificateFacts(pems.leaf),
    certificateStatus: "ISSUED",
  };
}

/**
 * A refresh. Revoked or expired: the service no longer exports it; keep what was exported, say
 * why. Keystores (and encrypted keys) differ at every export: export again only when the
 * certificate itself changed, so a refresh of an unchanged bundle reports no change.
 */
async function refreshBundle(api: CcmClient, stored: CertificateBundleOutputs) {
  const info = await api.certificates.find(stored.certificateId);
  if (!info) return undefined;
  if (info.status !== "ISSUED") return { ...stored, certificateStatus: info.status };
  const pems = await exportPems(api, stored);
  if (pems.leaf === stored.certificatePem) return { ...stored, certificateStatus: "ISSUED" };
  return exportBundle(api, stored);
}

export const certificateBundleHandlers = exportHandlers({
  inputs: certificateBundleInputs,
  idOf: (inputs) => `${inputs.certificateId}/${inputs.type.toLowerCase()}`,
  exportNow: exportBundle,
  refresh: refreshBundle,
});
// delete stays a no-op: the certificate's own resource owns it.
