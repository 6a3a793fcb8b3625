// CCM private certificates: apply (system key or CSR), get, list, delete, revoke, export, tags.
import type { z } from "zod";
import { CcmExportFormatError, isNotFoundError } from "../errors.js";
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
import { type CreateOptions, type CreateResult, createWithoutDuplicates } from "./create.js";
import { csrCommonName } from "./csr.js";
import { csrPublicKey, issuedFacts } from "./issued-facts.js";
import { candidateEvidence, type ListedKind, ListedObjects, scanRecent, sendTransition } from "./lookup.js";
import type { CallSpec, Transport } from "./transport.js";
import { requireId, validateArgs } from "./validate.js";
import type { WaitOptions } from "./wait.js";
import { isZip, parseExportArchive } from "./zip.js";

export interface ApplyResult extends CreateResult {
  readonly certificateId: string;
}

export interface CertificatePage {
  readonly total: number;
  readonly certificates: CertificateInfo[];
}

type CertificateWire = z.output<typeof certificateWire>;
type CertificateListWire = z.output<typeof certificateListWire>;

const CERTIFICATE_KIND: ListedKind<CertificateInfo, ListCertificatesQuery, CertificateWire, CertificateListWire> = {
  what: "certificate",
  idName: "certificateId",
  idParam: "certificate_id",
  getOp: "getCertificate",
  listOp: "listCertificates",
  detailWire: certificateWire,
  fromWire: certificateFromWire,
  listWire: certificateListWire,
  itemsOf: (wire) => wire.certificates.map(certificateFromWire),
  toQuery: toListCertificatesQuery,
  statusOf: (certificate) => certificate.status,
};

export class CertificateApi extends ListedObjects<
  CertificateInfo,
  ListCertificatesQuery,
  CertificateWire,
  CertificateListWire
> {
  constructor(transport: Transport) {
    super(transport, CERTIFICATE_KIND);
  }

  /** Applies for a certificate with a key the service generates. Never creates a duplicate when
   * a response is lost (see create.ts); `resolution` tells how the id was obtained. */
  async apply(args: ApplyCertificateArgs, options?: CreateOptions): Promise<ApplyResult> {
    const parsed = validateArgs("certificate apply arguments", applyCertificateArgs, args);
    const call: CallSpec = { op: "applyCertificate", body: toApplyCertificateBody(parsed) };
    const request = applyRequestFacts(parsed);
    const result = await createWithoutDuplicates(
      this.transport,
      {
        kind: "certificate",
        what: `${JSON.stringify(request.commonName)} from CA ${request.issuerId}`,
        ...this.transport.createSend(call, certificateIdWire, (wire) => wire.certificate_id),
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
      this.transport,
      {
        kind: intermediate ? "CA" : "certificate",
        what: `${commonName ? JSON.stringify(commonName) : "(CSR without CN)"} from CA ${parsed.issuerId} by CSR`,
        ...this.transport.createSend(call, certificateIdWire, (wire) => wire.certificate_id),
        findMatches: async (since, exclude) => {
          if (!commonName) throw new TypeError("the CSR has no common name to look for");
          if (intermediate)
            return new CaApi(this.transport).findIntermediateMatches(commonName, parsed.issuerId, since);
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

  async list(query: ListCertificatesQuery = {}): Promise<CertificatePage> {
    const { total, items } = await this.listPage(query);
    return { total, certificates: items };
  }

  /** Deletes (immediately; no revocation). `existed` is false when it was already gone. */
  async delete(certificateId: string): Promise<{ existed: boolean }> {
    try {
      await this.transport.send({
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
    const call: CallSpec = { op: "revokeCertificate", params: { certificate_id: id }, body: toRevokeBody(reason) };
    const revoked: readonly CertificateStatus[] = ["REVOKED"];
    const changed = await sendTransition(this.transport, call, () => this.find(id), revoked);
    return { alreadyRevoked: !changed };
  }

  /** Exports as JSON (APACHE / NGINX / OTHER; IIS and TOMCAT need the archive). */
  async exportPem(certificateId: string, args: ExportCertificateArgs): Promise<ExportedCertificate> {
    const { parsed, call } = exportCall(certificateId, args, false);
    const response = await this.transport.send(call);
    // Accept both forms: a service that answers with the archive anyway is read as one.
    if (isZip(response.body)) return archiveAsPem(parseExportArchive(parsed.type, response.body));
    return exportedCertificateFromWire(this.transport.parseJson(call, response, exportedCertificateWire));
  }

  /** Exports the compressed archive and parses its files into typed fields. */
  async exportArchive(certificateId: string, args: ExportCertificateArgs): Promise<ExportedArchive> {
    const { parsed, call } = exportCall(certificateId, args, true);
    const response = await this.transport.send(call);
    if (isZip(response.body)) return parseExportArchive(parsed.type, response.body);
    // Accept both forms: JSON where a zip was asked for carries the same PEMs.
    const pem = exportedCertificateFromWire(this.transport.parseJson(call, response, exportedCertificateWire));
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
    return this.waitUntil(certificateId, statuses, options);
  }

  /** Certificates that match the whole request: first on their details (one list query by
   * common name), then, for those left, on the certificate itself (one export each). */
  async #findMatches(request: CertificateRequestFacts, since: number, exclude: ReadonlySet<string>): Promise<string[]> {
    const { candidates, threshold } = await scanRecent({
      commonName: request.commonName,
      sinceMs: since,
      exclude,
      fetch: (query) => this.listPage(query),
      idOf: (cert) => cert.certificateId,
      matches: (cert, threshold) => detailMismatch(request, cert, threshold) === undefined,
    });
    const candidateIds = candidates.map((cert) => cert.certificateId);
    const matches: string[] = [];
    for (const id of candidateIds) {
      const pem = await candidateEvidence(candidateIds, async () => {
        const { certificate } = await this.exportPem(id, { type: "OTHER" });
        if (!certificate) throw new CcmExportFormatError(`the export of ${id} has no certificate`, []);
        return certificate;
      });
      if (certificateMismatch(request, issuedFacts(pem), threshold) === undefined) matches.push(id);
    }
    return matches;
  }
}

/** The export call: JSON PEMs, or the compressed archive. The password never reaches a message. */
function exportCall(
  certificateId: string,
  args: ExportCertificateArgs,
  compressed: boolean,
): { parsed: z.output<typeof exportCertificateArgs>; call: CallSpec } {
  const parsed = validateArgs("export arguments", exportCertificateArgs, args);
  const call: CallSpec = {
    op: "exportCertificate",
    params: { certificate_id: requireId("certificateId", certificateId) },
    body: toExportCertificateBody(parsed, compressed),
    secrets: [parsed.password],
  };
  return { parsed, call };
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
