// Checks a built plugin archive as the engine will take it, for targets this machine cannot run:
// one executable at the archive's root with the plugin's name (plus .exe on Windows), mode 0755, a
// binary of the target's format and CPU (ELF, PE or Mach-O header), and a single executable
// application inside (postject flips Node's SEA fuse from :0 to :1 when it injects the blob); on
// Windows and macOS no stale signature, and on macOS the blob where Node's loader looks for it.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { hasPeSignature } from "./pe-signature.mjs";

const require = createRequire(import.meta.url);

/** ELF e_machine / PE Machine / Mach-O cputype values of the CPUs we ship for. */
const MACHINES = {
  "linux-amd64": { format: "ELF", machine: 0x3e },
  "linux-arm64": { format: "ELF", machine: 0xb7 },
  "windows-amd64": { format: "PE", machine: 0x8664 },
  "windows-arm64": { format: "PE", machine: 0xaa64 },
  "darwin-amd64": { format: "Mach-O", machine: 0x01000007 },
};
/** The first four bytes of a SEA blob (Node's src/node_sea.cc, kMagic), little-endian. */
const SEA_BLOB_MAGIC = 0x0143da20;

/** The executable format (ELF, PE, Mach-O or unknown) and CPU its header names. */
export function binaryHeader(binary) {
  if (binary.readUInt32BE(0) === 0x7f454c46) return { format: "ELF", machine: binary.readUInt16LE(18) };
  if (binary.readUInt32LE(0) === 0xfeedfacf) return { format: "Mach-O", machine: binary.readUInt32LE(4) };
  if (binary.toString("latin1", 0, 2) === "MZ") {
    const pe = binary.readUInt32LE(0x3c);
    if (binary.toString("latin1", pe, pe + 4) === "PE\0\0")
      return { format: "PE", machine: binary.readUInt16LE(pe + 4) };
  }
  return { format: "unknown", machine: -1 };
}

/** Throws with what is wrong; returns the executable's size in bytes. */
export function verifyArchive(archive, target, executableName, fuse) {
  const listing = execFileSync("tar", ["-tvzf", archive], { encoding: "utf8" }).trim().split("\n");
  const name = path.basename(archive);
  if (listing.length !== 1 || !listing[0].endsWith(` ${executableName}`)) {
    throw new Error(`${name}: expected ${executableName} alone at the root, found:\n${listing.join("\n")}`);
  }
  const problems = [];
  if (!listing[0].startsWith("-rwxr-xr-x")) problems.push(`expected mode -rwxr-xr-x: ${listing[0]}`);
  const work = mkdtempSync(path.join(os.tmpdir(), "ccm-plugin-verify-"));
  try {
    execFileSync("tar", ["-xzf", archive, "-C", work]);
    const executable = path.join(work, executableName);
    const binary = readFileSync(executable);
    const found = binaryHeader(binary);
    const expected = MACHINES[target];
    if (found.format !== expected.format || found.machine !== expected.machine) {
      problems.push(
        `expected a ${expected.format} binary for ${target}, found ${found.format} machine ${found.machine}`,
      );
    }
    if (binary.indexOf(`${fuse}:1`) < 0) problems.push("no single executable application inside (SEA fuse not set)");
    // Node's own signature no longer matches once the blob is in (pe-signature.mjs removes it).
    if (found.format === "PE" && hasPeSignature(executable)) problems.push("a stale Authenticode signature");
    if (found.format === "Mach-O") problems.push(...machoProblems(binary));
    if (problems.length > 0) throw new Error(`${name}: ${problems.join("; ")}`);
    return binary.length;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * What macOS would refuse in a Mach-O plugin: a code signature left over (it no longer matches), or
 * no blob in the NODE_SEA segment's __NODE_SEA_BLOB section, where Node looks on macOS
 * (postject's getsectiondata lookup). Load commands are read with the `macho` parser.
 */
export function machoProblems(binary) {
  const { cmds } = require("macho").parse(binary);
  const problems = [];
  if (cmds.some((command) => command.type === "code_signature")) problems.push("a stale code signature");
  const blob = machoSeaBlob(binary, cmds);
  if (blob === undefined) problems.push("no __NODE_SEA_BLOB section in a NODE_SEA segment");
  else if (blob.length < 4 || blob.readUInt32LE(0) !== SEA_BLOB_MAGIC) {
    problems.push("the NODE_SEA section holds no SEA blob");
  }
  return problems;
}

/** The bytes of the NODE_SEA segment's __NODE_SEA_BLOB section, if the Mach-O file has one. */
export function machoSeaBlob(binary, cmds = require("macho").parse(binary).cmds) {
  const section = cmds
    .find((command) => command.type === "segment_64" && command.name === "NODE_SEA")
    ?.sections.find((candidate) => candidate.sectname === "__NODE_SEA_BLOB");
  if (!section || section.offset + section.size > binary.length) return undefined;
  return binary.subarray(section.offset, section.offset + section.size);
}
