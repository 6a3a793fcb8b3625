// The model's one entry point (moto's backend): every operation of the emulated APIs, bound to one
// store and one clock. It enforces the service's rules and throws ApiError; it knows nothing of HTTP.

import type { Clock } from "../clock.js";
import type { EmulatorStore } from "../store/index.js";
import { createCa } from "./ca-create.js";
import { exportCaCertificate, exportCaCsr, importCaCertificate } from "./ca-io.js";
import { activateCa, deleteCa, disableCa, enableCa, restoreCa, revokeCa } from "./ca-lifecycle.js";
import { consoleConfig, disableCrl, enableCrl, switchOcsp } from "./ca-switches.js";
import { exportCertificate } from "./certificate-export.js";
import { applyCertificate, applyCertificateByCsr } from "./certificate-issue.js";
import { deleteCertificate, revokeCertificate } from "./certificate-ops.js";
import { type ModelContext, SerialIndex } from "./context.js";
import { parseCsrRequest } from "./csr-parse.js";
import { inventory, purgeDue } from "./inventory.js";
import { QUOTA_CERTIFICATE_AUTHORITIES, QUOTA_CERTIFICATES } from "./limits.js";
import { listCas, listCertificates } from "./list.js";
import { getCa, getCertificate } from "./lookup.js";
import type { CaRecord, CertificateRecord } from "./records.js";
import { parseInstanceQuery, selectInstances } from "./resource-instances.js";
import { exportScmCertificate } from "./scm.js";
import { applySeed, parseSeedDocument } from "./seed.js";
import { parseEnableCaCert, showCertKey } from "./sms.js";
import { isPurged } from "./status.js";
import { createTags, deleteTags, domainTags, listTags, type TaggedKind } from "./tags.js";

export class Model {
  readonly #ctx: ModelContext;
  #updates: Promise<unknown> = Promise.resolve();

  /**
   * Runs a read-modify-write of existing documents (tags, revocation, CA lifecycle, deletion,
   * seed, reset) after the previous one has finished. The file store shows a write only once it
   * is durable, so two such updates of one document running side by side would each read the old
   * version and the later write would drop the earlier change. Creations are not queued: they
   * write new documents, and their key generation is the slow part worth running in parallel.
   */
  #exclusive<T>(update: () => Promise<T>): Promise<T> {
    const run = this.#updates.then(update, update);
    this.#updates = run.catch(() => undefined);
    return run;
  }

  constructor(store: EmulatorStore, clock: Clock) {
    const serials = new SerialIndex();
    serials.rebuild(store);
    this.#ctx = { store, clock, serials };
  }

  get clock(): Clock {
    return this.#ctx.clock;
  }

  now(): number {
    return this.#ctx.clock.now();
  }

  // --- private certificates ---
  applyCertificate = (body: unknown) => applyCertificate(this.#ctx, body);
  applyCertificateByCsr = (body: unknown) => applyCertificateByCsr(this.#ctx, body);
  getCertificate = (id: string) => getCertificate(this.#ctx, id);
  listCertificates = (query: URLSearchParams) =>
    listCertificates(this.#ctx.store.list("certificates"), query, this.now());
  deleteCertificate = (id: string) => this.#exclusive(() => deleteCertificate(this.#ctx, id));
  revokeCertificate = (id: string, body: unknown) => this.#exclusive(() => revokeCertificate(this.#ctx, id, body));
  exportCertificate = (id: string, body: unknown) => exportCertificate(this.#ctx, id, body);
  parseCsr = (body: unknown) => parseCsrRequest(body);

  // --- private CAs ---
  createCa = (body: unknown) => createCa(this.#ctx, body);
  getCa = (id: string) => getCa(this.#ctx, id);
  listCas = (query: URLSearchParams) => listCas(this.#ctx.store.list("authorities"), query, this.now());
  activateCa = (id: string, body: unknown) => this.#exclusive(() => activateCa(this.#ctx, id, body));
  disableCa = (id: string) => this.#exclusive(() => disableCa(this.#ctx, id));
  enableCa = (id: string) => this.#exclusive(() => enableCa(this.#ctx, id));
  deleteCa = (id: string, pendingDays: string | null) =>
    this.#exclusive(async () => {
      await purgeDue(this.#ctx);
      await deleteCa(this.#ctx, id, pendingDays);
    });
  restoreCa = (id: string) => this.#exclusive(() => restoreCa(this.#ctx, id));
  revokeCa = (id: string, body: unknown) => this.#exclusive(() => revokeCa(this.#ctx, id, body));
  exportCaCertificate = (id: string) => exportCaCertificate(this.#ctx, id);
  exportCaCsr = (id: string) => exportCaCsr(this.#ctx, id);
  importCaCertificate = (id: string, body: unknown) => this.#exclusive(() => importCaCertificate(this.#ctx, id, body));
  switchOcsp = (id: string, body: unknown) => this.#exclusive(() => switchOcsp(this.#ctx, id, body));
  enableCrl = (id: string, body: unknown) => this.#exclusive(() => enableCrl(this.#ctx, id, body));
  disableCrl = (id: string) => this.#exclusive(() => disableCrl(this.#ctx, id));
  consoleConfig = () => consoleConfig();

  // --- tags ---
  createTags = (kind: TaggedKind, id: string, body: unknown) =>
    this.#exclusive(() => createTags(this.#ctx, kind, id, body));
  deleteTags = (kind: TaggedKind, id: string, body: unknown) =>
    this.#exclusive(() => deleteTags(this.#ctx, kind, id, body));
  listTags = (kind: TaggedKind, id: string) => listTags(this.#ctx, kind, id);
  domainTags = (kind: TaggedKind) => domainTags(this.#ctx, kind);

  // --- resource instances by tags (docs/api-facts.md §2.10) ---
  /** The resources a list/count by tags sees: every certificate; the CAs the CA list shows. */
  #taggable(kind: TaggedKind): (CertificateRecord | CaRecord)[] {
    if (kind === "certificate") return this.#ctx.store.list("certificates");
    const now = this.now();
    return this.#ctx.store.list("authorities").filter((ca) => ca.listed && !isPurged(ca, now));
  }

  filterInstances(kind: "certificate", body: unknown): { total: number; items: CertificateRecord[] };
  filterInstances(kind: "ca", body: unknown): { total: number; items: CaRecord[] };
  filterInstances(kind: TaggedKind, body: unknown): { total: number; items: (CertificateRecord | CaRecord)[] } {
    const query = parseInstanceQuery(body);
    const selected = selectInstances(this.#taggable(kind), query);
    return { total: selected.length, items: selected.slice(query.offset, query.offset + query.limit) };
  }

  countInstances(kind: TaggedKind, body: unknown): number {
    return selectInstances(this.#taggable(kind), parseInstanceQuery(body)).length;
  }

  // --- quotas (docs/api-facts.md §2.9) ---
  quotas(kind: TaggedKind): { type: string; used: number; quota: number } {
    if (kind === "certificate") {
      return { type: "CERTIFICATE", used: this.#ctx.store.count("certificates"), quota: QUOTA_CERTIFICATES };
    }
    const now = this.now();
    const used = this.#ctx.store.list("authorities").filter((ca) => ca.listed && !isPurged(ca, now)).length;
    return { type: "CERTIFICATE_AUTHORITY", used, quota: QUOTA_CERTIFICATE_AUTHORITIES };
  }

  // --- SCM / SMS ---
  exportScmCertificate = (id: string) => exportScmCertificate(this.#ctx, id);
  showCertKey = (taskId: string, enableCaCert: string | null) =>
    showCertKey(this.#ctx, taskId, parseEnableCaCert(enableCaCert));

  // --- control plane ---
  seed = (doc: unknown) => this.#exclusive(() => applySeed(this.#ctx, parseSeedDocument(doc)));
  inventory = () => inventory(this.#ctx);

  reset(): Promise<void> {
    return this.#exclusive(async () => {
      await this.#ctx.store.clear();
      this.#ctx.serials.rebuild(this.#ctx.store);
    });
  }
}

export { ApiError, ERRORS, type ErrorSpec } from "./errors.js";
export type { CaRecord, CertificateRecord } from "./records.js";
