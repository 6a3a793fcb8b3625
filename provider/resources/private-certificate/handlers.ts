// PrivateCertificate handlers, run in the engine's dynamic-provider host through the runtime.
// check and diff never call the API (a preview makes zero calls); create waits for ISSUED and
// never forgets an id it obtained; read reports revocation, expiry and deletion; delete revokes
// first when asked.
import type { ApplyResult } from "../../client/certificates.js";
import type { CreateOptions } from "../../client/create.js";
import type { CcmClient } from "../../client/index.js";
import { isNotFoundError, ResourceInitError } from "../../errors.js";
import { claim, claimedIds, oneAtATime } from "../../kernel/claims.js";
import type { HandlerContext } from "../../kernel/context.js";
import type { CertificateInfo } from "../../schemas/certificate.js";
import { renewBeforeMs } from "../../schemas/duration.js";
import type { RevocationReason } from "../../schemas/enums.js";
import { explainIssuerRefusal } from "../shared/ca-explain.js";
import { checkResource } from "../shared/check.js";
import { definedEntries, GONE, subjectOf, withoutProvider } from "../shared/common.js";
import { type CreateSubject, explainUncertainCreate, warnSuspectedDuplicates } from "../shared/create-explain.js";
import type { HandlersOf } from "../shared/declaration.js";
import { changedProperties } from "../shared/diff.js";
import { isRenewalDue, REPLACING_STATUSES, validityFromNow } from "../shared/renewal.js";
import { addTags, syncTags } from "../shared/tags.js";
import { isUnknown } from "../shared/unknowns.js";
import {
  crossPropertyFailures,
  inputsFromApi,
  type PrivateCertificateInputs,
  type PrivateCertificateOutputs,
  privateCertificateInputs,
} from "./inputs.js";

const SUBJECT: CreateSubject = { className: "PrivateCertificate", apiPath: "/v1/private-certificates" };

function outputsFrom(inputs: PrivateCertificateInputs, info: CertificateInfo, now: number): PrivateCertificateOutputs {
  const window = renewBeforeMs(inputs.renewBefore);
  return {
    ...inputs,
    ...definedEntries({
      certificateId: info.certificateId,
      status: info.status,
      serialNumber: info.serialNumber,
      issuerName: info.issuerName,
      genMode: info.genMode,
      notBefore: info.notBefore,
      notAfter: info.notAfter,
      subject: subjectOf(info),
    }),
    certificateId: info.certificateId,
    status: info.status,
    readyForRenewal: isRenewalDue(info.status, info.notAfter, window, now),
  };
}

/** Apply, or apply by CSR: the API call that makes the certificate. */
function issue(
  api: CcmClient,
  args: PrivateCertificateInputs,
  now: number,
  options: CreateOptions,
): Promise<ApplyResult> {
  const validity = validityFromNow(args.validity, now);
  const optional = definedEntries({ enterpriseProjectId: args.enterpriseProjectId });
  if (args.csrPem) {
    const request = { issuerId: args.issuerId, csr: args.csrPem, validity, type: "ENTITY_CERT" as const };
    return api.certificates.applyByCsr({ ...request, ...optional }, options);
  }
  const keyFields = {
    keyAlgorithm: args.keyAlgorithm!,
    signatureAlgorithm: args.signatureAlgorithm!,
    distinguishedName: args.distinguishedName!,
  };
  const extensions = definedEntries({
    keyUsages: args.keyUsages,
    subjectAlternativeNames: args.subjectAlternativeNames,
    extendedKeyUsage: args.extendedKeyUsage,
    customizedExtension: args.customizedExtension,
  });
  return api.certificates.apply(
    { issuerId: args.issuerId, ...keyFields, validity, ...extensions, ...optional },
    options,
  );
}

/** Creates one lookup could confuse share this key (the list query is by common name). */
function lookupKey(args: PrivateCertificateInputs): string {
  return `certificate|${args.issuerId}|${args.distinguishedName?.commonName ?? "(CSR)"}`;
}

/**
 * Issues in turn with its look-alikes of this process, never adopting what another resource
 * holds. A refusal because of the CA's state, or an uncertain outcome, gets a message that says
 * what to do.
 */
async function issueOnce(context: HandlerContext, args: PrivateCertificateInputs): Promise<ApplyResult> {
  const api = context.client;
  try {
    return await oneAtATime(lookupKey(args), async () => {
      // The time is read when the request goes out, after any wait in the queue.
      const result = await issue(api, args, context.clock.now(), { knownIds: claimedIds() });
      claim(result.certificateId);
      return result;
    });
  } catch (error) {
    const now = context.clock.now();
    const explained = await explainIssuerRefusal(api, args.issuerId, error, "certificates", args.validity, now);
    throw explainUncertainCreate(explained, SUBJECT);
  }
}

/** Waits for ISSUED and tags; a failure keeps the id in state (the next up finishes the job). */
async function finishCreate(
  context: HandlerContext,
  args: PrivateCertificateInputs,
  { certificateId, suspectedDuplicateIds }: ApplyResult,
): Promise<PrivateCertificateOutputs> {
  const api = context.client;
  const suspects = suspectedDuplicateIds.length > 0 ? { suspectedDuplicateIds: [...suspectedDuplicateIds] } : {};
  try {
    const info = await api.certificates.waitForStatus(certificateId, ["ISSUED"]);
    await addTags(api.certificates.tags, certificateId, args.tags);
    return { ...outputsFrom(args, info, context.clock.now()), ...suspects };
  } catch (error) {
    // Tags are left out of what is recorded: the update that finishes this create must see them
    // as still to be added.
    const { tags: _notYetAdded, ...recorded } = args;
    const known = { ...recorded, ...suspects, certificateId, status: "UNKNOWN" };
    throw new ResourceInitError(certificateId, known, "certificate", error);
  }
}

/** A refresh, or a take-over by id (`pulumi import`, `get`) when there is no state yet. */
async function readCertificate(api: CcmClient, id: string, props: PrivateCertificateOutputs | undefined, now: number) {
  const info = await api.certificates.find(id);
  if (!info) return GONE;
  const tags = await api.certificates.tags.list(id);
  const stored = props ? (withoutProvider(props) as Partial<PrivateCertificateOutputs>) : {};
  const takenOver = !stored.issuerId;
  const inputs = takenOver ? inputsFromApi(info) : (stored as PrivateCertificateInputs);
  const hadTags = stored.tags !== undefined || Object.keys(tags).length > 0;
  const current = { ...inputs, ...(hadTags ? { tags } : {}) };
  const outs = outputsFrom(current, info, now);
  const state = { ...outs, ...definedEntries({ suspectedDuplicateIds: stored.suspectedDuplicateIds }) };
  // Taken over: these are its inputs from now on. A refresh leaves the user's inputs alone.
  return takenOver ? { id, props: state, inputs: current } : { id, props: state };
}

/** Revokes first when revokeOnDelete names a reason (an ISSUED certificate only), then deletes. */
async function deleteCertificate(api: CcmClient, id: string, reason: RevocationReason | undefined): Promise<void> {
  if (reason) {
    const info = await api.certificates.find(id);
    if (!info) return; // already gone: nothing to revoke or delete
    if (info.status === "ISSUED") {
      try {
        await api.certificates.revoke(id, reason);
      } catch (error) {
        if (!isNotFoundError(error)) throw error;
        return;
      }
    }
  }
  await api.certificates.delete(id);
}

/**
 * What replaces a certificate besides its inputs: a status after which it no longer serves, or its
 * renewal window having opened (judged from state and the clock: no API call).
 */
function renewalReplaces(olds: PrivateCertificateOutputs, news: PrivateCertificateInputs, now: number): string[] {
  if (REPLACING_STATUSES.has(olds.status)) return ["status"];
  const renewBefore = isUnknown(news.renewBefore) ? olds.renewBefore : news.renewBefore;
  const due = olds.status === "ISSUED" && isRenewalDue(olds.status, olds.notAfter, renewBeforeMs(renewBefore), now);
  return due ? ["readyForRenewal"] : [];
}

export const privateCertificateHandlers: HandlersOf<PrivateCertificateInputs, PrivateCertificateOutputs> = (
  context,
  declared,
) => ({
  async check(olds, news) {
    const now = context.clock.now();
    return checkResource(declared, privateCertificateInputs, news, (inputs) =>
      crossPropertyFailures(inputs, withoutProvider(olds), now),
    );
  },

  async diff(id, olds, news) {
    // Every id in the stack passes here during an up: none of them is ever a lookup's answer.
    claim(id);
    const { replaces, updates } = changedProperties(declared.diffPlan, olds, news);
    replaces.push(...renewalReplaces(olds, news, context.clock.now()));
    return { changes: replaces.length + updates.length > 0, replaces, deleteBeforeReplace: false };
  },

  async create(inputs) {
    const args = withoutProvider(inputs) as PrivateCertificateInputs;
    const issued = await issueOnce(context, args);
    const what = JSON.stringify(args.distinguishedName?.commonName ?? "(from CSR)");
    await warnSuspectedDuplicates(context.log, SUBJECT, what, issued.certificateId, issued.suspectedDuplicateIds);
    return { id: issued.certificateId, outs: await finishCreate(context, args, issued) };
  },

  async read(id, props) {
    claim(id);
    return readCertificate(context.client, id, props, context.clock.now());
  },

  async update(id, olds, news) {
    claim(id);
    const args = withoutProvider(news) as PrivateCertificateInputs;
    const api = context.client;
    await syncTags(api.certificates.tags, id, olds.tags ?? {}, args.tags ?? {});
    // Also finishes a create whose waiting failed (the engine retries it as an update).
    const info = await api.certificates.waitForStatus(id, ["ISSUED", "REVOKED", "EXPIRED"]);
    const suspects = definedEntries({ suspectedDuplicateIds: olds.suspectedDuplicateIds });
    return { outs: { ...outputsFrom(args, info, context.clock.now()), ...suspects } };
  },

  async delete(id, props) {
    await deleteCertificate(context.client, id, props.revokeOnDelete as RevocationReason | undefined);
  },
});
