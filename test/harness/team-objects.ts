// What "another team" made with its own tooling, for the lookup tests of both front ends
// (test/functions/functions.e2e.test.ts, test/languages/yaml-functions.languages.test.ts): a root,
// an issuing CA tagged team=security, an untagged CA of the same name (the tags are what makes a
// lookup find exactly one), and a certificate ending in 20 days.
import type { TestEmulator } from "./emulator.js";

const SUBJECT = {
  country: "CN",
  state: "Sichuan",
  locality: "Chengdu",
  organization: "Example Corp",
  organizationalUnit: "Security",
};
const ALGORITHMS = { keyAlgorithm: "EC256", signatureAlgorithm: "SHA256" } as const;

export interface TeamObjects {
  rootId: string;
  issuingId: string;
  expiringId: string;
}

export async function makeTeamObjects(emulator: TestEmulator): Promise<TeamObjects> {
  const client = emulator.client();
  const { caId: rootId } = await client.cas.create({
    type: "ROOT",
    ...ALGORITHMS,
    validity: { type: "YEAR", value: 10 },
    distinguishedName: { commonName: "Team Root CA", ...SUBJECT },
  });
  const issuing = {
    type: "SUBORDINATE",
    ...ALGORITHMS,
    issuerId: rootId,
    pathLength: 0,
    validity: { type: "YEAR", value: 5 },
    distinguishedName: { commonName: "Team Issuing CA", ...SUBJECT },
  } as const;
  const { caId: issuingId } = await client.cas.create(issuing);
  await client.cas.tags.add(issuingId, { team: "security" });
  await client.cas.create(issuing);
  const { certificateId: expiringId } = await client.certificates.apply({
    issuerId: issuingId,
    ...ALGORITHMS,
    distinguishedName: { commonName: "old.team.example" },
    validity: { type: "DAY", value: 20 },
  });
  return { rootId, issuingId, expiringId };
}
