// Tags that change in place (PrivateCa, PrivateCertificate): the tag API adds and removes, it has
// no "set", so a change removes what changed or went, then adds what changed or came.
import type { TagApi } from "../../client/tags.js";

type Tags = Record<string, string>;

export async function syncTags(api: Pick<TagApi, "add" | "remove">, id: string, olds: Tags, news: Tags): Promise<void> {
  const removed = Object.fromEntries(Object.entries(olds).filter(([k, v]) => news[k] !== v));
  if (Object.keys(removed).length > 0) await api.remove(id, removed);
  const added = Object.fromEntries(Object.entries(news).filter(([k, v]) => olds[k] !== v));
  if (Object.keys(added).length > 0) await api.add(id, added);
}

/** Tags to add right after a create (none given: no call). */
export async function addTags(api: Pick<TagApi, "add">, id: string, tags: Tags | undefined): Promise<void> {
  if (tags && Object.keys(tags).length > 0) await api.add(id, tags);
}
