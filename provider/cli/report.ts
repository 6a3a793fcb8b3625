// What ccm-orphans tells the user: the table of orphans, the notes on the CAs they sit under
// (whose certificates may belong to stacks not given), the refusal for types it does not know,
// and the confirmation question, which names the count and the CAs.
import type { Findings, Orphan } from "./find.js";
import type { HeldState } from "./state.js";

function cell(value: string | undefined): string {
  return value === undefined || value === "" ? "-" : value;
}

export function table(orphans: readonly Orphan[]): string {
  const header = ["kind", "id", "common name", "status", "created", "key", "signature", "reason"];
  const rows = orphans.map((o) =>
    [o.kind, o.id, o.commonName, o.status, o.createTime, o.keyAlgorithm, o.signatureAlgorithm, o.reason].map(cell),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  return [header, ...rows]
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

export function caLabel(id: string, findings: Pick<Findings, "caNames">): string {
  const name = findings.caNames.get(id);
  return name ? `CA ${id} (${name})` : `CA ${id}`;
}

/**
 * The CA each orphan sits under, by the orphan's id: its issuer, or the issuer's issuer while those
 * are orphans too; an orphan CA with no such issuer (a look-alike root) is its own anchor.
 */
export function anchorsOf(orphans: readonly Orphan[]): Map<string, string> {
  const orphanCas = new Map(orphans.filter((o) => o.kind === "CA").map((o) => [o.id, o]));
  const anchorOf = (orphan: Orphan): string => {
    let at = orphan;
    for (let n = 0; at.issuerId && orphanCas.has(at.issuerId) && n < 16; n++) at = orphanCas.get(at.issuerId) as Orphan;
    return at.issuerId ?? at.id;
  };
  return new Map(orphans.map((o) => [o.id, anchorOf(o)]));
}

/** The anchors of some orphans with how many sit under each, in first-seen order. */
export function countByAnchor(subset: readonly Orphan[], anchors: ReadonlyMap<string, string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const orphan of subset) {
    const anchor = anchors.get(orphan.id) ?? orphan.id;
    counts.set(anchor, (counts.get(anchor) ?? 0) + 1);
  }
  return counts;
}

/** One note per CA that orphans sit under: whether it may be shared with stacks not given. */
export function anchorNotes(findings: Findings): string[] {
  const counts = countByAnchor(findings.orphans, anchorsOf(findings.orphans));
  const notes: string[] = [];
  for (const id of findings.unmanagedIssuers) {
    notes.push(
      `note: ${caLabel(id, findings)} is used but not managed by the given stacks: it is shared, and the ` +
        `${counts.get(id) ?? 0} listed under it may belong to stacks or tools not given. Pass their states too. With --yes they ` +
        `are left alone unless --shared-ca ${id} is given.`,
    );
  }
  const unmanaged = new Set(findings.unmanagedIssuers);
  for (const [id, count] of counts) {
    if (unmanaged.has(id) || findings.orphans.some((o) => o.id === id)) continue;
    notes.push(
      `note: ${count} listed under ${caLabel(id, findings)}: if other stacks issue from this CA, what they hold ` +
        `is listed here too. Give every stack that shares it (--stack, or their exports) before acting.`,
    );
  }
  return notes;
}

/** The refusal when a given state holds resources of this package this version does not know. */
export function unknownTypesRefusal(held: HeldState): string {
  const lines = held.unknownTypes.map((u) => `  ${u.source}: ${u.urn} (${u.type})`);
  return [
    `refusing to revoke or delete: the given states hold ${held.unknownTypes.length} resource(s) of this package`,
    "whose type this version of ccm-orphans does not know, so it cannot tell which certificates or CAs they hold:",
    ...lines,
    "Run the ccm-orphans of the pulumi-huaweicloud-ccm version those stacks use (upgrade this one:",
    "`npm install pulumi-huaweicloud-ccm@latest`), then run it again. Listing is safe; acting is not.",
  ].join("\n");
}

/** "revoke and delete 3 (2 certificates, 1 CA) under CA a (Root), CA b (Issuing)?" */
export function confirmationQuestion(verbs: string, chosen: readonly Orphan[], findings: Findings): string {
  const certificates = chosen.filter((o) => o.kind === "certificate").length;
  const cas = chosen.length - certificates;
  const where = [...countByAnchor(chosen, anchorsOf(findings.orphans))].map(([id, n]) => {
    const shared = findings.unmanagedIssuers.includes(id) ? ", a CA the given stacks do not manage" : "";
    return `${n} under ${caLabel(id, findings)}${shared}`;
  });
  return `${verbs} ${chosen.length} (${certificates} certificate(s), ${cas} CA(s)): ${where.join("; ")}?`;
}
