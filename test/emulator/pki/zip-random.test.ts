// Zip archives (round trip through fflate's own reader), random serials and keystore passwords,
// and the CRLF conversion the export API applies to PEMs.
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import {
  buildZip,
  generateKeystorePassword,
  PkiInputError,
  randomSerialHex,
  withCrlf,
} from "../../../emulator/pki/index.js";

describe("buildZip", () => {
  it("round-trips text and binary entries through unzip", () => {
    const binary = Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256);
    const zip = buildZip({ "server.key": "key\r\n", "keystorePass.txt": "p4ss", "server.pfx": binary });
    expect([...zip.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]); // "PK\3\4" local file header
    const entries = unzipSync(zip);
    expect(Object.keys(entries)).toEqual(["server.key", "keystorePass.txt", "server.pfx"]);
    expect(strFromU8(entries["server.key"]!)).toBe("key\r\n");
    expect(strFromU8(entries["keystorePass.txt"]!)).toBe("p4ss");
    expect(entries["server.pfx"]).toEqual(binary);
  });

  it("makes an empty archive and refuses unsafe entry names", () => {
    expect(Object.keys(unzipSync(buildZip({})))).toEqual([]);
    expect(() => buildZip({ "../evil": "x" })).toThrow(PkiInputError);
    expect(() => buildZip({ "/abs": "x" })).toThrow(PkiInputError);
  });
});

describe("randomSerialHex", () => {
  it("gives 32 lower-case hex digits, positive, first byte non-zero, all different", () => {
    const serials = Array.from({ length: 2000 }, randomSerialHex);
    for (const serial of serials) expect(serial).toMatch(/^[4-7][0-9a-f]{31}$/);
    expect(new Set(serials).size).toBe(serials.length);
  });
});

describe("generateKeystorePassword", () => {
  it("gives 20 letters and digits, different every time", () => {
    const passwords = Array.from({ length: 200 }, generateKeystorePassword);
    for (const password of passwords) expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(new Set(passwords).size).toBe(passwords.length);
  });
});

describe("withCrlf", () => {
  it("turns every line break into CRLF, leaving existing CRLFs and the ending alone", () => {
    expect(withCrlf("-----BEGIN X-----\nAAAA\n-----END X-----\n")).toBe(
      "-----BEGIN X-----\r\nAAAA\r\n-----END X-----\r\n",
    );
    expect(withCrlf("a\r\nb\nc")).toBe("a\r\nb\r\nc");
  });
});
