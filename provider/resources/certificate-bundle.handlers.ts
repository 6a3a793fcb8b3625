// CertificateBundle handlers. The PEMs come from the JSON export (for IIS and TOMCAT, whose JSON
// form the docs leave undefined, from the OTHER type); keystores come from the zip. Metadata is
// read locally with node:crypto, so it always describes exactly the exported certificate.
import { z } from "zod";
import type { CcmClient } from "../client/index.js";
import { fullChainPem } from "../pem.js";
import { client } from "../runtime/context.js";
import type { ResourceHandlers } from "../runtime/handlers.js";
import { ccmId } from "../schemas/certificate.js";
import { EXPORT_TYPES, type ExportType } from "../schemas/enums.js";
import { exportCertificateArgs } from "../schemas/export.js";
import { type CertificateFacts, certificateFacts, splitLeafAndChain } from "./certificate-facts.js";
import { checkInputs } from "./check.js";
import { definedEntries, GONE, withoutProvider } from "./common.js";
import { type DiffPlan, replacementDiff } from "./diff.js";
import { SECRET_PROPERTIES } from "./secrets.js";

export const certificateBundleInputs = z.strictObject({
  certificateId: ccmId,
  type: z.enum(EXPORT_TYPES),
  password: exportCertificateArgs.shape.password,
});

export type CertificateBundleInputs = z.output<typeof certificateBundleInputs>;

export interface CertificateBundleOutputs extends CertificateBundleInputs, CertificateFacts {
  certificatePem: string;
  certificateChainPem?: string;
  fullChainPem: string;
  privateKeyPem?: string;
  pfxBase64?: string;
  jksBase64?: string;
  keystorePassword?: string;
  certificateStatus: string;
}

/** A bundle is a pure function of these: any change exports anew. */
export const CERTIFICATE_BUNDLE_DIFF: DiffPlan = { replaceOn: ["certificateId", "type", "password"], updateOn: [] };

/** Types whose JSON export the docs define; IIS and TOMCAT take their PEMs from OTHER. */
const JSON_EXPORT_TYPES: ReadonlySet<ExportType> = new Set(["APACHE", "NGINX", "OTHER"]);
const KEYSTORE_TYPES: ReadonlySet<ExportType> = new Set(["IIS", "TOMCAT"]);

function bundleId(inputs: CertificateBundleInputs): string {
  return `${inputs.certificateId}/${inputs.type.toLowerCase()}`;
}

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
    fullChainPem: fullChainPem(pems.leaf, pems.chain),
    ...certificateFacts(pems.leaf),
    certificateStatus: "ISSUED",
  };
}

export const certificateBundleHandlers: ResourceHandlers<CertificateBundleInputs, CertificateBundleOutputs> = {
  async check(_olds, news) {
    return checkInputs(certificateBundleInputs, news, { secrets: SECRET_PROPERTIES.CertificateBundle });
  },

  async diff(_id, olds, news) {
    return replacementDiff(CERTIFICATE_BUNDLE_DIFF, olds, news);
  },

  async create(inputs) {
    const args = withoutProvider(inputs) as CertificateBundleInputs;
    return { id: bundleId(args), outs: await exportBundle(client(), args) };
  },

  async read(id, props) {
    if (!props) return GONE;
    const stored = withoutProvider(props) as CertificateBundleOutputs;
    const api = client();
    const info = await api.certificates.find(stored.certificateId);
    if (!info) return GONE;
    // Revoked or expired: the service no longer exports it; keep what was exported, say why.
    if (info.status !== "ISSUED") return { id, props: { ...stored, certificateStatus: info.status } };
    // Keystores (and encrypted keys) differ at every export; export again only when the
    // certificate itself changed, so a refresh of an unchanged bundle reports no change.
    const pems = await exportPems(api, stored);
    if (pems.leaf === stored.certificatePem) return { id, props: { ...stored, certificateStatus: "ISSUED" } };
    return { id, props: await exportBundle(api, stored) };
  },

  async update(_id, _olds, news) {
    // Every property replaces, so the engine calls update only to finish a failed create.
    return { outs: await exportBundle(client(), withoutProvider(news) as CertificateBundleInputs) };
  },

  async delete() {
    // NO-OP: an export creates nothing on the service; the certificate's own resource owns it.
  },
};
