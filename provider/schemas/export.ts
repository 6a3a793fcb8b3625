// Certificate export — POST /v1/private-certificates/{id}/export (CCM "Exporting a Certificate", docs/api-facts.md §2.6).
import { z } from "zod";
import { wirePem } from "./common.js";
import { EXPORT_PASSWORD, EXPORT_TYPES, type ExportType } from "./enums.js";

const exportPassword = z
  .string()
  .regex(EXPORT_PASSWORD.pattern, "must use only letters, digits and , . + - _ #")
  .refine((s) => Buffer.byteLength(s, "utf8") <= EXPORT_PASSWORD.maxBytes, `at most ${EXPORT_PASSWORD.maxBytes} bytes`);

export const exportCertificateArgs = z.strictObject({
  type: z.enum(EXPORT_TYPES),
  /** Encrypts the exported private key (and, for IIS/TOMCAT, is the keystore password). */
  password: exportPassword.optional(),
  /** SM2 certificates only (China site): export in the SM standard. */
  smStandard: z.boolean().optional(),
});
export type ExportCertificateArgs = z.input<typeof exportCertificateArgs>;

export interface ExportCertificateBody {
  type: ExportType;
  // The docs' parameter table types these as strings "true"/"false" (their example sends a JSON
  // boolean; the service evidently accepts both). We send the documented form.
  is_compressed: "true" | "false";
  password?: string;
  is_sm_standard?: "true" | "false";
}

export function toExportCertificateBody(
  args: z.output<typeof exportCertificateArgs>,
  compressed: boolean,
): ExportCertificateBody {
  const body: ExportCertificateBody = { type: args.type, is_compressed: compressed ? "true" : "false" };
  if (args.password !== undefined) body.password = args.password;
  if (args.smStandard !== undefined) body.is_sm_standard = args.smStandard ? "true" : "false";
  return body;
}

/** The JSON form (is_compressed=false). The CSR-issued form has no private_key. */
export const exportedCertificateWire = z.looseObject({
  certificate: wirePem,
  certificate_chain: wirePem,
  private_key: wirePem,
  enc_certificate: wirePem,
  enc_private_key: wirePem,
  enc_sm2_enveloped_key: z.string().nullish(),
  signed_and_enveloped_data: z.string().nullish(),
});

/** An exported certificate (PEMs normalised). Secret fields: privateKey, encPrivateKey, encSm2EnvelopedKey. */
export interface ExportedCertificate {
  certificate: string | undefined;
  certificateChain: string | undefined;
  privateKey: string | undefined;
  encCertificate: string | undefined;
  encPrivateKey: string | undefined;
  encSm2EnvelopedKey: string | undefined;
  signedAndEnvelopedData: string | undefined;
}

export function exportedCertificateFromWire(wire: z.output<typeof exportedCertificateWire>): ExportedCertificate {
  return {
    certificate: wire.certificate,
    certificateChain: wire.certificate_chain,
    privateKey: wire.private_key,
    encCertificate: wire.enc_certificate,
    encPrivateKey: wire.enc_private_key,
    encSm2EnvelopedKey: wire.enc_sm2_enveloped_key ?? undefined,
    signedAndEnvelopedData: wire.signed_and_enveloped_data ?? undefined,
  };
}

/** The files of a compressed export, typed. Which fields are set depends on the export type
 * (client/zip.ts lists the files). Secret fields: privateKey, pfx, jks, keystorePassword. */
export interface ExportedArchive {
  type: ExportType;
  /** The leaf certificate (PEM). */
  certificate: string | undefined;
  /** The issuing chain (PEM), from chain.crt / chain.pem, or what follows the leaf in server.crt (NGINX). */
  certificateChain: string | undefined;
  privateKey: string | undefined;
  /** server.pfx (IIS). */
  pfx: Uint8Array | undefined;
  /** server.jks (TOMCAT). */
  jks: Uint8Array | undefined;
  /** keystorePass.txt (IIS/TOMCAT; absent when a password was supplied). */
  keystorePassword: string | undefined;
  /** Every file name in the archive, in archive order. */
  fileNames: string[];
}
