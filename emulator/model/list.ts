// List queries (docs/api-facts.md §2.3, §3.2): limit/offset paging, name and status filters, sort_key/sort_dir.

import { ApiError } from "./errors.js";
import { checkEnum, toInteger } from "./fields.js";
import {
  CA_SORT_KEYS,
  CA_STATUSES,
  CA_TYPES,
  CERTIFICATE_SORT_KEYS,
  CERTIFICATE_STATUSES,
  LIST_LIMIT_DEFAULT,
  LIST_LIMIT_MAX,
  NAME_FILTER_MAX,
  SORT_DIRECTIONS,
} from "./limits.js";
import type { CaRecord, CertificateRecord } from "./records.js";
import { caStatus, certificateStatus, isPurged } from "./status.js";

export interface Page<T> {
  total: number;
  items: T[];
}

interface CommonQuery {
  limit: number;
  offset: number;
  name: string | undefined;
  descending: boolean;
}

function integerParam(query: URLSearchParams, name: string, min: number, max: number, fallback: number): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  const value = toInteger(raw);
  if (value === undefined || value < min || value > max) {
    throw new ApiError("incorrectParameter", `Parameter ${name} must be an integer ${min}–${max}.`);
  }
  return value;
}

function enumParam<T extends string>(query: URLSearchParams, name: string, allowed: readonly T[]): T | undefined {
  const raw = query.get(name);
  return raw === null ? undefined : checkEnum(raw, allowed, "incorrectParameter", name);
}

function commonQuery(query: URLSearchParams): CommonQuery {
  const name = query.get("name") ?? undefined;
  if (name !== undefined && (name.length === 0 || name.length > NAME_FILTER_MAX)) {
    throw new ApiError("incorrectParameter", `Parameter name must be 1–${NAME_FILTER_MAX} characters long.`);
  }
  return {
    limit: integerParam(query, "limit", 0, LIST_LIMIT_MAX, LIST_LIMIT_DEFAULT),
    offset: integerParam(query, "offset", 0, Number.MAX_SAFE_INTEGER, 0),
    name,
    descending: (enumParam(query, "sort_dir", SORT_DIRECTIONS) ?? "DESC") === "DESC",
  };
}

function compare(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function page<T extends { id: string }>(
  items: T[],
  query: CommonQuery,
  sortValue: (item: T) => string | number,
): Page<T> {
  const sign = query.descending ? -1 : 1;
  const sorted = [...items].sort((a, b) => sign * compare(sortValue(a), sortValue(b)) || compare(a.id, b.id));
  return { total: sorted.length, items: sorted.slice(query.offset, query.offset + query.limit) };
}

function nameMatches(commonName: string, name: string | undefined): boolean {
  return name === undefined || commonName.toLowerCase().includes(name.toLowerCase());
}

/** The sort keys both lists have. A CA with no certificate yet (PENDING) has no not_after: it sorts as 0. */
function sharedSortValue(
  record: CaRecord | CertificateRecord,
  sortKey: "common_name" | "not_after" | "create_time",
): string | number {
  switch (sortKey) {
    case "common_name":
      return record.distinguishedName.commonName;
    case "not_after":
      return record.notAfter ?? 0;
    case "create_time":
      return record.createTime;
  }
}

export function listCertificates(
  records: CertificateRecord[],
  query: URLSearchParams,
  now: number,
): Page<CertificateRecord> {
  const common = commonQuery(query);
  const status = enumParam(query, "status", CERTIFICATE_STATUSES);
  const sortKey = enumParam(query, "sort_key", CERTIFICATE_SORT_KEYS) ?? "create_time";
  const matching = records.filter(
    (record) =>
      nameMatches(record.distinguishedName.commonName, common.name) &&
      (status === undefined || certificateStatus(record, now) === status),
  );
  return page(matching, common, (record) =>
    sortKey === "issuer_name" ? record.issuerName : sharedSortValue(record, sortKey),
  );
}

export function listCas(records: CaRecord[], query: URLSearchParams, now: number): Page<CaRecord> {
  const common = commonQuery(query);
  const status = enumParam(query, "status", CA_STATUSES);
  const type = enumParam(query, "type", CA_TYPES);
  const sortKey = enumParam(query, "sort_key", CA_SORT_KEYS) ?? "create_time";
  const matching = records.filter(
    (record) =>
      record.listed &&
      !isPurged(record, now) &&
      nameMatches(record.distinguishedName.commonName, common.name) &&
      (status === undefined || caStatus(record, now) === status) &&
      (type === undefined || record.type === type),
  );
  return page(matching, common, (record) => (sortKey === "type" ? record.type : sharedSortValue(record, sortKey)));
}
