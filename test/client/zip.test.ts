// The export unzipper refuses archives that would inflate past the cap (a "zip bomb") before it
// inflates them, and still reads a normal export.
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { EXPORT_ZIP_MAX_FILES, EXPORT_ZIP_MAX_INFLATED_BYTES, parseExportArchive } from "../../provider/client/zip.js";
import { isCcmError } from "../../provider/errors.js";
import { FIXTURE_CERTIFICATE_PEM } from "../fixtures/pem.js";

const encoder = new TextEncoder();

function refusal(bytes: Uint8Array): string {
  try {
    parseExportArchive("NGINX", bytes);
  } catch (error) {
    expect(isCcmError(error)).toBe(true);
    return (error as Error).message;
  }
  throw new Error("the archive was accepted");
}

describe("parseExportArchive", () => {
  it("reads a normal export", () => {
    const archive = parseExportArchive("NGINX", zipSync({ "server.crt": encoder.encode(FIXTURE_CERTIFICATE_PEM) }));
    expect(archive.certificate).toBe(FIXTURE_CERTIFICATE_PEM);
  });

  it("refuses an archive that inflates past the cap (a few kilobytes that would become megabytes)", () => {
    const bomb = zipSync({ "server.crt": new Uint8Array(EXPORT_ZIP_MAX_INFLATED_BYTES + 1) }, { level: 9 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(refusal(bomb)).toMatch(`more than ${EXPORT_ZIP_MAX_INFLATED_BYTES} bytes once inflated`);
  });

  it("counts every file towards the cap", () => {
    const half = new Uint8Array(EXPORT_ZIP_MAX_INFLATED_BYTES / 2 + 1);
    expect(refusal(zipSync({ "a.bin": half, "b.bin": half }, { level: 9 }))).toMatch(/bytes once inflated/);
  });

  it("refuses an archive with more files than any export has", () => {
    const files = Object.fromEntries(
      Array.from({ length: EXPORT_ZIP_MAX_FILES + 1 }, (_, i) => [`f${i}.txt`, encoder.encode("x")]),
    );
    expect(refusal(zipSync(files))).toMatch(`more than ${EXPORT_ZIP_MAX_FILES} files`);
  });
});
