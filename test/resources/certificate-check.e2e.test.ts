// Bad input fails at preview — every bad property named, with the allowed values — and no API
// call is made, as the emulator's request counter proves.
import { describe, expect, it } from "vitest";
import { useEmulatorStacks } from "../harness/emulator-stacks.js";

describe("check: bad input is refused at preview, every property at once, with zero API calls", () => {
  const setup = useEmulatorStacks();
  const stackFor = (resource: string) =>
    setup.stack({ program: "test/programs/bad-input", stack: resource, config: { resource } });

  it("PrivateCertificate", async () => {
    const message = await stackFor("certificate").previewFailure();
    for (const expected of [
      /issuerId.*must be a 36-character UUID/,
      /keyAlgorithm.*must be one of "RSA2048", "RSA4096", "EC256", "EC384" \(got "RSA1024"\)/,
      /signatureAlgorithm.*must be one of "SHA256", "SHA384", "SHA512" \(got "MD5"\)/,
      /distinguishedName\.commonName.*must not be empty/,
      /distinguishedName\.country.*two letters/,
      /validity\.type.*must be one of "YEAR", "MONTH", "DAY", "HOUR" \(got "WEEK"\)/,
      /validity\.value.*must be greater than 0/,
      /subjectAlternativeNames\[0\]\.type.*must be one of "DNS", "IP", "EMAIL", "URI"/,
      /keyUsages\[0\].*must be one of "digitalSignature"/,
      /renewBefore.*must be a duration such as "720h"/,
      /revokeOnDelete.*must be one of "UNSPECIFIED", "KEY_COMPROMISE", .*"ATTRIBUTE_AUTHORITY_COMPROMISE" \(got "LOST"\)/,
    ]) {
      expect(message).toMatch(expected);
    }
    expect(await setup.emulator.requestCount()).toBe(0);
  });

  it("CertificateBundle", async () => {
    const message = await stackFor("bundle").previewFailure();
    expect(message).toMatch(/certificateId.*must be a 36-character UUID/);
    expect(message).toMatch(/type.*must be one of "APACHE", "NGINX", "IIS", "TOMCAT", "OTHER" \(got "PEM"\)/);
    expect(message).toMatch(/password must use only letters, digits/);
    // The engine prints a failed property's value; a secret's failure must not let it.
    expect(message).not.toContain("no spaces allowed");
    expect(await setup.emulator.requestCount()).toBe(0);
  });
});
