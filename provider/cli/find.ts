// Finds what no given state holds: certificates and subordinate CAs issued by the CAs the states
// use, and CAs that look exactly like a CA the states describe (an interrupted `up` makes those:
// the engine records the create as pending and the next `up` creates it again). Read-only.
import type { CcmClient } from "../client/index.js";
import type { CaInfo } from "../schemas/ca.js";
import type { CertificateInfo } from "../schemas/certificate.js";
import type { DescribedCa, HeldState } from "./state.js";

export interface Orphan {
  readonly kind: "certificate" | "CA";
  readonly id: string;
  readonly commonName: string | undefined;
  readonly status: string;
  readonly createTime: string | undefined;
  readonly issuerId: string | undefined;
  readonly keyAlgorithm: string | undefined;
  readonly signatureAlgorithm: string | undefined;
  readonly genMode: string | undefined;
  readonly notAfter: string | undefined;
  readonly subject: Readonly<Record<string, string | undefined>>;
  /** Why it is reported: its issuer, or the state's CA it duplicates. */
  readonly reason: string;
}

export interface Findings {
  readonly orphans: Orphan[];
  /** CAs scanned that no given state manages: their other certificates may belong elsewhere. */
  readonly unmanagedIssuers: string[];
  /** The common name of every CA the service listed, by id, for messages. */
  readonly caNames: ReadonlyMap<string, string | undefined>;
}

const DN_FIELDS = ["commonName", "country", "state", "locality", "organization", "organizationalUnit"] as const;

/** What certificates and CAs report alike, in the order the table and --json show it. */
function orphan(kind: Orphan["kind"], id: string, info: CertificateInfo | CaInfo, reason: string): Orphan {
  return {
    kind,
    id,
    commonName: info.distinguishedName.commonName,
    status: info.status,
    createTime: info.createTime,
    issuerId: info.issuerId,
    keyAlgorithm: info.keyAlgorithm,
    signatureAlgorithm: info.signatureAlgorithm,
    genMode: info.genMode,
    notAfter: info.notAfter,
    subject: { ...info.distinguishedName },
    reason,
  };
}

function fromCertificate(c: CertificateInfo, reason: string): Orphan {
  return orphan("certificate", c.certificateId, c, reason);
}

function fromCa(ca: CaInfo, reason: string): Orphan {
  return orphan("CA", ca.caId, ca, `${ca.type} CA ${reason}`);
}

/** The described CA this one duplicates: same type and every field of the subject the state gave. */
export function lookAlikeOf(ca: CaInfo, described: readonly DescribedCa[]): DescribedCa | undefined {
  return described.find(
    (d) =>
      d.type === ca.type &&
      DN_FIELDS.every(
        (f) => d.distinguishedName[f] === undefined || d.distinguishedName[f] === ca.distinguishedName[f],
      ),
  );
}

export async function findOrphans(client: CcmClient, held: HeldState): Promise<Findings> {
  const [certificates, cas] = await Promise.all([
    client.certificates.listAll({ sortKey: "create_time", sortDir: "ASC" }),
    client.cas.listAll({ sortKey: "create_time", sortDir: "ASC" }),
  ]);
  const orphans: Orphan[] = [];
  const scan = new Set(held.scanCaIds);
  const orphanCas = new Set<string>();
  // A CA scheduled for deletion is already on its way out (and restorable): not reported.
  const liveCas = cas.filter((ca) => ca.status !== "DELETED" && !held.heldIds.has(ca.caId));
  for (const ca of liveCas) {
    const twin = lookAlikeOf(ca, held.describedCas);
    if (twin) {
      const how = twin.pending ? "pending create of" : "duplicate of";
      orphans.push(fromCa(ca, `looks like ${twin.urn.split("::").at(-1)} (${how} ${twin.urn})`));
      orphanCas.add(ca.caId);
    }
  }
  // Subordinates of scanned CAs, then their subordinates: what an orphan CA issued is orphaned too.
  for (let grew = true; grew; ) {
    grew = false;
    for (const id of orphanCas) scan.add(id);
    for (const ca of liveCas) {
      if (orphanCas.has(ca.caId) || !ca.issuerId || !scan.has(ca.issuerId)) continue;
      orphans.push(fromCa(ca, `issued by CA ${ca.issuerId}`));
      orphanCas.add(ca.caId);
      grew = true;
    }
  }
  for (const id of orphanCas) scan.add(id);
  for (const c of certificates) {
    if (held.heldIds.has(c.certificateId) || !c.issuerId || !scan.has(c.issuerId)) continue;
    orphans.push(fromCertificate(c, `issued by CA ${c.issuerId}`));
  }
  const unmanagedIssuers = [...held.scanCaIds].filter((id) => !held.managedCaIds.has(id));
  const caNames = new Map(cas.map((ca) => [ca.caId, ca.distinguishedName.commonName]));
  return { orphans, unmanagedIssuers, caNames };
}
