// What the Revocation tests revoke, made in the emulator behind Pulumi's back through the
// provider's client: a root CA, two ACTIVED subordinates it signed and two certificates the first
// subordinate issued — one of each for the program to revoke, one of each to revoke elsewhere.
import { expect } from "vitest";
import type { CcmClient } from "../../provider/index.js";
import { issueCertificate, ORGANISATION, rootCaRequest } from "../harness/ca-fixtures.js";
import type { InventoryEntry } from "../harness/emulator.js";

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

/** The emulator's record of a certificate or CA, by id, as the inventory lists it. */
export type InventoryLookup = (id: string) => Promise<InventoryEntry | undefined>;

/** The stack's two targets are revoked with the reasons its program gives. */
export async function expectTargetsRevoked(entry: InventoryLookup, targets: RevocationTargets): Promise<void> {
  expect(await entry(targets.certificateId)).toMatchObject({ status: "REVOKED", revocation_reason: "KEY_COMPROMISE" });
  expect(await entry(targets.subordinateId)).toMatchObject({ revocation_reason: "CERTIFICATE_AUTHORITY_COMPROMISE" });
}
