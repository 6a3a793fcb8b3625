// CCM private CAs: create, get, list, the lifecycle transitions (activate, disable, enable,
// delete with pending days, restore, revoke), CA certificate / CSR export, certificate import, tags,
// and the revocation switches (OCSP, CRL; ca-switches.ts).
// What a CA found after a lost create must match is ca-match.ts's.
import type { z } from "zod";
import { CcmInvalidArgumentError, isCcmApiError, isNotFoundError } from "../errors.js";
import {
  type ActivateCaArgs,
  activateCaArgs,
  type CaCertificate,
  type CaInfo,
  type CreateCaArgs,
  caCertificateFromWire,
  caCertificateWire,
  caCsrWire,
  caFromWire,
  caIdWire,
  caListWire,
  caWire,
  createCaArgs,
  type ImportCaCertificateArgs,
  importCaCertificateArgs,
  type ListCasQuery,
  toActivateCaBody,
  toCreateCaBody,
  toImportCaCertificateBody,
  toListCasQuery,
} from "../schemas/ca.js";
import type { ConsoleConfig, EnableCrlArgs } from "../schemas/ca-switches.js";
import { toRevokeBody } from "../schemas/certificate.js";
import { type CaStatus, PENDING_DAYS, type RevocationReason } from "../schemas/enums.js";
import { type CaCriteria, caCriteria, caMatches, sameKeyUsages } from "./ca-match.js";
import { disableCaCrl, enableCaCrl, getConsoleConfig, setCaOcsp } from "./ca-switches.js";
import { type CreateOptions, type CreateResult, createWithoutDuplicates } from "./create.js";
import { issuedFacts } from "./issued-facts.js";
import {
  candidateEvidence,
  type ListedKind,
  ListedObjects,
  scanRecent,
  sendTransition,
  type TransitionResult,
} from "./lookup.js";
import type { OperationName } from "./operations.js";
import type { CallSpec, Transport } from "./transport.js";
import { requireId, validateArgs } from "./validate.js";
import type { WaitOptions } from "./wait.js";

export interface CreateCaResult extends CreateResult {
  readonly caId: string;
}

export interface CaPage {
  readonly total: number;
  readonly cas: CaInfo[];
}

export type { TransitionResult };

const CA_KIND: ListedKind<CaInfo, ListCasQuery, z.output<typeof caWire>, z.output<typeof caListWire>> = {
  what: "CA",
  idName: "caId",
  idParam: "ca_id",
  getOp: "getCa",
  listOp: "listCas",
  detailWire: caWire,
  fromWire: caFromWire,
  listWire: caListWire,
  itemsOf: (wire) => wire.certificate_authorities.map(caFromWire),
  toQuery: toListCasQuery,
  statusOf: (ca) => ca.status,
};

export class CaApi extends ListedObjects<CaInfo, ListCasQuery, z.output<typeof caWire>, z.output<typeof caListWire>> {
  constructor(transport: Transport) {
    super(transport, CA_KIND);
  }

  /** Creates a CA (pay-per-use). Never creates a duplicate when a response is lost (create.ts). */
  async create(args: CreateCaArgs, options?: CreateOptions): Promise<CreateCaResult> {
    const parsed = validateArgs("CA create arguments", createCaArgs, args);
    const call: CallSpec = { op: "createCa", body: toCreateCaBody(parsed) };
    const criteria = caCriteria(parsed);
    const result = await createWithoutDuplicates(
      this.transport,
      {
        kind: "CA",
        what: `${parsed.type} ${JSON.stringify(parsed.distinguishedName.commonName)}`,
        ...this.transport.createSend(call, caIdWire, (wire) => wire.ca_id),
        findMatches: (since, exclude) => this.#findMatches(criteria, since, exclude),
        listable: true,
      },
      options,
    );
    return { ...result, caId: result.id };
  }

  async list(query: ListCasQuery = {}): Promise<CaPage> {
    const { total, items } = await this.listPage(query);
    return { total, cas: items };
  }

  /** Activates a PENDING CA, issuing its certificate from a CA of this account. */
  async activate(caId: string, args: ActivateCaArgs = {}): Promise<TransitionResult> {
    const parsed = validateArgs("CA activate arguments", activateCaArgs, args);
    return this.#transition("activateCa", caId, toActivateCaBody(parsed), ["ACTIVED"]);
  }

  /** ACTIVED or EXPIRED → DISABLED. */
  disable(caId: string): Promise<TransitionResult> {
    return this.#transition("disableCa", caId, undefined, ["DISABLED"]);
  }

  /** DISABLED → ACTIVED. */
  enable(caId: string): Promise<TransitionResult> {
    return this.#transition("enableCa", caId, undefined, ["ACTIVED"]);
  }

  /** DELETED (within its pending days) → DISABLED. */
  restore(caId: string): Promise<TransitionResult> {
    return this.#transition("restoreCa", caId, undefined, ["DISABLED"]);
  }

  /** Imports the externally signed certificate of a PENDING subordinate CA (→ ACTIVED). */
  async importCertificate(caId: string, args: ImportCaCertificateArgs): Promise<TransitionResult> {
    const parsed = validateArgs("CA import arguments", importCaCertificateArgs, args);
    return this.#transition("importCaCertificate", caId, toImportCaCertificateBody(parsed), ["ACTIVED"]);
  }

  /** Revokes a subordinate CA. */
  async revoke(caId: string, reason?: RevocationReason): Promise<void> {
    await this.transport.send({
      op: "revokeCa",
      params: { ca_id: requireId("caId", caId) },
      body: toRevokeBody(reason),
    });
  }

  /** Turns the OCSP of an ACTIVED or DISABLED CA on or off; `changed` is false when it already was. */
  setOcsp(caId: string, enabled: boolean): Promise<TransitionResult> {
    return setCaOcsp(this.transport, caId, enabled);
  }

  /** Enables the CRL of an ACTIVED or DISABLED CA, or replaces the settings of an enabled one. */
  enableCrl(caId: string, args: EnableCrlArgs): Promise<void> {
    return enableCaCrl(this.transport, caId, args);
  }

  /** Disables the CRL of an ACTIVED or DISABLED CA. */
  disableCrl(caId: string): Promise<void> {
    return disableCaCrl(this.transport, caId);
  }

  /** What the console offers (OCSP, SM2, yearly/monthly CAs…) in this account. */
  getConsoleConfig(): Promise<ConsoleConfig> {
    return getConsoleConfig(this.transport);
  }

  /**
   * Deletes a PENDING CA at once, or schedules a DISABLED one for deletion after `pendingDays`
   * (7–30; restorable until then). `existed` is false when it was already gone.
   */
  async delete(caId: string, pendingDays?: number): Promise<{ existed: boolean }> {
    const id = requireId("caId", caId);
    if (
      pendingDays !== undefined &&
      !(Number.isInteger(pendingDays) && pendingDays >= PENDING_DAYS.min && pendingDays <= PENDING_DAYS.max)
    ) {
      throw new CcmInvalidArgumentError("CA delete arguments", [
        `pendingDays: an integer from ${PENDING_DAYS.min} to ${PENDING_DAYS.max}`,
      ]);
    }
    const query = pendingDays === undefined ? {} : { pending_days: String(pendingDays) };
    try {
      await this.transport.send({ op: "deleteCa", params: { ca_id: id }, query });
      return { existed: true };
    } catch (error) {
      if (isNotFoundError(error)) return { existed: false };
      // A repeat of a delete whose response was lost finds the CA already scheduled.
      if (
        isCcmApiError(error) &&
        error.status < 500 &&
        (await this.find(id))?.status === ("DELETED" satisfies CaStatus)
      ) {
        return { existed: true };
      }
      throw error;
    }
  }

  /** The CA's certificate and chain (ACTIVED or EXPIRED CAs). */
  async exportCertificate(caId: string): Promise<CaCertificate> {
    const call: CallSpec = { op: "exportCaCertificate", params: { ca_id: requireId("caId", caId) } };
    const response = await this.transport.send(call);
    return caCertificateFromWire(this.transport.parseJson(call, response, caCertificateWire));
  }

  /** The CSR of a PENDING CA (normalised PEM). */
  async exportCsr(caId: string): Promise<string> {
    const call: CallSpec = { op: "exportCaCsr", params: { ca_id: requireId("caId", caId) } };
    const response = await this.transport.send(call);
    return this.transport.parseJson(call, response, caCsrWire).csr;
  }

  /** Polls until the CA has one of `statuses`. */
  waitForStatus(caId: string, statuses: readonly CaStatus[], options?: WaitOptions): Promise<CaInfo> {
    return this.waitUntil(caId, statuses, options);
  }

  /** For applyByCsr with INTERMEDIATE_CA: subordinate CAs with this CN issued by `issuerId` from a CSR. */
  findIntermediateMatches(commonName: string, issuerId: string, since: number): Promise<string[]> {
    return this.#findMatches(
      { type: "SUBORDINATE", distinguishedName: { commonName }, issuerId, genMode: "CSR" },
      since,
    );
  }

  async #transition(
    op: OperationName,
    caId: string,
    body: unknown,
    targets: readonly CaStatus[],
  ): Promise<TransitionResult> {
    const id = requireId("caId", caId);
    const changed = await sendTransition(
      this.transport,
      { op, params: { ca_id: id }, body },
      () => this.find(id),
      targets,
    );
    return { changed };
  }

  /** CAs matching the request on their details, then (for requested key usages) on their
   * certificate, where they already have one. */
  async #findMatches(criteria: CaCriteria, since: number, exclude: ReadonlySet<string> = new Set()): Promise<string[]> {
    const { candidates } = await scanRecent({
      commonName: criteria.distinguishedName.commonName,
      sinceMs: since,
      exclude,
      fetch: (query) => this.listPage(query),
      idOf: (ca) => ca.caId,
      matches: (ca, threshold) => caMatches(ca, criteria, threshold),
    });
    const candidateIds = candidates.map((ca) => ca.caId);
    const ids: string[] = [];
    for (const ca of candidates) {
      if (!criteria.keyUsages || !(["ACTIVED", "EXPIRED"] as string[]).includes(ca.status)) {
        ids.push(ca.caId);
        continue;
      }
      const { certificate } = await candidateEvidence(candidateIds, () => this.exportCertificate(ca.caId));
      if (sameKeyUsages(issuedFacts(certificate).keyUsages, criteria.keyUsages)) ids.push(ca.caId);
    }
    return ids;
  }
}
