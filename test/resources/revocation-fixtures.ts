// What the Revocation tests revoke, made in the emulator behind Pulumi's back through the
// provider's client: a root CA, two ACTIVED subordinates it signed and two certificates the first
// subordinate issued — one of each for the program to revoke, one of each to revoke elsewhere.
import type { CcmClient } from "../../provider/index.js";
import { issueCertificate, ORGANISATION, rootCaRequest } from "../harness/ca-fixtures.js";

export interface RevocationTargets {
  rootId: string;
  subordinateId: string;
  otherSubordinateId: string;
  certificateId: string;
  otherCertificateId: string;
}

async function subordinate(client: CcmClient, issuerId: string, commonName: string): Promise<string> {
  const { caId } = await client.cas.create({
    type: "SUBORDINATE",
    keyAlgorithm: "EC256",
    signatureAlgorithm: "SHA256",
    validity: { type: "YEAR", value: 2 },
    distinguishedName: { commonName, ...ORGANISATION },
    issuerId,
  });
  return caId;
}

export async function makeRevocationTargets(client: CcmClient): Promise<RevocationTargets> {
  const { caId: rootId } = await client.cas.create(rootCaRequest("Revocation Root"));
  const subordinateId = await subordinate(client, rootId, "Revocation Sub A");
  const otherSubordinateId = await subordinate(client, rootId, "Revocation Sub B");
  const certificateId = await issueCertificate(client, subordinateId, "leaked.internal.example");
  const otherCertificateId = await issueCertificate(client, subordinateId, "other.internal.example");
  return { rootId, subordinateId, otherSubordinateId, certificateId, otherCertificateId };
}
