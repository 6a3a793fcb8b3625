// The leaf certificate of every bench workload's certificate + bundle pair, in one place: this
// program, bench/programs/chaos and its YAML twin (bench/lib/chaos-yaml.mjs) issue the same one.
// It lives in this directory because bench/provider.mjs can run this program from a copy of its
// directory alone, where nothing outside it resolves.
import type { PrivateCertificateArgs } from "pulumi-huaweicloud-ccm";

/** The inputs of a server certificate for `commonName` (also its DNS name) from CA `issuerId`. */
export function leafCertificateArgs(issuerId: PrivateCertificateArgs["issuerId"], commonName: string) {
  return {
    issuerId,
    // EC256: cheap keys, so a bench measures the provider, not the emulator's RSA.
    keyAlgorithm: "EC256",
    signatureAlgorithm: "SHA256",
    distinguishedName: { commonName },
    validity: { type: "DAY", value: 30 },
    subjectAlternativeNames: [{ type: "DNS", value: commonName }],
    extendedKeyUsage: { serverAuth: true },
  } satisfies PrivateCertificateArgs;
}
