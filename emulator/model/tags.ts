// Resource tags on certificates and CAs (docs/api-facts.md §2.10): batch create (upsert by key), batch delete
// (by key, and by value when one is given), list per resource, and the domain-wide key → values.

import type { ModelContext } from "./context.js";
import { ApiError } from "./errors.js";
import { isObject, requireObject } from "./fields.js";
import {
  TAG_KEY_MAX,
  TAG_KEY_PATTERN,
  TAG_KEY_RESERVED_PREFIX,
  TAG_VALUE_MAX,
  TAG_VALUE_PATTERN,
  TAGS_PER_REQUEST_MAX,
} from "./limits.js";
import { getCa, getCertificate, requireManagedCa } from "./lookup.js";
import type { Tag } from "./records.js";

export type TaggedKind = "certificate" | "ca";

interface TagInput {
  key: string;
  value: string | undefined;
}

function parseTags(body: unknown, valueRequired: boolean): TagInput[] {
  const obj = requireObject(body, "body");
  const list = obj.tags;
  if (!Array.isArray(list) || list.length === 0 || list.length > TAGS_PER_REQUEST_MAX) {
    throw new ApiError("incorrectParameter", `Parameter tags must be an array of 1–${TAGS_PER_REQUEST_MAX} tags.`);
  }
  const seen = new Set<string>();
  return list.map((item, index) => {
    const path = `tags[${index}]`;
    if (!isObject(item)) throw new ApiError("incorrectParameter", `Parameter ${path} must be an object.`);
    const key = item.key;
    if (
      typeof key !== "string" ||
      key.length === 0 ||
      [...key].length > TAG_KEY_MAX ||
      !TAG_KEY_PATTERN.test(key) ||
      key.startsWith(TAG_KEY_RESERVED_PREFIX) ||
      key !== key.trim()
    ) {
      throw new ApiError(
        "incorrectParameter",
        `Parameter ${path}.key must be 1–${TAG_KEY_MAX} letters, digits, spaces or _.:=+-@, not starting with ${TAG_KEY_RESERVED_PREFIX} and not padded with spaces.`,
      );
    }
    if (seen.has(key))
      throw new ApiError("incorrectParameter", `Parameter tags repeats the key ${JSON.stringify(key)}.`);
    seen.add(key);
    const value = item.value;
    if (value === undefined || value === null) {
      if (valueRequired) throw new ApiError("incorrectParameter", `Parameter ${path}.value is required.`);
      return { key, value: undefined };
    }
    if (typeof value !== "string" || [...value].length > TAG_VALUE_MAX || !TAG_VALUE_PATTERN.test(value)) {
      throw new ApiError(
        "incorrectParameter",
        `Parameter ${path}.value must be 0–${TAG_VALUE_MAX} letters, digits, spaces or _.:/=+-@.`,
      );
    }
    return { key, value };
  });
}

function currentTags(ctx: ModelContext, kind: TaggedKind, id: string): Tag[] {
  return kind === "certificate" ? getCertificate(ctx, id).tags : requireManagedCa(getCa(ctx, id)).tags;
}

async function saveTags(ctx: ModelContext, kind: TaggedKind, id: string, tags: Tag[]): Promise<void> {
  if (kind === "certificate") await ctx.store.put("certificates", id, { ...getCertificate(ctx, id), tags });
  else await ctx.store.put("authorities", id, { ...getCa(ctx, id), tags });
}

export async function createTags(ctx: ModelContext, kind: TaggedKind, id: string, body: unknown): Promise<void> {
  const requested = parseTags(body, true);
  const tags = new Map(currentTags(ctx, kind, id).map((tag) => [tag.key, tag.value]));
  for (const { key, value } of requested) tags.set(key, value ?? "");
  await saveTags(
    ctx,
    kind,
    id,
    [...tags].map(([key, value]) => ({ key, value })),
  );
}

export async function deleteTags(ctx: ModelContext, kind: TaggedKind, id: string, body: unknown): Promise<void> {
  const requested = parseTags(body, false);
  const remaining = currentTags(ctx, kind, id).filter(
    (tag) => !requested.some((gone) => gone.key === tag.key && (gone.value === undefined || gone.value === tag.value)),
  );
  await saveTags(ctx, kind, id, remaining);
}

export function listTags(ctx: ModelContext, kind: TaggedKind, id: string): Tag[] {
  return currentTags(ctx, kind, id);
}

/** Every tag key used by any resource of the kind, with its distinct values. */
export function domainTags(ctx: ModelContext, kind: TaggedKind): { key: string; values: string[] }[] {
  const records = kind === "certificate" ? ctx.store.list("certificates") : ctx.store.list("authorities");
  const keys = new Map<string, Set<string>>();
  for (const record of records) {
    for (const tag of record.tags) {
      const values = keys.get(tag.key) ?? new Set<string>();
      values.add(tag.value);
      keys.set(tag.key, values);
    }
  }
  return [...keys].map(([key, values]) => ({ key, values: [...values] }));
}
