// PrivateCa's inputs and state: what check accepts, what a create stores, and the inputs read back
// from state or, for a CA taken over by id, from the API.
import { z } from "zod";
import { type CaInfo, createCaArgs } from "../../schemas/ca.js";
import { revocationReasonArg } from "../../schemas/certificate.js";
import { PENDING_DAYS } from "../../schemas/enums.js";
import { certificatesPemArg } from "../../schemas/pem-args.js";
import { resourceTagsArgs } from "../../schemas/tags.js";
import { definedEntries, subjectOf } from "../shared/common.js";
import { statedValidity } from "../shared/stated-validity.js";

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
  enabled: z.boolean().optional(),
  ocspEnabled: z.boolean().optional(),
  revokeOnDelete: revocationReasonArg.optional(),
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

/** The inputs part of a stored state or of new inputs (drops outputs and the import pair). */
export function inputsOf(value: Partial<PrivateCaOutputs> | PrivateCaInputs): PrivateCaOutputs {
  const out: Record<string, unknown> = {};
  for (const key of INPUT_KEYS) {
    if (key === "certificatePem" || key === "certificateChainPem") continue;
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = v;
  }
  return out as unknown as PrivateCaOutputs;
}

/** For a CA taken over by id (`pulumi import`, `get`): the inputs the API can tell us about. */
export function inputsFromApi(info: CaInfo): PrivateCaOutputs {
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
