// Compressed export: the service returns a zip whose files depend on the export type (CCM "Exporting a
// Certificate", docs/api-facts.md §2.6). Unzipped in memory with fflate and mapped by file name to typed fields:
//
//   type     system-generated key                      CSR-issued (no key)
//   APACHE   server.key, chain.crt, server.crt          chain.crt, server.crt
//   IIS      keystorePass.txt, server.pfx               chain.crt, server.crt
//   NGINX    server.key, server.crt (leaf, then chain)  server.crt
//   TOMCAT   keystorePass.txt, server.jks               chain.crt, server.crt
//   OTHER    server.key, chain.pem, server.pem          chain.pem, cert.pem
import { strFromU8, unzipSync } from "fflate";
import { CcmExportFormatError } from "../errors.js";
import { normalizePem, splitPemBlocks } from "../pem.js";
import type { ExportType } from "../schemas/enums.js";
import type { ExportedArchive } from "../schemas/export.js";

/**
 * The most an export may inflate to, all files together. A real export is a few kilobytes (PEMs,
 * a PFX or JKS); the cap keeps a damaged or hostile archive (a "zip bomb") from exhausting the
 * dynamic-provider host's memory. fflate allocates each file at the size its header declares and
 * never grows it, so checking the declared sizes before inflating bounds what is allocated.
 */
export const EXPORT_ZIP_MAX_INFLATED_BYTES = 8 * 1024 * 1024;
/** More files than any export type has, by far (the table above lists at most three). */
export const EXPORT_ZIP_MAX_FILES = 64;

const CERTIFICATE_FILES = ["server.crt", "server.pem", "cert.pem"];
const CHAIN_FILES = ["chain.crt", "chain.pem"];

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export function parseExportArchive(type: ExportType, bytes: Uint8Array): ExportedArchive {
  const entries = unzipBounded(type, bytes);
  const fileNames = Object.keys(entries).filter((name) => !name.endsWith("/"));
  const byBase = byBaseName(entries, fileNames);
  const text = (names: readonly string[]) => {
    for (const name of names) {
      const data = byBase.get(name);
      if (data) return strFromU8(data);
    }
    return undefined;
  };

  const leafFile = text(CERTIFICATE_FILES);
  const leafBlocks = leafFile
    ? splitPemBlocks(leafFile).filter((b) => b.startsWith("-----BEGIN CERTIFICATE-----"))
    : [];
  const chainFile = text(CHAIN_FILES);
  // NGINX puts the chain after the leaf in server.crt and ships no chain file.
  const chain = chainFile ? normalizePem(chainFile) : leafBlocks.length > 1 ? leafBlocks.slice(1).join("") : undefined;
  const key = text(["server.key"]);
  const password = text(["keystorePass.txt"]);

  const archive: ExportedArchive = {
    type,
    certificate: leafBlocks[0],
    certificateChain: chain === "" ? undefined : chain,
    privateKey: key ? normalizePem(key) : undefined,
    pfx: byBase.get("server.pfx"),
    jks: byBase.get("server.jks"),
    keystorePassword: password?.trim() || undefined,
    fileNames,
  };
  if (!archive.certificate && !archive.pfx && !archive.jks) {
    throw new CcmExportFormatError(`the ${type} export holds no certificate, PFX or JKS`, fileNames);
  }
  return archive;
}

/** The archive's files, refused when it is not a zip or holds more than the limits allow. */
function unzipBounded(type: ExportType, bytes: Uint8Array): Record<string, Uint8Array> {
  let files = 0;
  let inflated = 0;
  let tooBig: string | undefined;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (file) => {
        files += 1;
        inflated += file.originalSize;
        if (files > EXPORT_ZIP_MAX_FILES) tooBig = `more than ${EXPORT_ZIP_MAX_FILES} files`;
        else if (inflated > EXPORT_ZIP_MAX_INFLATED_BYTES)
          tooBig = `more than ${EXPORT_ZIP_MAX_INFLATED_BYTES} bytes once inflated`;
        // Once over a limit nothing more is inflated; the archive is refused below.
        return tooBig === undefined;
      },
    });
  } catch (error) {
    throw new CcmExportFormatError(`the ${type} export is not a readable zip: ${(error as Error).message}`, []);
  }
  if (tooBig !== undefined) {
    throw new CcmExportFormatError(`the ${type} export is refused: it holds ${tooBig}`, []);
  }
  return entries;
}

/** Files may sit in a folder inside the archive; only the base name matters. */
function byBaseName(entries: Record<string, Uint8Array>, fileNames: readonly string[]): Map<string, Uint8Array> {
  const byBase = new Map<string, Uint8Array>();
  for (const name of fileNames) {
    const data = entries[name];
    if (data) byBase.set(name.slice(name.lastIndexOf("/") + 1), data);
  }
  return byBase;
}
