// The layout check every plugin archive passes before the release lists it
// (scripts/plugin-archive-verify.mjs): it must refuse what the engine could not run — a stray file
// at the root, an executable without the single executable application, a binary of another CPU,
// a stale signature, a macOS executable whose blob is not where Node looks for it.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hasPeSignature, removePeSignature } from "../../scripts/pe-signature.mjs";
import { machoProblems, machoSeaBlob, verifyArchive } from "../../scripts/plugin-archive-verify.mjs";

const NAME = "pulumi-resource-huaweicloud-ccm";
const FUSE = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2";
const work = mkdtempSync(path.join(tmpdir(), "ccm-verify-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** An archive of `files` (name → contents), each 0755, built as the release builds them. */
function archiveOf(label: string, files: Record<string, Buffer>): string {
  const dir = path.join(work, label);
  mkdirSync(dir, { recursive: true });
  for (const [name, contents] of Object.entries(files)) {
    writeFileSync(path.join(dir, name), contents);
    chmodSync(path.join(dir, name), 0o755);
  }
  const archive = path.join(work, `${label}.tar.gz`);
  execFileSync("tar", ["-czf", archive, "-C", dir, ...Object.keys(files)]);
  return archive;
}

/** The headers the check reads (ELF e_machine, PE Machine), then Node's SEA fuse, set or not. */
function elf(machine: number, fused = true): Buffer {
  const header = Buffer.alloc(64);
  header.writeUInt32BE(0x7f454c46, 0);
  header.writeUInt16LE(machine, 18);
  return Buffer.concat([header, Buffer.from(`${FUSE}:${fused ? 1 : 0}`)]);
}
/** A PE32+ file; with `certificate`, a certificate table at its end named by the security directory. */
function pe(machine: number, certificate?: Buffer): Buffer {
  const header = Buffer.alloc(0x200);
  header.write("MZ", 0, "latin1");
  header.writeUInt32LE(0x80, 0x3c);
  header.write("PE\0\0", 0x80, "latin1");
  header.writeUInt16LE(machine, 0x84);
  header.writeUInt16LE(0x20b, 0x98);
  const body = Buffer.concat([header, Buffer.from(`${FUSE}:1`)]);
  if (!certificate) return body;
  // Data directory 4 (security) of PE32+: optional header (0x98) + 112 + 4 × 8.
  header.writeUInt32LE(body.length, 0x98 + 112 + 32);
  header.writeUInt32LE(certificate.length, 0x98 + 112 + 36);
  return Buffer.concat([header, Buffer.from(`${FUSE}:1`), certificate]);
}
const X86_64 = 0x3e;
const MACHO_X86_64 = 0x01000007;
const MACHO_ARM64 = 0x0100000c;
const SEA_BLOB = Buffer.from([0x20, 0xda, 0x43, 0x01, 9, 0, 0, 0]);

/**
 * A 64-bit Mach-O file: its header, one LC_SEGMENT_64 named `segment` with a __NODE_SEA_BLOB
 * section holding `blob`, with `signed` an LC_CODE_SIGNATURE; then the fuse and the blob.
 */
function macho({ cpu = MACHO_X86_64, segment = "NODE_SEA", blob = SEA_BLOB, signed = false } = {}): Buffer {
  const segmentSize = 72 + 80;
  const commands = Buffer.alloc(segmentSize + (signed ? 16 : 0));
  const fuse = Buffer.from(`${FUSE}:1`);
  const blobOffset = 32 + commands.length + fuse.length;
  commands.writeUInt32LE(0x19, 0);
  commands.writeUInt32LE(segmentSize, 4);
  commands.write(segment, 8, "latin1");
  commands.writeUInt32LE(1, 64);
  commands.write("__NODE_SEA_BLOB", 72, "latin1");
  commands.write(segment, 88, "latin1");
  commands.writeBigUInt64LE(BigInt(blob.length), 112);
  commands.writeUInt32LE(blobOffset, 120);
  if (signed) {
    commands.writeUInt32LE(0x1d, segmentSize);
    commands.writeUInt32LE(16, segmentSize + 4);
  }
  const header = Buffer.alloc(32);
  header.writeUInt32LE(0xfeedfacf, 0);
  header.writeUInt32LE(cpu, 4);
  header.writeUInt32LE(2, 12);
  header.writeUInt32LE(signed ? 2 : 1, 16);
  header.writeUInt32LE(commands.length, 20);
  return Buffer.concat([header, commands, fuse, blob]);
}

describe("verifyArchive", () => {
  it("accepts one fused executable of the target's CPU at the root", () => {
    expect(verifyArchive(archiveOf("amd64", { [NAME]: elf(X86_64) }), "linux-amd64", NAME, FUSE)).toBe(64 + 48);
    expect(verifyArchive(archiveOf("arm64", { [NAME]: elf(0xb7) }), "linux-arm64", NAME, FUSE)).toBeGreaterThan(0);
    const windows = archiveOf("windows", { [`${NAME}.exe`]: pe(0x8664) });
    expect(verifyArchive(windows, "windows-amd64", `${NAME}.exe`, FUSE)).toBeGreaterThan(0);
    const mac = archiveOf("darwin", { [NAME]: macho() });
    expect(verifyArchive(mac, "darwin-amd64", NAME, FUSE)).toBe(macho().length);
  });

  it("refuses a binary of another CPU or format", () => {
    const archive = archiveOf("cpu", { [NAME]: elf(X86_64) });
    expect(() => verifyArchive(archive, "linux-arm64", NAME, FUSE)).toThrow(/ELF binary for linux-arm64/);
    expect(() => verifyArchive(archive, "windows-amd64", NAME, FUSE)).toThrow(/PE binary/);
    expect(() => verifyArchive(archive, "darwin-amd64", NAME, FUSE)).toThrow(/Mach-O binary for darwin-amd64/);
    const arm = archiveOf("darwin-arm", { [NAME]: macho({ cpu: MACHO_ARM64 }) });
    expect(() => verifyArchive(arm, "darwin-amd64", NAME, FUSE)).toThrow(/found Mach-O machine 16777228/);
  });

  it("refuses plain Node without the injected application", () => {
    const archive = archiveOf("plain", { [NAME]: elf(X86_64, false) });
    expect(() => verifyArchive(archive, "linux-amd64", NAME, FUSE)).toThrow(/SEA fuse not set/);
  });

  it("refuses a Windows executable that still names a signature; removePeSignature strips it", () => {
    const signed = pe(0x8664, Buffer.alloc(64, 7));
    const windows = archiveOf("signed", { [`${NAME}.exe`]: signed });
    expect(() => verifyArchive(windows, "windows-amd64", `${NAME}.exe`, FUSE)).toThrow(/stale Authenticode signature/);
    const file = path.join(work, "signed.exe");
    writeFileSync(file, signed);
    expect(hasPeSignature(file)).toBe(true);
    expect(removePeSignature(file)).toBe(64);
    expect(hasPeSignature(file)).toBe(false);
    expect(readFileSync(file)).toEqual(pe(0x8664));
  });

  it("refuses a stray file beside the executable, or a wrong name", () => {
    const archive = archiveOf("stray", { [NAME]: elf(X86_64), "README.txt": Buffer.from("hi") });
    expect(() => verifyArchive(archive, "linux-amd64", NAME, FUSE)).toThrow(/alone at the root/);
    const windows = archiveOf("noexe", { [NAME]: pe(0x8664) });
    expect(() => verifyArchive(windows, "windows-amd64", `${NAME}.exe`, FUSE)).toThrow(/alone at the root/);
  });
});

describe("a macOS executable", () => {
  it("finds the blob in the NODE_SEA segment, where Node's loader reads it on macOS", () => {
    expect(machoSeaBlob(macho())).toEqual(SEA_BLOB);
    expect(machoProblems(macho())).toEqual([]);
  });

  it("refuses a code signature left over: it no longer matches once the blob is in", () => {
    expect(machoProblems(macho({ signed: true }))).toEqual(["a stale code signature"]);
    const archive = archiveOf("darwin-signed", { [NAME]: macho({ signed: true }) });
    expect(() => verifyArchive(archive, "darwin-amd64", NAME, FUSE)).toThrow(/stale code signature/);
  });

  it("refuses a blob in postject's default segment, or a section holding no SEA blob", () => {
    expect(machoSeaBlob(macho({ segment: "__POSTJECT" }))).toBeUndefined();
    expect(machoProblems(macho({ segment: "__POSTJECT" }))).toEqual([
      "no __NODE_SEA_BLOB section in a NODE_SEA segment",
    ]);
    expect(machoProblems(macho({ blob: Buffer.from("not a blob") }))).toEqual([
      "the NODE_SEA section holds no SEA blob",
    ]);
  });
});
