// Exporting a private certificate (CCM "Exporting a Certificate", docs/api-facts.md §2.6): JSON for APACHE/NGINX/OTHER, a zip for
// all five server types, with the documented file names; CSR-issued certificates have no key to give.

import { buildJks, buildPfx, buildZip, generateKeystorePassword, toTraditionalPrivateKeyPem } from "../pki/index.js";
import type { ModelContext } from "./context.js";
import { ApiError, invalidState } from "./errors.js";
import { booleanOrString, requireObject } from "./fields.js";
import { EXPORT_PASSWORD_MAX_BYTES, EXPORT_PASSWORD_PATTERN, EXPORT_TYPES, type ExportType } from "./limits.js";
import { getCertificate } from "./lookup.js";
import { lfPem } from "./pem.js";
import type { CertificateRecord } from "./records.js";
import { certificateStatus } from "./status.js";

export interface ExportRequest {
  type: ExportType;
  compressed: boolean;
  password: string | undefined;
}

export type ExportResult =
  | { kind: "json"; certificatePem: string; chainPems: string[]; privateKeyPem: string | undefined }
  | { kind: "zip"; fileName: string; data: Uint8Array };

/** JKS entry alias in the TOMCAT keystore (the docs do not name one). */
export const JKS_ALIAS = "server";

export function parseExportRequest(body: unknown): ExportRequest {
  const obj = requireObject(body, "body");
  const rawType = obj.type;
  // GOTCHA: the documented request example sends "type": "other" in lower case.
  const type = EXPORT_TYPES.find((candidate) => typeof rawType === "string" && candidate === rawType.toUpperCase());
  if (type === undefined) {
    throw new ApiError("incorrectParameter", `Parameter type must be one of ${EXPORT_TYPES.join(", ")}.`);
  }
  // GOTCHA: is_compressed is a string in the docs' table and the SDKs, a JSON boolean in the docs'
  // own example and in the Terraform provider; the live service takes both.
  const compressed = booleanOrString(obj.is_compressed);
  if (compressed === undefined) {
    throw new ApiError("incorrectParameter", 'Parameter is_compressed is required: "true" or "false".');
  }
  const smStandard = obj.is_sm_standard === undefined ? false : booleanOrString(obj.is_sm_standard);
  if (smStandard === undefined)
    throw new ApiError("incorrectParameter", 'Parameter is_sm_standard must be "true" or "false".');
  if (smStandard)
    throw new ApiError("incorrectParameter", "Parameter is_sm_standard applies to SM2 certificates only.");
  return { type, compressed, password: parsePassword(obj.password) };
}

function parsePassword(value: unknown): string | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") throw new ApiError("incorrectParameter", "Parameter password must be a string.");
  if (Buffer.byteLength(value, "utf8") > EXPORT_PASSWORD_MAX_BYTES || !EXPORT_PASSWORD_PATTERN.test(value)) {
    throw new ApiError(
      "incorrectParameter",
      `Parameter password must be at most ${EXPORT_PASSWORD_MAX_BYTES} bytes of letters, digits and ,.+-_#.`,
    );
  }
  return value;
}

export async function exportCertificate(ctx: ModelContext, id: string, body: unknown): Promise<ExportResult> {
  const request = parseExportRequest(body);
  const certificate = getCertificate(ctx, id);
  const status = certificateStatus(certificate, ctx.clock.now());
  if (status !== "ISSUED") {
    throw invalidState(`The certificate ${id} is ${status}; only an ISSUED certificate can be exported.`);
  }
  if (!request.compressed) return exportJson(certificate, request);
  const files = await zipFiles(certificate, request);
  return {
    kind: "zip",
    fileName: `${certificate.distinguishedName.commonName}_${request.type.toLowerCase()}.zip`,
    data: buildZip(files),
  };
}

function exportJson(certificate: CertificateRecord, request: ExportRequest): ExportResult {
  const json = { kind: "json" as const, certificatePem: certificate.certificatePem, chainPems: certificate.chainPems };
  if (certificate.privateKeyPem === null) return { ...json, privateKeyPem: undefined };
  if (request.type === "IIS" || request.type === "TOMCAT") {
    // The docs: for IIS and TOMCAT without compression the response "is not defined currently".
    throw new ApiError("incorrectParameter", `Export type ${request.type} is available with is_compressed=true only.`);
  }
  return { ...json, privateKeyPem: toTraditionalPrivateKeyPem(certificate.privateKeyPem, request.password) };
}

type Files = Record<string, string | Uint8Array>;

async function zipFiles(certificate: CertificateRecord, request: ExportRequest): Promise<Files> {
  const leaf = lfPem(certificate.certificatePem);
  const chain = certificate.chainPems.map(lfPem).join("");
  const key = certificate.privateKeyPem;
  if (key === null) return csrZipFiles(request.type, leaf, chain);
  const keyFile = () => lfPem(toTraditionalPrivateKeyPem(key, request.password));
  switch (request.type) {
    case "APACHE":
      return { "server.key": keyFile(), "chain.crt": chain, "server.crt": leaf };
    case "NGINX":
      return { "server.key": keyFile(), "server.crt": leaf + chain };
    case "OTHER":
      return { "server.key": keyFile(), "chain.pem": chain, "server.pem": leaf };
    case "IIS":
    case "TOMCAT": {
      // keystorePass.txt only carries a password we generated; with the caller's own password the
      // docs leave it out (IIS), and we do the same for TOMCAT.
      const password = request.password ?? generateKeystorePassword();
      const material = {
        certificatePem: certificate.certificatePem,
        chainPems: certificate.chainPems,
        privateKeyPem: key,
        password,
      };
      const files: Files =
        request.type === "IIS"
          ? { "server.pfx": await buildPfx(material) }
          : { "server.jks": await buildJks({ ...material, alias: JKS_ALIAS }) };
      return request.password === undefined ? { "keystorePass.txt": password, ...files } : files;
    }
  }
}

/** docs/api-facts.md §2.6: CSR-issued — APACHE/IIS/TOMCAT = chain.crt, server.crt; NGINX = server.crt; OTHER = chain.pem, cert.pem. */
function csrZipFiles(type: ExportType, leaf: string, chain: string): Files {
  switch (type) {
    case "NGINX":
      return { "server.crt": leaf + chain };
    case "OTHER":
      return { "chain.pem": chain, "cert.pem": leaf };
    default:
      return { "chain.crt": chain, "server.crt": leaf };
  }
}
