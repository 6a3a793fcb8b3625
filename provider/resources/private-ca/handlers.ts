// PrivateCa handlers, run in the engine's dynamic-provider host through the runtime. check and
// diff never call the API (a preview makes zero calls); create never forgets an id it obtained;
// read reflects status changes made outside Pulumi; delete disables first and schedules the
// deletion with `pendingDays`.
//
// The external-signing flow: a SUBORDINATE without issuerId is created PENDING and its CSR is
// fetched once into `csrPem` (a CSR export is signed afresh on every call, so fetching it again
// would change the output for nothing — and CCM exports it only while PENDING). Supplying
// `certificatePem` + `certificateChainPem` later is an in-place update that imports them.
//
// A CA scheduled for deletion outside Pulumi (status DELETED) stays in state: it is still
// restorable, and a restore + refresh brings it back. It cannot issue, so the next `pulumi up`
// replaces it (as the Terraform provider, which forgets DELETED CAs, ends up doing too). A CA
// that no longer exists at all leaves state on refresh.
import type { CcmClient } from "../../client/index.js";
import { isNotFoundError, ResourceInitError } from "../../errors.js";
import { claim, claimedIds, oneAtATime } from "../../kernel/claims.js";
import type { HandlerContext } from "../../kernel/context.js";
import type { CaInfo, CreateCaArgs } from "../../schemas/ca.js";
import { caRuleFailures } from "../../schemas/ca-rules.js";
import { caCertificateOnce } from "../shared/ca-certificate.js";
import { explainIssuerRefusal, exportCsrExplained } from "../shared/ca-explain.js";
import { checkResource } from "../shared/check.js";
import { definedEntries, GONE, subjectOf, withoutProvider } from "../shared/common.js";
import { type CreateSubject, explainUncertainCreate, warnSuspectedDuplicates } from "../shared/create-explain.js";
import type { HandlersOf } from "../shared/declaration.js";
import { changedProperties } from "../shared/diff.js";
import { validityFromNow } from "../shared/renewal.js";
import { startFromFailures } from "../shared/start-from.js";
import { addTags, syncTags } from "../shared/tags.js";
import { importOnUpdate, importSigned, wantsImport } from "./import.js";
import {
  DEFAULT_PENDING_DAYS,
  inputsFromApi,
  inputsOf,
  type PrivateCaInputs,
  type PrivateCaOutputs,
  privateCaInputs,
} from "./inputs.js";
import { revokeBeforeDelete, revokeOnDeleteFailures } from "./revoke-on-delete.js";
import { applySwitches, observedSwitches } from "./switches.js";

const SUBJECT: CreateSubject = { className: "PrivateCa", apiPath: "/v1/private-certificate-authorities" };

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
    ...observedSwitches(inputs, info),
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
    // Disabled at birth, OCSP on: steps after the create, so a failure leaves the CA in state.
    const switched = await applySwitches(api, caId, args, info);
    if (switched !== info) known = await describe(api, inputsOf(args), switched, known);
    return known;
  } catch (error) {
    throw new ResourceInitError(caId, { ...known } as Record<string, unknown>, "CA", error);
  }
}

/** A refresh, or a take-over by id (`pulumi import`, `get`) when there is no state yet. */
async function readCa(api: CcmClient, id: string, props: PrivateCaOutputs | undefined) {
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
}

/** Disables an ACTIVED or EXPIRED CA (only a PENDING or DISABLED one can be deleted), then schedules its deletion. */
async function deleteCa(api: CcmClient, id: string, pendingDays: number): Promise<void> {
  const info = await api.cas.find(id);
  if (!info) return; // NO-OP: already gone
  if (info.status === "DELETED") return; // NO-OP: already scheduled for deletion (outside Pulumi)
  if (info.status === "ACTIVED" || info.status === "EXPIRED") {
    try {
      await api.cas.disable(id);
    } catch (error) {
      if (isNotFoundError(error)) return;
      throw error;
    }
  }
  await api.cas.delete(id, pendingDays);
}

/** Creates the CA once (an ambiguous failure is looked up, not re-sent), then finishes its setup. */
async function createCa(context: HandlerContext, args: PrivateCaInputs) {
  const { caId, suspectedDuplicateIds } = await createOnce(context, args);
  const what = JSON.stringify(args.distinguishedName.commonName);
  await warnSuspectedDuplicates(context.log, SUBJECT, what, caId, suspectedDuplicateIds);
  const suspects = definedEntries({
    suspectedDuplicateIds: suspectedDuplicateIds.length > 0 ? [...suspectedDuplicateIds] : undefined,
  });
  return { id: caId, outs: await finishCreate(context.client, args, caId, suspects) };
}

export const privateCaHandlers: HandlersOf<PrivateCaInputs, PrivateCaOutputs> = (context, declared) => ({
  async check(olds, news) {
    const now = context.clock.now();
    return checkResource(declared, privateCaInputs, news, (given) => [
      ...caRuleFailures(given),
      ...revokeOnDeleteFailures(given),
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
    return createCa(context, withoutProvider(inputs) as PrivateCaInputs);
  },

  async read(id, props) {
    claim(id);
    return readCa(context.client, id, props);
  },

  async update(id, olds, news) {
    const args = withoutProvider(news) as PrivateCaInputs;
    const api = context.client;
    await syncTags(api.cas.tags, id, olds.tags ?? {}, args.tags ?? {});
    const imported = await importOnUpdate(api, id, olds, args);
    const info = await applySwitches(api, id, args, imported);
    // Also finishes a create that failed half-way (the engine retries it as an update).
    return { outs: await describe(api, inputsOf(args), info, olds) };
  },

  async delete(id, props) {
    await revokeBeforeDelete(context, id, props);
    await deleteCa(context.client, id, props.pendingDays ?? DEFAULT_PENDING_DAYS);
  },
});
