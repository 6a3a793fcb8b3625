// Finding CAs and certificates: one read that may find nothing, every page of a list, a wait for
// a status, and the scan after a lost create (newest first, by common name, leaving out the ids
// the caller already manages). cas.ts and certificates.ts give these their list call and their
// matching rule.
import type { z } from "zod";
import { CcmLookupError, type CreatedKind, isCcmApiError, isNotFoundError } from "../errors.js";
import { LIST_LIMIT } from "../schemas/enums.js";
import { CandidatesUnverifiedError, serviceTimeThreshold } from "./create-lookup.js";
import type { OperationName } from "./operations.js";
import { TagApi } from "./tags.js";
import type { CallSpec, RawResponse, Transport } from "./transport.js";
import { requireId } from "./validate.js";
import { type WaitOptions, waitForStatus } from "./wait.js";

/** The read's result, or undefined when the object does not exist (either not-found shape). */
async function unlessNotFound<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if (isNotFoundError(error)) return undefined;
    throw error;
  }
}

/** How one kind of object is read and listed (CAs, private certificates). */
export interface ListedKind<T, Q, W, L extends { total?: number | undefined }> {
  /** The kind in messages and of its tags. */
  readonly what: CreatedKind;
  /** The argument name in errors, e.g. "caId". */
  readonly idName: string;
  /** The path parameter of the id, e.g. "ca_id". */
  readonly idParam: string;
  readonly getOp: OperationName;
  readonly listOp: OperationName;
  readonly detailWire: z.ZodType<W>;
  fromWire(wire: W): T;
  readonly listWire: z.ZodType<L>;
  itemsOf(wire: L): readonly T[];
  toQuery(query: Q): Record<string, string>;
  statusOf(item: T): string;
}

/** Reading and listing, the same for every kind: `get`, `find` (undefined when gone), `listAll`,
 * waiting for a status, and the object's tags. */
export abstract class ListedObjects<T, Q extends object, W, L extends { total?: number | undefined }> {
  readonly tags: TagApi;
  readonly #kind: ListedKind<T, Q, W, L>;

  protected constructor(
    protected readonly transport: Transport,
    kind: ListedKind<T, Q, W, L>,
  ) {
    this.#kind = kind;
    this.tags = new TagApi(transport, kind.what);
  }

  async get(id: string): Promise<T> {
    const call: CallSpec = { op: this.#kind.getOp, params: { [this.#kind.idParam]: requireId(this.#kind.idName, id) } };
    const response = await this.transport.send(call);
    return this.#kind.fromWire(this.transport.parseJson(call, response, this.#kind.detailWire));
  }

  /** Like get, but undefined when the object does not exist (either not-found shape). */
  find(id: string): Promise<T | undefined> {
    return unlessNotFound(this.get(id));
  }

  /** Every object matching `query`, following offsets page by page; with `maxItems`, refuses
   * (CcmLookupError) a list longer than that instead of reading it. */
  listAll(query: Omit<Q, "offset" | "limit"> = {} as Omit<Q, "offset" | "limit">, maxItems?: number): Promise<T[]> {
    return listEveryPage((page) => this.listPage({ ...query, ...page } as Q), this.#kind.what, maxItems);
  }

  /** Polls until the object has one of `statuses` (wait.ts: not found counts as "not yet"). */
  protected waitUntil(id: string, statuses: readonly string[], options?: WaitOptions): Promise<T> {
    const kind = this.#kind;
    return waitForStatus(this.transport, kind.what, id, statuses, () => this.get(id), kind.statusOf, options);
  }

  protected listPage(query: Q): Promise<ListedPage<T>> {
    const call: CallSpec = { op: this.#kind.listOp, query: this.#kind.toQuery(query) };
    return listPage(this.transport, call, this.#kind.listWire, (wire) => this.#kind.itemsOf(wire));
  }
}

/** One page of a list, with the response (its Date header dates the lookup window). */
export interface ListedPage<T> {
  readonly total: number;
  readonly items: T[];
  readonly response: RawResponse;
}

/** Sends one list call and maps its items; `total` falls back to the page size when absent. */
async function listPage<W extends { total?: number | undefined }, T>(
  transport: Transport,
  call: CallSpec,
  schema: z.ZodType<W>,
  itemsOf: (wire: W) => readonly T[],
): Promise<ListedPage<T>> {
  const response = await transport.send(call);
  const wire = transport.parseJson(call, response, schema);
  const items = [...itemsOf(wire)];
  return { total: wire.total ?? items.length, items, response };
}

interface PageQuery {
  readonly offset: number;
  readonly limit: number;
}

/** Every item, following offsets page by page at the largest page size. */
async function listEveryPage<T>(
  fetch: (page: PageQuery) => Promise<ListedPage<T>>,
  what: CreatedKind,
  maxItems = Number.POSITIVE_INFINITY,
): Promise<T[]> {
  const all: T[] = [];
  for (let offset = 0; ; offset += LIST_LIMIT.max) {
    const page = await fetch({ offset, limit: LIST_LIMIT.max });
    if (page.total > maxItems) {
      throw new CcmLookupError(
        `${page.total} ${what}s match, more than the ${maxItems} this lookup reads; narrow the filters`,
      );
    }
    all.push(...page.items);
    if (page.items.length < LIST_LIMIT.max || all.length >= page.total) return all;
  }
}

const LOOKUP_PAGE = 100;
const LOOKUP_MAX_PAGES = 10;

/** The list query of a lookup: newest first, by common name when there is one. */
export interface RecentQuery extends PageQuery {
  readonly name?: string;
  readonly sortKey: "create_time";
  readonly sortDir: "DESC";
}

export interface RecentScan<T> {
  /** Items that `matches` accepted, newest first. */
  readonly candidates: T[];
  /** "Created at or after the lookup's start", on the service's clock (serviceTimeThreshold). */
  readonly threshold: number;
}

/** The recently created items `matches` accepts, leaving out `exclude` (ids the caller manages)
 * before any costly check; reads at most LOOKUP_MAX_PAGES pages. */
export async function scanRecent<T>(scan: {
  readonly commonName: string | undefined;
  readonly sinceMs: number;
  readonly exclude: ReadonlySet<string>;
  fetch(query: RecentQuery): Promise<ListedPage<T>>;
  idOf(item: T): string;
  matches(item: T, threshold: number): boolean;
}): Promise<RecentScan<T>> {
  const candidates: T[] = [];
  let threshold: number | undefined;
  for (let page = 0, offset = 0; page < LOOKUP_MAX_PAGES; page++, offset += LOOKUP_PAGE) {
    const result = await scan.fetch({
      ...(scan.commonName ? { name: scan.commonName } : {}),
      sortKey: "create_time",
      sortDir: "DESC",
      limit: LOOKUP_PAGE,
      offset,
    });
    threshold ??= serviceTimeThreshold(scan.sinceMs, result.response);
    for (const item of result.items) {
      if (!scan.exclude.has(scan.idOf(item)) && scan.matches(item, threshold)) candidates.push(item);
    }
    if (result.items.length < LOOKUP_PAGE || offset + LOOKUP_PAGE >= result.total) break;
  }
  return { candidates, threshold: threshold ?? scan.sinceMs };
}

/** Reads what a candidate is checked against (its certificate). When one read fails, whether any
 * candidate is this request's cannot be told, so every candidate is reported. */
export async function candidateEvidence<T>(candidateIds: readonly string[], read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw new CandidatesUnverifiedError(candidateIds, { cause: error });
  }
}

/** `changed` is false when the object was already in the target state (a repeat, or a lost response). */
export interface TransitionResult {
  readonly changed: boolean;
}

/** Sends a state change. When the service refuses it (a 4xx other than not-found) but a fresh read
 * finds the object already in one of `targets` — a repeat, or our earlier attempt's response was
 * lost — that is success. Resolves to whether this send made the change. */
export async function sendTransition(
  transport: Transport,
  call: CallSpec,
  current: () => Promise<{ readonly status: string } | undefined>,
  targets: readonly string[],
): Promise<boolean> {
  try {
    await transport.send(call);
    return true;
  } catch (error) {
    if (!isCcmApiError(error) || isNotFoundError(error) || error.status >= 500) throw error;
    const found = await current();
    if (found && targets.includes(found.status)) return false;
    throw error;
  }
}
