// How a lookup names what it found when it wanted exactly one: id, common name and status, a few.
const SHOWN = 10;

export function candidateList<T extends { status: string; distinguishedName: { commonName?: string | undefined } }>(
  items: readonly T[],
  idOf: (item: T) => string,
): string {
  const shown = items
    .slice(0, SHOWN)
    .map((item) => `${idOf(item)} (${JSON.stringify(item.distinguishedName.commonName ?? "")}, ${item.status})`);
  return items.length > SHOWN ? `${shown.join(", ")} and ${items.length - SHOWN} more` : shown.join(", ");
}
