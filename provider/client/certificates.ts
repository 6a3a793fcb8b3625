// CCM private certificates: apply (system key or CSR), get, list, delete, revoke, export, tags.
import type { z } from "zod";
import { CcmExportFormatError, isCcmApiError, isNotFoundError } from "../errors.js";
import {
  type ApplyCertificateArgs,
  type ApplyCertificateByCsrArgs,
  applyCertificateArgs,
  applyCertificateByCsrArgs,
  type CertificateInfo,
  certificateFromWire,
  certificateIdWire,
  certificateListWire,
  certificateWire,
  type ListCertificatesQuery,
  toApplyCertificateBody,
  toApplyCertificateByCsrBody,
  toListCertificatesQuery,
  toRevokeBody,
} from "../schemas/certificate.js";
import {
  type CertificateStatus,
  EXTENDED_KEY_USAGES,
  type ExtendedKeyUsageName,
  LIST_LIMIT,
  type RevocationReason,
} from "../schemas/enums.js";
import {
  type ExportCertificateArgs,
  type ExportedArchive,
  type ExportedCertificate,
  exportCertificateArgs,
  exportedCertificateFromWire,
  exportedCertificateWire,
  toExportCertificateBody,
} from "../schemas/export.js";
import { CaApi } from "./cas.js";
import { type CertificateRequestFacts, certificateMismatch, detailMismatch } from "./certificate-match.js";
import {
  CandidatesUnverifiedError,
  type CreateOptions,
  type CreateResult,
  createWithoutDuplicates,
  serviceTimeThreshold,
} from "./create.js";
import { csrCommonName } from "./csr.js";
import { csrPublicKey, issuedFacts } from "./issued-facts.js";
import { TagApi } from "./tags.js";
import type { CallSpec, RawResponse, Transport } from "./transport.js";
import { requireId, validateArgs } from "./validate.js";
import { type WaitOptions, waitForStatus } from "./wait.js";
import { isZip, parseExportArchive } from "./zip.js";

export interface ApplyResult extends CreateResult {
  readonly certificateId: string;
}

export interface CertificatePage {
  readonly total: number;
  readonly certificates: CertificateInfo[];
}

const LOOKUP_PAGE = 100;
const LOOKUP_MAX_PAGES = 10;

export class CertificateApi {
  readonly #t: Transport;
  readonly tags: TagApi;

  constructor(transport: Transport) {
    this.#t = transport;
    this.tags = new TagApi(transport, "certificate");
  }

  /** Applies for a certificate with a key the service generates. Never creates a duplicate when
   * a response is lost (see create.ts); `resolution` tells how the id was obtained. */
  async apply(args: ApplyCertificateArgs, options?: CreateOptions): Promise<ApplyResult> {
    const parsed = validateArgs("certificate apply arguments", applyCertificateArgs, args);
    const call: CallSpec = { op: "applyCertificate", body: toApplyCertificateBody(parsed) };
    const request = applyRequestFacts(parsed);
    const result = await createWithoutDuplicates(
      this.#t,
      {
        kind: "certificate",
        what: `${JSON.stringify(request.commonName)} from CA ${request.issuerId}`,
        execute: () => this.#t.execute(call),
        idFrom: (response) => this.#t.parseJson(call, response, certificateIdWire).certificate_id,
        findMatches: (since, exclude) => this.#findMatches(request, since, exclude),
        listable: true,
      },
      options,
    );
    return { ...result, certificateId: result.id };
  }

  /** Issues a certificate for a CSR. With type INTERMEDIATE_CA the result is a CA and the id a
   * ca_id; such CAs are not listed (docs/api-facts.md §2.7), so a lost response there cannot be resolved by
   * lookup and is reported as CcmCreateOutcomeUnknownError unless a matching CA is visible. */
  async applyByCsr(args: ApplyCertificateByCsrArgs, options?: CreateOptions): Promise<ApplyResult> {
    const parsed = validateArgs("CSR apply arguments", applyCertificateByCsrArgs, args);
    const call: CallSpec = { op: "applyCertificateByCsr", body: toApplyCertificateByCsrBody(parsed) };
    const commonName = csrCommonName(parsed.csr);
    const intermediate = parsed.type === "INTERMEDIATE_CA";
    const result = await createWithoutDuplicates(
      this.#t,
      {
        kind: intermediate ? "CA" : "certificate",
        what: `${commonName ? JSON.stringify(commonName) : "(CSR without CN)"} from CA ${parsed.issuerId} by CSR`,
        execute: () => this.#t.execute(call),
        idFrom: (response) => this.#t.parseJson(call, response, certificateIdWire).certificate_id,
        findMatches: async (since, exclude) => {
          if (!commonName) throw new TypeError("the CSR has no common name to look for");
          if (intermediate) return new CaApi(this.#t).findIntermediateMatches(commonName, parsed.issuerId, since);
          const request: CertificateRequestFacts = {
            issuerId: parsed.issuerId,
            genMode: "CSR",
            commonName,
            subject: {},
            validity: parsed.validity,
            publicKey: csrPublicKey(parsed.csr),
          };
          return this.#findMatches(request, since, exclude);
        },
        listable: !intermediate && commonName !== undefined,
      },
      options,
    );
    return { ...result, certificateId: result.id };
  }

  async get(certificateId: string): Promise<CertificateInfo> {
    const call: CallSpec = {
      op: "getCertificate",
      params: { certificate_id: requireId("certificateId", certificateId) },
    };
    const response = await this.#t.send(call);
    return certificateFromWire(this.#t.parseJson(call, response, certificateWire));
  }

  /** Like get, but undefined when the certificate does not exist (either not-found shape). */
  async find(certificateId: string): Promise<CertificateInfo | undefined> {
    try {
      return await this.get(certificateId);
    } catch (error) {
      if (isNotFoundError(error)) return undefined;
      throw error;
    }
  }

  async list(query: ListCertificatesQuery = {}): Promise<CertificatePage> {
    return (await this.#listPage(query)).page;
  }

  /** Every certificate matching `query`, following offsets page by page. */
  async listAll(query: Omit<ListCertificatesQuery, "offset" | "limit"> = {}): Promise<CertificateInfo[]> {
    const all: CertificateInfo[] = [];
    for (let offset = 0; ; offset += LIST_LIMIT.max) {
      const { page } = await this.#listPage({ ...query, offset, limit: LIST_LIMIT.max });
      all.push(...page.certificates);
      if (page.certificates.length < LIST_LIMIT.max || all.length >= page.total) return all;
    }
  }

  /** Deletes (immediately; no revocation). `existed` is false when it was already gone. */
  async delete(certificateId: string): Promise<{ existed: boolean }> {
    try {
      await this.#t.send({
        op: "deleteCertificate",
        params: { certificate_id: requireId("certificateId", certificateId) },
      });
      return { existed: true };
    } catch (error) {
      if (isNotFoundError(error)) return { existed: false };
      throw error;
    }
  }

  /** Revokes. Repeating it is safe: when the service refuses because the certificate is already
   * REVOKED (e.g. our first attempt's response was lost), that is reported, not thrown. */
  async revoke(certificateId: string, reason?: RevocationReason): Promise<{ alreadyRevoked: boolean }> {
    const id = requireId("certificateId", certificateId);
    try {
      await this.#t.send({ op: "revokeCertificate", params: { certificate_id: id }, body: toRevokeBody(reason) });
      return { alreadyRevoked: false };
    } catch (error) {
      if (!isCcmApiError(error) || isNotFoundError(error) || error.status >= 500) throw error;
      const current = await this.find(id);
      if (current?.status === ("REVOKED" satisfies CertificateStatus)) return { alreadyRevoked: true };
      throw error;
    }
  }

  /** Exports as JSON (APACHE / NGINX / OTHER; IIS and TOMCAT need the archive). */
  async exportPem(certificateId: string, args: ExportCertificateArgs): Promise<ExportedCertificate> {
    const parsed = validateArgs("export arguments", exportCertificateArgs, args);
    const call: CallSpec = {
      op: "exportCertificate",
      params: { certificate_id: requireId("certificateId", certificateId) },
      body: toExportCertificateBody(parsed, false),
      secrets: [parsed.password],
    };
    const response = await this.#t.send(call);
    // Accept both forms: a service that answers with the archive anyway is read as one.
    if (isZip(response.body)) return archiveAsPem(parseExportArchive(parsed.type, response.body));
    return exportedCertificateFromWire(this.#t.parseJson(call, response, exportedCertificateWire));
  }

  /** Exports the compressed archive and parses its files into typed fields. */
  async exportArchive(certificateId: string, args: ExportCertificateArgs): Promise<ExportedArchive> {
    const parsed = validateArgs("export arguments", exportCertificateArgs, args);
    const call: CallSpec = {
      op: "exportCertificate",
      params: { certificate_id: requireId("certificateId", certificateId) },
      body: toExportCertificateBody(parsed, true),
      secrets: [parsed.password],
    };
    const response = await this.#t.send(call);
    if (isZip(response.body)) return parseExportArchive(parsed.type, response.body);
    // Accept both forms: JSON where a zip was asked for carries the same PEMs.
    const pem = exportedCertificateFromWire(this.#t.parseJson(call, response, exportedCertificateWire));
    if (!pem.certificate)
      throw new CcmExportFormatError(`the ${parsed.type} export returned neither a zip nor a certificate`, []);
    return {
      type: parsed.type,
      certificate: pem.certificate,
      certificateChain: pem.certificateChain,
      privateKey: pem.privateKey,
      pfx: undefined,
      jks: undefined,
      keystorePassword: undefined,
      fileNames: [],
    };
  }

  /** Polls until the certificate has one of `statuses` (default ISSUED). */
  waitForStatus(
    certificateId: string,
    statuses: readonly CertificateStatus[] = ["ISSUED"],
    options?: WaitOptions,
  ): Promise<CertificateInfo> {
    return waitForStatus(
      this.#t,
      "certificate",
      certificateId,
      statuses,
      () => this.get(certificateId),
      (c) => c.status,
      options,
    );
  }

  async #listPage(query: ListCertificatesQuery): Promise<{ page: CertificatePage; response: RawResponse }> {
    const call: CallSpec = { op: "listCertificates", query: toListCertificatesQuery(query) };
    const response = await this.#t.send(call);
    const wire = this.#t.parseJson(call, response, certificateListWire);
    const certificates = wire.certificates.map(certificateFromWire);
    return { page: { total: wire.total ?? certificates.length, certificates }, response };
  }

  /** Certificates that match the whole request: first on their details (one list query by
   * common name), then, for those left, on the certificate itself (one export each). */
  async #findMatches(request: CertificateRequestFacts, since: number, exclude: ReadonlySet<string>): Promise<string[]> {
    const candidates: string[] = [];
    let threshold: number | undefined;
    for (let page = 0, offset = 0; page < LOOKUP_MAX_PAGES; page++, offset += LOOKUP_PAGE) {
      const { page: result, response } = await this.#listPage({
        name: request.commonName,
        sortKey: "create_time",
        sortDir: "DESC",
        limit: LOOKUP_PAGE,
        offset,
      });
      threshold ??= serviceTimeThreshold(since, response);
      for (const cert of result.certificates) {
        if (exclude.has(cert.certificateId)) continue;
        if (detailMismatch(request, cert, threshold) === undefined) candidates.push(cert.certificateId);
      }
      if (result.certificates.length < LOOKUP_PAGE || offset + LOOKUP_PAGE >= result.total) break;
    }
    const matches: string[] = [];
    for (const id of candidates) {
      let pem: string | undefined;
      try {
        pem = (await this.exportPem(id, { type: "OTHER" })).certificate;
        if (!pem) throw new CcmExportFormatError(`the export of ${id} has no certificate`, []);
      } catch (error) {
        // Whether this one is ours cannot be told: report every unsettled candidate.
        throw new CandidatesUnverifiedError(candidates, { cause: error });
      }
      if (certificateMismatch(request, issuedFacts(pem), threshold ?? since) === undefined) matches.push(id);
    }
    return matches;
  }
}

/** The apply request, as an issued certificate can be compared with it. */
function applyRequestFacts(parsed: z.output<typeof applyCertificateArgs>): CertificateRequestFacts {
  const eku = parsed.extendedKeyUsage ?? {};
  return {
    issuerId: parsed.issuerId,
    genMode: "GENERATE",
    commonName: parsed.distinguishedName.commonName,
    subject: parsed.distinguishedName,
    keyAlgorithm: parsed.keyAlgorithm,
    signatureAlgorithm: parsed.signatureAlgorithm,
    validity: parsed.validity,
    keyUsages: parsed.keyUsages,
    subjectAlternativeNames: parsed.subjectAlternativeNames ?? [],
    extendedKeyUsageOids: (Object.keys(EXTENDED_KEY_USAGES) as ExtendedKeyUsageName[])
      .filter((name) => eku[name] === true)
      .map((name) => EXTENDED_KEY_USAGES[name].oid),
    customizedExtension: parsed.customizedExtension,
  };
}

function archiveAsPem(archive: ExportedArchive): ExportedCertificate {
  return {
    certificate: archive.certificate,
    certificateChain: archive.certificateChain,
    privateKey: archive.privateKey,
    encCertificate: undefined,
    encPrivateKey: undefined,
    encSm2EnvelopedKey: undefined,
    signedAndEnvelopedData: undefined,
  };
}
