// Tags: a map in args (as users write them), a list of {key, value} on the wire; the key and value
// rules of the tag API (docs/api-facts.md).

import { z } from "zod";
import { wireText } from "./common.js";
import { TAG_LIMITS } from "./enums.js";

const TAG_KEY_RULE =
  `${TAG_LIMITS.key.min}–${TAG_LIMITS.key.max} characters of ${TAG_LIMITS.key.allowed}, ` +
  `not starting with "${TAG_LIMITS.key.reservedPrefix}"`;
const TAG_VALUE_RULE = `0–${TAG_LIMITS.value.max} characters of ${TAG_LIMITS.value.allowed}`;

/** Tags as a map. Keys are checked here rather than by a record key schema, so that a refusal
 * says which key and what is allowed (zod's own reads "Invalid key in record"). */
export const tagsArgs = z.record(z.string(), z.string()).superRefine((tags, ctx) => {
  for (const [key, value] of Object.entries(tags)) {
    const length = [...key].length;
    if (
      length < TAG_LIMITS.key.min ||
      length > TAG_LIMITS.key.max ||
      !TAG_LIMITS.key.pattern.test(key) ||
      key.startsWith(TAG_LIMITS.key.reservedPrefix)
    ) {
      ctx.addIssue({ code: "custom", message: `key ${JSON.stringify(key)} is not allowed: a key has ${TAG_KEY_RULE}` });
    }
    if ([...value].length > TAG_LIMITS.value.max || !TAG_LIMITS.value.pattern.test(value)) {
      ctx.addIssue({
        code: "custom",
        message: `the value of ${JSON.stringify(key)} is not allowed: a value has ${TAG_VALUE_RULE}`,
      });
    }
  }
});

/** A resource's tags: the tag rules, and at most 20 of them. */
export const resourceTagsArgs = tagsArgs.superRefine((tags, ctx) => {
  const count = Object.keys(tags).length;
  if (count > TAG_LIMITS.maxPerResource) {
    ctx.addIssue({ code: "custom", message: `at most ${TAG_LIMITS.maxPerResource} tags (got ${count})` });
  }
});
export type Tags = Record<string, string>;

export interface TagBody {
  key: string;
  value: string;
}

export function toTagListBody(tags: Tags): { tags: TagBody[] } {
  return { tags: Object.entries(tags).map(([key, value]) => ({ key, value })) };
}

export const tagListWire = z.looseObject({
  tags: z
    .array(z.looseObject({ key: z.string(), value: wireText }))
    .nullish()
    .transform((v) => v ?? []),
});

export function tagsFromWire(wire: z.output<typeof tagListWire>): Tags {
  const tags: Tags = {};
  for (const tag of wire.tags) tags[tag.key] = tag.value ?? "";
  return tags;
}
