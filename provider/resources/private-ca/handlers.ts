import { z } from "zod";
import type { CcmClient } from "../../client/index.js";
import { CcmInvalidArgumentError, isNotFoundError, ResourceInitError } from "../../errors.js";
import { splitPemBlocks } from "../../pem.js";
import { claim, claimedIds, oneAtATime } from "../../runtime/claims.js";
import type { HandlerContext } from "../../runtime/context.js";
import { type CaInfo, type CreateCaArgs, createCaArgs } from "../../schemas/ca.js";
import { caRuleFailures } from "../../schemas/ca-rules.js";
import { resourceTagsArgs } from "../../schemas/common.js";
import { PENDING_DAYS } from "../../schemas/enums.js";
import { certificatesPemArg } from "../../schemas/pem-args.js";
import { caCertificateOnce } from "../shared/ca-certificate.js";
import { explainImportRefusal, explainIssuerRefusal, exportCsrExplained } from "../shared/ca-explain.js";
import { checkResource } from "../shared/check.js";
import { definedEntries, GONE, subjectOf, withoutProvider } from "../shared/common.js";
import { type CreateSubject, explainUncertainCreate, warnSuspectedDuplicates } from "../shared/create-explain.js";
import type { HandlersOf } from "../shared/declaration.js";
import { changedProperties } from "../shared/diff.js";
import { validityFromNow } from "../shared/renewal.js";
import { startFromFailures } from "../shared/start-from.js";
import { statedValidity } from "../shared/stated-validity.js";
import { addTags, syncTags } from "../shared/tags.js";
import { containsUnknown } from "../shared/unknowns.js";

const ca = createCaArgs.shape;

/** Sent when the user gives none: the shortest window the API allows, sent explicitly because
 * older API pages mark pending_days mandatory (docs/api-facts.md §3.3). */
export const DEFAULT_PENDING_DAYS = PENDING_DAYS.min;

const certificatePemArg = certificatesPemArg;

/**
 * What check accepts: the create API's fields (camelCase), the import pair, and our extras. The
 * rules across properties (schemas/ca-rules.ts) are judged by check on the inputs as given.
 */
export const privateCaInputs = z.strictObject({
  type: ca.type,
  distinguishedName: ca.distinguishedName,
  keyAlgorithm: ca.keyAlgorithm,
  signatureAlgorithm: ca.signatureAlgorithm,
  validity: ca.validity,
  issuerId: ca.issuerId,
  pathLength: ca.pathLength,
  keyUsages: ca.keyUsages,
  crlConfiguration: ca.crlConfiguration,
  enterpriseProjectId: ca.enterpriseProjectId,
  tags: resourceTagsArgs.optional(),
  pendingDays: z.number().int().min(PENDING_DAYS.min).max(PENDING_DAYS.max).optional(),
  certificatePem: certificatePemArg.optional(),
  certificateChainPem: certificatePemArg.optional(),
});

export type PrivateCaInputs = z.output<typeof privateCaInputs>;
const INPUT_KEYS = Object.keys(privateCaInputs.shape) as (keyof PrivateCaInputs)[];

/** State: the inputs (without the import pair, whose names the outputs reuse) and what the API says. */
export interface PrivateCaOutputs extends Omit<PrivateCaInputs, "certificatePem" | "certificateChainPem"> {
  caId: string;
  status: string;
  genMode?: string;
  serialNumber?: string;
  notBefore?: string;
  notAfter?: string;
  issuerName?: string;
  subject?: Record<string, string>;
  deleteTime?: string;
  csrPem?: string;
  /** The CA's own certificate as exported (not the import input, though after an import they agree). */
  certificatePem?: string;
  certificateChainPem?: string;
  /** Look-alikes that appeared while a lost create was re-sent: possible duplicates to review. */
  suspectedDuplicateIds?: string[];
}

const SUBJECT: CreateSubject = { className: "PrivateCa", apiPath: "/v1/private-certificate-authorities" };

/** The first certificate of a PEM text, normalised; used to tell whether two PEMs are the same certificate. */
function firstCertificate(pem: unknown): string | undefined {
  if (typeof pem !== "string") return undefined;
  return splitPemBlocks(pem).find((block) => block.startsWith("-----BEGIN CERTIFICATE-----"));
}

/** Whether supplying certificatePem asks for an import (an update), judged from state only. */
export function wantsImport(olds: PrivateCaOutputs, news: Record<string, unknown>): boolean {
  const certificate = news.certificatePem;
  if (certificate === undefined || certificate === null) return false;
  if (containsUnknown(certificate) || containsUnknown(news.certificateChainPem)) return true;
  if (olds.status === "PENDING") return true;
  // Already activated with this very certificate: nothing to do, whatever the chain's spelling.
  return firstCertificate(olds.certificatePem) !== firstCertificate(certificate);
}

/** The inputs part of a stored state or of new inputs (drops outputs and the import pair). */
function inputsOf(value: Partial<PrivateCaOutputs> | PrivateCaInputs): PrivateCaOutputs {
  const out: Record<string, unknown> = {};
  for (const key of INPUT_KEYS) {
    if (key === "certificatePem" || key === "certificateChainPem") continue;
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = v;
  }
  return out as unknown as PrivateCaOutputs;
}

/** For a CA taken over by id (`pulumi import`, `get`): the inputs the API can tell us about. */
function inputsFromApi(info: CaInfo): PrivateCaOutputs {
  return definedEntries({
    type: info.type,
    distinguishedName: subjectOf(info),
    keyAlgorithm: info.keyAlgorithm,
    signatureAlgorithm: info.signatureAlgorithm,
    issuerId: info.issuerId,
    pathLength: info.type === "ROOT" ? undefined : info.pathLength,
    // Only a CA the service generated was created with a validity; an imported one's window
    // comes from a certificate signed elsewhere, which the PrivateCa took as certificatePem.
    validity: info.genMode === "GENERATE" ? statedValidity(info.notBefore, info.notAfter) : undefined,
  }) as unknown as PrivateCaOutputs;
}

function createArgsOf(args: PrivateCaInputs, now: number): CreateCaArgs {
  return {
    type: args.type,
    distinguishedName: args.distinguishedName,
    keyAlgorithm: args.keyAlgorithm,
    ...definedEntries({
      signatureAlgorithm: args.signatureAlgorithm,
      validity: args.validity && validityFromNow(args.validity, now),
      issuerId: args.issuerId,
      pathLength: args.pathLength,
      keyUsages: args.keyUsages,
      crlConfiguration: args.crlConfiguration,
      enterpriseProjectId: args.enterpriseProjectId,
    }),
  };
}

/**
 * The outputs for a CA as the API describes it now. PEMs the API cannot give in the CA's current
 * status (the CSR once activated, the certificate while DISABLED or DELETED) are kept from `kept`.
 */
async function describe(
  api: CcmClient,
  inputs: PrivateCaOutputs,
  info: CaInfo,
  kept: Partial<PrivateCaOutputs>,
): Promise<PrivateCaOutputs> {
  let csrPem = kept.csrPem;
  if (info.status === "PENDING" && csrPem === undefined) csrPem = await exportCsrExplained(api, info.caId);
  return {
    ...inputs,
    ...definedEntries({
      genMode: info.genMode,
      serialNumber: info.serialNumber,
      notBefore: info.notBefore,
      notAfter: info.notAfter,
      issuerName: info.issuerName,
      subject: subjectOf(info),
      deleteTime: info.status === "DELETED" ? info.deleteTime : undefined,
      csrPem,
      ...(await caCertificateOnce(api, info, kept)),
      suspectedDuplicateIds: kept.suspectedDuplicateIds,
    }),
    caId: info.caId,
    status: info.status,
  };
}

async function importSigned(api: CcmClient, caId: string, args: PrivateCaInputs): Promise<void> {
  try {
    await api.cas.importCertificate(caId, {
      certificate: args.certificatePem ?? "",
      certificateChain: args.certificateChainPem ?? "",
    });
  } catch (error) {
    throw await explainImportRefusal(api, caId, error);
  }
}

/** The create call, one at a time per name in this process, never adopting a CA some resource holds. */
async function createOnce(context: HandlerContext, args: PrivateCaInputs) {
  const api = context.client;
  try {
    return await oneAtATime(`CA|${args.distinguishedName.commonName}`, async () => {
      // The time is read when the request goes out, after any wait in the queue.
      const result = await api.cas.create(createArgsOf(args, context.clock.now()), { knownIds: claimedIds() });
      claim(result.caId);
      return result;
    });
  } catch (error) {
    const explained = args.issuerId
      ? await explainIssuerRefusal(api, args.issuerId, error, "subordinate CAs", args.validity, context.clock.now())
      : error;
    throw explainUncertainCreate(explained, SUBJECT);
  }
}

/**
 * Tags, describes, and imports a certificate given with the create. Everything learnt so far is
 * kept, so a failure still records the CA with what is known (its CSR); tags count only once
 * added: the update that finishes the job adds what state lacks.
 */
async function finishCreate(
  api: CcmClient,
  args: PrivateCaInputs,
  caId: string,
  suspects: Partial<PrivateCaOutputs>,
): Promise<PrivateCaOutputs> {
  const { tags: _notYet, ...untagged } = inputsOf(args);
  let known: PrivateCaOutputs = { ...untagged, ...suspects, caId, status: "UNKNOWN" };
  try {
    let info = await api.cas.get(caId);
    await addTags(api.cas.tags, caId, args.tags);
    known = await describe(api, inputsOf(args), info, suspects);
    if (args.certificatePem && info.status === "PENDING") {
      // A certificate for a CA that did not exist yet can only match by accident; the service
      // judges (PCA.00030301) and the CA stays PENDING with its CSR in state to be signed.
      await importSigned(api, caId, args);
      info = await api.cas.get(caId);
      known = await describe(api, inputsOf(args), info, { ...suspects, csrPem: known.csrPem });
    }
    return known;
  } catch (error) {
    throw new ResourceInitError(caId, { ...known } as Record<string, unknown>, "CA", error);
  }
}

/** An update's import: into a PENDING CA; an ACTIVED one only agrees if it already has this certificate. */
async function importOnUpdate(api: CcmClient, id: string, olds: PrivateCaOutputs, args: PrivateCaInputs) {
  let info = await api.cas.get(id);
  if (!args.certificatePem || !args.certificateChainPem) return info;
  if (info.status === "PENDING") {
    await importSigned(api, id, args);
    info = await api.cas.get(id);
    return info;
  }
  const current = olds.certificatePem ?? (await api.cas.exportCertificate(id)).certificate;
  if (firstCertificate(current) !== firstCertificate(args.certificatePem)) {
    throw new CcmInvalidArgumentError("PrivateCa certificatePem", [
      `CCM imports a certificate only into a PENDING CA, and CA ${id} is ${info.status} with another ` +
        "certificate. To change a CA's certificate, replace the CA (pulumi up --replace <urn>) and have the " +
        "new CA's csrPem signed",
    ]);
  }
  return info;
}

export const privateCaHandlers: HandlersOf<PrivateCaInputs, PrivateCaOutputs> = (context, declared) => ({
  async check(olds, news) {
    const now = context.clock.now();
    return checkResource(declared, privateCaInputs, news, (given) => [
      ...caRuleFailures(given),
      ...startFromFailures(given, withoutProvider(olds), now, given.type !== "ROOT"),
    ]);
  },

  async diff(id, olds, news) {
    // Every id in the stack passes here during an up: none of them is ever a lookup's answer.
    claim(id);
    const { replaces, updates } = changedProperties(declared.diffPlan, olds, news);
    if (wantsImport(olds, news as Record<string, unknown>)) updates.push("certificatePem");
    // Scheduled for deletion outside Pulumi: it cannot issue and will vanish, so make a new one.
    if (olds.status === "DELETED") replaces.push("status");
    return { changes: replaces.length + updates.length > 0, replaces, deleteBeforeReplace: false };
  },

  async create(inputs) {
    const args = withoutProvider(inputs) as PrivateCaInputs;
    const { caId, suspectedDuplicateIds } = await createOnce(context, args);
    const what = JSON.stringify(args.distinguishedName.commonName);
    await warnSuspectedDuplicates(context.log, SUBJECT, what, caId, suspectedDuplicateIds);
    const suspects = definedEntries({
      suspectedDuplicateIds: suspectedDuplicateIds.length > 0 ? [...suspectedDuplicateIds] : undefined,
    });
    return { id: caId, outs: await finishCreate(context.client, args, caId, suspects) };
  },

  async read(id, props) {
    claim(id);
    const api = context.client;
    const info = await api.cas.find(id);
    if (!info) return GONE;
    const stored = props ? (withoutProvider(props) as Partial<PrivateCaOutputs>) : {};
    const takenOver = !stored.type;
    const inputs = takenOver ? inputsFromApi(info) : inputsOf(stored);
    // A CA issued from a CSR (adopted with get) supports only get and export (docs/api-facts.md §2.7).
    const tags = info.genMode === "CSR" ? {} : await api.cas.tags.list(id);
    const hadTags = stored.tags !== undefined || Object.keys(tags).length > 0;
    const current = { ...inputs, ...(hadTags ? { tags } : {}) };
    const outs = await describe(api, current, info, stored);
    // Taken over: these are its inputs from now on. A refresh leaves the user's inputs alone.
    return takenOver ? { id, props: outs, inputs: current } : { id, props: outs };
  },

  async update(id, olds, news) {
    const args = withoutProvider(news) as PrivateCaInputs;
    const api = context.client;
    await syncTags(api.cas.tags, id, olds.tags ?? {}, args.tags ?? {});
    const info = await importOnUpdate(api, id, olds, args);
    // Also finishes a create that failed half-way (the engine retries it as an update).
    return { outs: await describe(api, inputsOf(args), info, olds) };
  },

  async delete(id, props) {
    const api = context.client;
    const info = await api.cas.find(id);
    if (!info) return; // NO-OP: already gone
    if (info.status === "DELETED") return; // NO-OP: already scheduled for deletion (outside Pulumi)
    if (info.status === "ACTIVED" || info.status === "EXPIRED") {
      try {
        await api.cas.disable(id); // only a PENDING or DISABLED CA can be deleted
      } catch (error) {
        if (isNotFoundError(error)) return;
        throw error;
      }
    }
    await api.cas.delete(id, props.pendingDays ?? DEFAULT_PENDING_DAYS);
  },
});
