// PrivateCertificate handlers, run in the engine's dynamic-provider host through the runtime.
// check and diff never call the API (a preview makes zero calls); create waits for ISSUED and
// never forgets an id it obtained; read reports revocation, expiry and deletion; delete revokes
// first when asked.
import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import type { ApplyResult } from "../client/certificates.js";
import type { CreateOptions } from "../client/create.js";
import type { CcmClient } from "../client/index.js";
import { isNotFoundError } from "../errors.js";
import { claim, claimedIds, oneAtATime } from "../runtime/claims.js";
import { client } from "../runtime/context.js";
import type { ResourceHandlers } from "../runtime/handlers.js";
import { applyCertificateArgs, type CertificateInfo, ccmId, revocationReasonArg } from "../schemas/certificate.js";
import { checkValidityLimit, resourceTagsArgs, validityArgs } from "../schemas/common.js";
import { type RevocationReason, VALIDITY_MAX_YEARS } from "../schemas/enums.js";
import { certificateRequestPemArg } from "../schemas/pem-args.js";
import { explainIssuerRefusal } from "./ca-explain.js";
import { checkInputs } from "./check.js";
import { definedEntries, GONE, ResourceInitError, withoutProvider } from "./common.js";
import { type CreateSubject, explainUncertainCreate, warnSuspectedDuplicates } from "./create-explain.js";
import { changedProperties, type DiffPlan } from "./diff.js";
import { DURATION_FORMATS, parseDuration } from "./duration.js";
import { approximateValidityMs, isRenewalDue, REPLACING_STATUSES, validityFromNow } from "./renewal.js";
import { SECRET_PROPERTIES } from "./secrets.js";
import { startFromFailures, validityLimitFailures } from "./start-from.js";
import { isUnknown } from "./unknowns.js";

const apply = applyCertificateArgs.shape;

/** What check accepts: the apply API's fields (camelCase), the CSR alternative, and our extras. */
export const privateCertificateInputs = z
  .strictObject({
    issuerId: ccmId,
    validity: validityArgs,
    keyAlgorithm: apply.keyAlgorithm.optional(),
    signatureAlgorithm: apply.signatureAlgorithm.optional(),
    distinguishedName: apply.distinguishedName.optional(),
    keyUsages: apply.keyUsages,
    subjectAlternativeNames: apply.subjectAlternativeNames,
    extendedKeyUsage: apply.extendedKeyUsage,
    customizedExtension: apply.customizedExtension,
    enterpriseProjectId: apply.enterpriseProjectId,
    csrPem: certificateRequestPemArg.optional(),
    tags: resourceTagsArgs.optional(),
    renewBefore: z
      .string()
      .refine((s) => parseDuration(s) !== undefined, `must be ${DURATION_FORMATS}`)
      .optional(),
    revokeOnDelete: revocationReasonArg.optional(),
  })
  .superRefine((args, ctx) => checkValidityLimit(args.validity, VALIDITY_MAX_YEARS.CERTIFICATE, ctx));

export type PrivateCertificateInputs = z.output<typeof privateCertificateInputs>;

export interface PrivateCertificateOutputs extends PrivateCertificateInputs {
  certificateId: string;
  status: string;
  serialNumber?: string;
  issuerName?: string;
  genMode?: string;
  notBefore?: string;
  notAfter?: string;
  readyForRenewal: boolean;
  subject?: Record<string, string>;
  /** Look-alikes that appeared while a lost apply was re-sent: possible duplicates to review. */
  suspectedDuplicateIds?: string[];
}

const SUBJECT: CreateSubject = { className: "PrivateCertificate", apiPath: "/v1/private-certificates" };

// Fields only the generated-key mode takes; with csrPem the CSR carries key and subject.
const GENERATED_ONLY = [
  "keyAlgorithm",
  "signatureAlgorithm",
  "distinguishedName",
  "keyUsages",
  "subjectAlternativeNames",
  "extendedKeyUsage",
  "customizedExtension",
] as const;
const GENERATED_REQUIRED = ["keyAlgorithm", "signatureAlgorithm", "distinguishedName"] as const;

/** Any issuance field changes → a new certificate; these three change in place. */
export const PRIVATE_CERTIFICATE_DIFF: DiffPlan = {
  replaceOn: ["issuerId", "validity", ...GENERATED_ONLY, "csrPem", "enterpriseProjectId"],
  updateOn: ["tags", "renewBefore", "revokeOnDelete"],
  unordered: ["keyUsages"],
};

/** Rules across properties, judged on the raw inputs so they are reported with all the others. */
function crossPropertyFailures(
  news: Record<string, unknown>,
  olds: Record<string, unknown>,
  now: number,
): pulumi.dynamic.CheckFailure[] {
  const failures: pulumi.dynamic.CheckFailure[] = [];
  const given = (key: string) => news[key] !== undefined && news[key] !== null;
  if (given("csrPem")) {
    for (const key of GENERATED_ONLY) {
      if (given(key))
        failures.push({ property: key, reason: "not used with csrPem: the CSR carries the key and subject" });
    }
  } else {
    for (const key of GENERATED_REQUIRED) {
      if (!given(key)) failures.push({ property: key, reason: "is required (unless csrPem is given)" });
    }
  }
  const validity = news.validity as { type?: unknown; value?: unknown; startFrom?: unknown } | undefined;
  const renewBefore = typeof news.renewBefore === "string" ? parseDuration(news.renewBefore) : undefined;
  const lifetime = validity ? approximateValidityMs(validity.type, validity.value) : undefined;
  if (renewBefore !== undefined && lifetime !== undefined && renewBefore >= lifetime) {
    failures.push({
      property: "renewBefore",
      reason: "must be shorter than the validity, or every `pulumi up` would replace the certificate",
    });
  }
  failures.push(...validityLimitFailures(news, VALIDITY_MAX_YEARS.CERTIFICATE));
  failures.push(...startFromFailures(news, olds, now, true));
  return failures;
}

function subjectOf(info: CertificateInfo): Record<string, string> {
  return definedEntries({ ...info.distinguishedName }) as Record<string, string>;
}

function outputsFrom(inputs: PrivateCertificateInputs, info: CertificateInfo, now: number): PrivateCertificateOutputs {
  const renewBeforeMs = inputs.renewBefore ? parseDuration(inputs.renewBefore) : undefined;
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
    readyForRenewal: isRenewalDue(info.status, info.notAfter, renewBeforeMs, now),
  };
}

/** For a certificate adopted with `get`: the inputs the API can tell us about. */
function inputsFromApi(info: CertificateInfo): PrivateCertificateInputs {
  return definedEntries({
    issuerId: info.issuerId,
    keyAlgorithm: info.keyAlgorithm,
    signatureAlgorithm: info.signatureAlgorithm,
    distinguishedName: subjectOf(info),
  }) as PrivateCertificateInputs;
}

async function syncTags(api: CcmClient, id: string, olds: Record<string, string>, news: Record<string, string>) {
  const removed = Object.fromEntries(Object.entries(olds).filter(([k, v]) => news[k] !== v));
  if (Object.keys(removed).length > 0) await api.certificates.tags.remove(id, removed);
  const added = Object.fromEntries(Object.entries(news).filter(([k, v]) => olds[k] !== v));
  if (Object.keys(added).length > 0) await api.certificates.tags.add(id, added);
}

/** Apply, or apply by CSR: the API call that makes the certificate. */
function issue(api: CcmClient, args: PrivateCertificateInputs, options: CreateOptions): Promise<ApplyResult> {
  const validity = validityFromNow(args.validity, Date.now());
  return args.csrPem
    ? api.certificates.applyByCsr(
        {
          issuerId: args.issuerId,
          csr: args.csrPem,
          validity,
          type: "ENTITY_CERT",
          ...definedEntries({ enterpriseProjectId: args.enterpriseProjectId }),
        },
        options,
      )
    : api.certificates.apply(
        {
          issuerId: args.issuerId,
          keyAlgorithm: args.keyAlgorithm!,
          signatureAlgorithm: args.signatureAlgorithm!,
          distinguishedName: args.distinguishedName!,
          validity,
          ...definedEntries({
            keyUsages: args.keyUsages,
            subjectAlternativeNames: args.subjectAlternativeNames,
            extendedKeyUsage: args.extendedKeyUsage,
            customizedExtension: args.customizedExtension,
            enterpriseProjectId: args.enterpriseProjectId,
          }),
        },
        options,
      );
}

/** Creates one lookup could confuse share this key (the list query is by common name). */
function lookupKey(args: PrivateCertificateInputs): string {
  return `certificate|${args.issuerId}|${args.distinguishedName?.commonName ?? "(CSR)"}`;
}

/** Issues in turn with its look-alikes of this process, never adopting what another resource holds. */
function issueOnce(api: CcmClient, args: PrivateCertificateInputs): Promise<ApplyResult> {
  return oneAtATime(lookupKey(args), async () => {
    const result = await issue(api, args, { knownIds: claimedIds() });
    claim(result.certificateId);
    return result;
  });
}

export const privateCertificateHandlers: ResourceHandlers<PrivateCertificateInputs, PrivateCertificateOutputs> = {
  async check(olds, news) {
    const now = Date.now();
    return checkInputs(privateCertificateInputs, news, {
      secrets: SECRET_PROPERTIES.PrivateCertificate,
      crossProperty: (inputs) => crossPropertyFailures(inputs, withoutProvider(olds), now),
    });
  },

  async diff(id, olds, news) {
    // Every id in the stack passes here during an up: none of them is ever a lookup's answer.
    claim(id);
    const { replaces, updates } = changedProperties(PRIVATE_CERTIFICATE_DIFF, olds, news);
    if (REPLACING_STATUSES.has(olds.status)) replaces.push("status");
    const renewBefore = isUnknown(news.renewBefore) ? olds.renewBefore : news.renewBefore;
    const renewBeforeMs = renewBefore ? parseDuration(renewBefore) : undefined;
    if (olds.status === "ISSUED" && isRenewalDue(olds.status, olds.notAfter, renewBeforeMs, Date.now())) {
      replaces.push("readyForRenewal");
    }
    return { changes: replaces.length + updates.length > 0, replaces, deleteBeforeReplace: false };
  },

  async create(inputs) {
    const args = withoutProvider(inputs) as PrivateCertificateInputs;
    const api = client();
    const { certificateId, suspectedDuplicateIds } = await issueOnce(api, args).catch(async (error: unknown) => {
      // A refusal because of the CA's state, or an uncertain outcome, gets a message that says what to do.
      throw explainUncertainCreate(
        await explainIssuerRefusal(api, args.issuerId, error, "certificates", args.validity),
        SUBJECT,
      );
    });
    const what = JSON.stringify(args.distinguishedName?.commonName ?? "(from CSR)");
    await warnSuspectedDuplicates(SUBJECT, what, certificateId, suspectedDuplicateIds);
    const suspects = suspectedDuplicateIds.length > 0 ? { suspectedDuplicateIds: [...suspectedDuplicateIds] } : {};
    try {
      const info = await api.certificates.waitForStatus(certificateId, ["ISSUED"]);
      if (args.tags && Object.keys(args.tags).length > 0) await api.certificates.tags.add(certificateId, args.tags);
      return { id: certificateId, outs: { ...outputsFrom(args, info, Date.now()), ...suspects } };
    } catch (error) {
      // Tags are left out of what is recorded: the update that finishes this create must see them
      // as still to be added.
      const { tags: _notYetAdded, ...recorded } = args;
      throw new ResourceInitError(
        certificateId,
        { ...recorded, ...suspects, certificateId, status: "UNKNOWN" },
        "certificate",
        error,
      );
    }
  },

  async read(id, props) {
    claim(id);
    const api = client();
    const info = await api.certificates.find(id);
    if (!info) return GONE;
    const tags = await api.certificates.tags.list(id);
    const stored = props ? (withoutProvider(props) as Partial<PrivateCertificateOutputs>) : {};
    const inputs = stored.issuerId ? (stored as PrivateCertificateInputs) : inputsFromApi(info);
    const hadTags = stored.tags !== undefined || Object.keys(tags).length > 0;
    const outs = outputsFrom({ ...inputs, ...(hadTags ? { tags } : {}) }, info, Date.now());
    return { id, props: { ...outs, ...definedEntries({ suspectedDuplicateIds: stored.suspectedDuplicateIds }) } };
  },

  async update(id, olds, news) {
    claim(id);
    const args = withoutProvider(news) as PrivateCertificateInputs;
    const api = client();
    await syncTags(api, id, olds.tags ?? {}, args.tags ?? {});
    // Also finishes a create whose waiting failed (the engine retries it as an update).
    const info = await api.certificates.waitForStatus(id, ["ISSUED", "REVOKED", "EXPIRED"]);
    const suspects = definedEntries({ suspectedDuplicateIds: olds.suspectedDuplicateIds });
    return { outs: { ...outputsFrom(args, info, Date.now()), ...suspects } };
  },

  async delete(id, props) {
    const api = client();
    const reason = props.revokeOnDelete as RevocationReason | undefined;
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
  },
};
