// Checks a built plugin archive as the engine will take it, for targets this machine cannot run:
// one executable at the archive's root with the plugin's name (plus .exe on Windows), mode 0755, a
// binary of the target's format and CPU (ELF or PE header), and a single executable application
// inside (postject flips Node's SEA fuse from :0 to :1 when it injects the blob), and on Windows no
// stale signature.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { hasPeSignature } from "./pe-signature.mjs";

/** ELF e_machine / PE Machine values of the CPUs we ship for. */
const MACHINES = {
  "linux-amd64": { format: "ELF", machine: 0x3e },
  "linux-arm64": { format: "ELF", machine: 0xb7 },
  "windows-amd64": { format: "PE", machine: 0x8664 },
};

function headerOf(binary) {
  if (binary.readUInt32BE(0) === 0x7f454c46) return { format: "ELF", machine: binary.readUInt16LE(18) };
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
    const found = headerOf(binary);
    const expected = MACHINES[target];
    if (found.format !== expected.format || found.machine !== expected.machine) {
      problems.push(
        `expected a ${expected.format} binary for ${target}, found ${found.format} machine ${found.machine}`,
      );
    }
    if (binary.indexOf(`${fuse}:1`) < 0) problems.push("no single executable application inside (SEA fuse not set)");
    // Node's own signature no longer matches once the blob is in (pe-signature.mjs removes it).
    if (found.format === "PE" && hasPeSignature(executable)) problems.push("a stale Authenticode signature");
    if (problems.length > 0) throw new Error(`${name}: ${problems.join("; ")}`);
    return binary.length;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
