// Resource-instance filter and count by tags (docs/api-facts.md §2.10, ListResourceInstancesRequestBody), for
// certificates and CAs alike: `{tags:[{key, values[]}], limit, offset, matches:[{key, value}]}`.
// As the SDK's field docs say: at most 20 keys with at most 20 values each, no repeated key or
// value; keys are ANDed, a key's values ORed, an empty values array matches any value of the key;
// no tags = every resource; limit is 10, 20 or 50; matches keys come from a fixed dictionary
// (resource_name only) and may not repeat.

import { ApiError } from "./errors.js";
import { isObject, requireObject } from "./fields.js";
import { TAG_KEY_MAX, TAG_KEY_PATTERN, TAG_VALUE_MAX, TAG_VALUE_PATTERN } from "./limits.js";
import type { CaRecord, CertificateRecord, Tag } from "./records.js";

export const FILTER_TAGS_MAX = 20;
export const FILTER_VALUES_MAX = 20;
export const FILTER_LIMITS = [10, 20, 50] as const;
export const FILTER_LIMIT_DEFAULT = 10;
export const MATCH_KEYS = ["resource_name"] as const;

interface TagFilter {
  key: string;
  values: string[];
}

export interface InstanceQuery {
  tags: TagFilter[];
  limit: number;
  offset: number;
  /** resource_name: a substring of the resource's name (its common name). */
  name: string | undefined;
}

function bad(message: string): ApiError {
  return new ApiError("incorrectParameter", message);
}

function uniqueStrings(list: unknown, path: string, max: number, valid: (text: string) => boolean): string[] {
  if (!Array.isArray(list) || list.length > max) throw bad(`Parameter ${path} must be an array of at most ${max}.`);
  const seen = new Set<string>();
  for (const [index, item] of list.entries()) {
    if (typeof item !== "string" || !valid(item)) throw bad(`Parameter ${path}[${index}] is not valid.`);
    if (seen.has(item)) throw bad(`Parameter ${path} repeats ${JSON.stringify(item)}.`);
    seen.add(item);
  }
  return [...seen];
}

const validKey = (key: string) => key.length > 0 && [...key].length <= TAG_KEY_MAX && TAG_KEY_PATTERN.test(key);
const validValue = (value: string) => [...value].length <= TAG_VALUE_MAX && TAG_VALUE_PATTERN.test(value);

function parseTagFilters(value: unknown): TagFilter[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.length > FILTER_TAGS_MAX) {
    throw bad(`Parameter tags must be an array of at most ${FILTER_TAGS_MAX} tags.`);
  }
  const keys = new Set<string>();
  return value.map((item, index) => {
    const path = `tags[${index}]`;
    if (!isObject(item)) throw bad(`Parameter ${path} must be an object.`);
    if (typeof item.key !== "string" || !validKey(item.key)) throw bad(`Parameter ${path}.key is not a valid tag key.`);
    if (keys.has(item.key)) throw bad(`Parameter tags repeats the key ${JSON.stringify(item.key)}.`);
    keys.add(item.key);
    // "each key's values may be an empty array, but the field may not be missing"
    return { key: item.key, values: uniqueStrings(item.values, `${path}.values`, FILTER_VALUES_MAX, validValue) };
  });
}

function parseMatches(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw bad("Parameter matches must be an array.");
  let name: string | undefined;
  for (const [index, item] of value.entries()) {
    const path = `matches[${index}]`;
    if (!isObject(item)) throw bad(`Parameter ${path} must be an object.`);
    if (!MATCH_KEYS.some((key) => key === item.key)) {
      throw bad(`Parameter ${path}.key must be one of ${MATCH_KEYS.join(", ")}.`);
    }
    if (name !== undefined) throw bad(`Parameter matches repeats the key ${String(item.key)}.`);
    if (typeof item.value !== "string" || !validValue(item.value)) throw bad(`Parameter ${path}.value is not valid.`);
    name = item.value;
  }
  return name;
}

function parseLimit(value: unknown): number {
  if (value === undefined || value === null) return FILTER_LIMIT_DEFAULT;
  const limit = FILTER_LIMITS.find((allowed) => allowed === value);
  if (limit === undefined) throw bad(`Parameter limit must be one of ${FILTER_LIMITS.join(", ")}.`);
  return limit;
}

function parseOffset(value: unknown): number {
  if (value === undefined || value === null) return 0;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw bad("Parameter offset must be an integer ≥ 0.");
  }
  return value;
}

/** The request body; an empty body is the empty filter (every resource). */
export function parseInstanceQuery(body: unknown): InstanceQuery {
  const obj = body === undefined ? {} : requireObject(body, "body");
  return {
    tags: parseTagFilters(obj.tags),
    limit: parseLimit(obj.limit),
    offset: parseOffset(obj.offset),
    name: parseMatches(obj.matches),
  };
}

function tagsMatch(tags: readonly Tag[], filters: readonly TagFilter[]): boolean {
  return filters.every((filter) =>
    tags.some((tag) => tag.key === filter.key && (filter.values.length === 0 || filter.values.includes(tag.value))),
  );
}

/** The records a query selects, newest first (ties by id, so pages are stable). */
export function selectInstances<T extends CertificateRecord | CaRecord>(records: T[], query: InstanceQuery): T[] {
  return records
    .filter(
      (record) =>
        tagsMatch(record.tags, query.tags) &&
        (query.name === undefined || record.distinguishedName.commonName.includes(query.name)),
    )
    .sort((a, b) => b.createTime - a.createTime || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
