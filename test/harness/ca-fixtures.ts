// What the suites make in the emulator behind Pulumi's back, through the provider's client: root CAs
// named like every test CA (test/programs/shared.ts's organisation) and short-lived certificates.
import type { CcmClient } from "../../provider/index.js";
import { ORGANISATION } from "../programs/shared.ts";

export { ORGANISATION };

/** A root CA request: EC256 with SHA256, five years, `commonName` in the test organisation. */
export function rootCaRequest(commonName: string) {
  return {
    type: "ROOT",
    keyAlgorithm: "EC256",
    signatureAlgorithm: "SHA256",
    validity: { type: "YEAR", value: 5 },
    distinguishedName: { commonName, ...ORGANISATION },
  } as const;
}

/** Applies for a ten-day EC256 certificate for `commonName` from `issuerId`; returns its id. */
export async function issueCertificate(client: CcmClient, issuerId: string, commonName: string): Promise<string> {
  const { certificateId } = await client.certificates.apply({
    issuerId,
    keyAlgorithm: "EC256",
    signatureAlgorithm: "SHA256",
    distinguishedName: { commonName },
    validity: { type: "DAY", value: 10 },
  });
  return certificateId;
}
