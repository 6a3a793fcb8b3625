// Removes the Authenticode signature from a Windows executable, as `signtool remove /s` does (the
// step Node's docs give before injecting a single executable application): the security directory
// entry is cleared and the certificate table at the file's end cut off. Injection would otherwise
// leave a signature that no longer matches (postject: "The signature seems corrupted!"); an
// unsigned executable is what the release then signs with its own certificate.
import { readFileSync, writeFileSync } from "node:fs";

/** The file offset of the security directory entry (data directory 4) of a PE file. */
function securityEntryOffset(binary) {
  if (binary.toString("latin1", 0, 2) !== "MZ") throw new Error("not a PE file (no MZ header)");
  const pe = binary.readUInt32LE(0x3c);
  if (binary.toString("latin1", pe, pe + 4) !== "PE\0\0") throw new Error("not a PE file (no PE signature)");
  const optional = pe + 24;
  const magic = binary.readUInt16LE(optional);
  // PE32+ (0x20b) data directories start 112 bytes into the optional header, PE32 (0x10b) 96.
  const directories = optional + (magic === 0x20b ? 112 : 96);
  return directories + 4 * 8;
}

/** Strips the signature of the PE file at `file` in place; returns the bytes removed (0 if none). */
export function removePeSignature(file) {
  const binary = readFileSync(file);
  const entry = securityEntryOffset(binary);
  const offset = binary.readUInt32LE(entry);
  const size = binary.readUInt32LE(entry + 4);
  if (offset === 0 || size === 0) return 0;
  if (offset + size !== binary.length) throw new Error("the certificate table is not at the end of the file");
  binary.writeUInt32LE(0, entry);
  binary.writeUInt32LE(0, entry + 4);
  writeFileSync(file, binary.subarray(0, offset));
  return size;
}

/** True when the PE file at `file` names a certificate table. */
export function hasPeSignature(file) {
  const binary = readFileSync(file);
  const entry = securityEntryOffset(binary);
  return binary.readUInt32LE(entry) !== 0 && binary.readUInt32LE(entry + 4) !== 0;
}
