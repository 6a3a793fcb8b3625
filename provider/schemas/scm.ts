// SCM (SSL Certificate Manager v3) export — POST /v3/scm/certificates/{id}/export (SCM "ExportCertificate").
import { z } from "zod";
import { wirePem } from "./common.js";

export const scmExportWire = z.looseObject({
  entire_certificate: wirePem,
  certificate: wirePem,
  certificate_chain: wirePem,
  private_key: wirePem,
  enc_certificate: wirePem,
  enc_private_key: wirePem,
});

/** An exported SCM certificate (PEMs normalised). Secret fields: privateKey, encPrivateKey. */
export interface ScmExportedCertificate {
  /** Certificate followed by its chain. */
  entireCertificate: string | undefined;
  certificate: string | undefined;
  certificateChain: string | undefined;
  privateKey: string | undefined;
  encCertificate: string | undefined;
  encPrivateKey: string | undefined;
}

export function scmExportFromWire(wire: z.output<typeof scmExportWire>): ScmExportedCertificate {
  return {
    entireCertificate: wire.entire_certificate,
    certificate: wire.certificate,
    certificateChain: wire.certificate_chain,
    privateKey: wire.private_key,
    encCertificate: wire.enc_certificate,
    encPrivateKey: wire.enc_private_key,
  };
}
