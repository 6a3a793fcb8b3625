// IntermediateCaCertificate handlers, run in the engine's dynamic-provider host through the
// runtime. check and diff never call the API; every input is an issuance field, so any change
// means a new certificate. create never forgets the id it obtained; read reflects the CA record
// (and its removal); delete is a no-op, because CCM offers nothing else for such a CA.
import { z } from "zod";
import type { CcmClient } from "../../client/index.js";
import { ResourceInitError } from "../../errors.js";
import { normalizePem } from "../../pem.js";
import type { CaInfo } from "../../schemas/ca.js";
import { ccmId, enterpriseProjectIdArg } from "../../schemas/certificate.js";
import { PATH_LENGTH, VALIDITY_MAX_YEARS } from "../../schemas/enums.js";
import { certificateRequestPemArg } from "../../schemas/pem-args.js";
import { validityArgs } from "../../schemas/validity.js";
import { caCertificateOnce } from "../shared/ca-certificate.js";
import { explainIssuerRefusal } from "../shared/ca-explain.js";
import { checkResource } from "../shared/check.js";
import { definedEntries, GONE, subjectOf, withoutProvider } from "../shared/common.js";
import type { HandlersOf } from "../shared/declaration.js";
import { replacementDiff } from "../shared/diff.js";
import { validityFromNow } from "../shared/renewal.js";
import { startFromFailures, validityLimitFailures } from "../shared/start-from.js";
import { statedValidity } from "../shared/stated-validity.js";

const CSR_REQUIRED =
  "is required: the PEM certificate request of the CA to sign — a PrivateCa exposes it as csrPem while it is " +
  "a PENDING SUBORDINATE (created without issuerId)";

export const intermediateCaCertificateInputs = z.strictObject({
  issuerId: ccmId,
  csrPem: certificateRequestPemArg.transform(normalizePem),
  // Its longest validity is judged by check with the other rules (validityLimitFailures).
  validity: validityArgs,
  pathLength: z.number().int().min(PATH_LENGTH.min).max(PATH_LENGTH.max).optional(),
  enterpriseProjectId: enterpriseProjectIdArg.optional(),
});

export type IntermediateCaCertificateInputs = z.output<typeof intermediateCaCertificateInputs>;

export interface IntermediateCaCertificateOutputs extends IntermediateCaCertificateInputs {
  caId: string;
  status: string;
  serialNumber?: string;
  notBefore?: string;
  notAfter?: string;
  issuerName?: string;
  subject?: Record<string, string>;
  certificatePem?: string;
  certificateChainPem?: string;
}

function inputsOf(value: Partial<IntermediateCaCertificateOutputs>): IntermediateCaCertificateInputs {
  return definedEntries({
    issuerId: value.issuerId,
    csrPem: value.csrPem,
    validity: value.validity,
    pathLength: value.pathLength,
    enterpriseProjectId: value.enterpriseProjectId,
  }) as IntermediateCaCertificateInputs;
}

async function describe(
  api: CcmClient,
  inputs: IntermediateCaCertificateInputs,
  info: CaInfo,
  kept: Partial<IntermediateCaCertificateOutputs>,
): Promise<IntermediateCaCertificateOutputs> {
  return {
    ...inputs,
    ...definedEntries({
      serialNumber: info.serialNumber,
      notBefore: info.notBefore,
      notAfter: info.notAfter,
      issuerName: info.issuerName,
      subject: subjectOf(info),
      ...(await caCertificateOnce(api, info, kept)),
    }),
    caId: info.caId,
    status: info.status,
  };
}

/** Signs the CSR: the call that makes the CA record, its refusals explained. */
async function sign(api: CcmClient, args: IntermediateCaCertificateInputs, now: number): Promise<string> {
  try {
    const { certificateId } = await api.certificates.applyByCsr({
      issuerId: args.issuerId,
      csr: args.csrPem,
      validity: validityFromNow(args.validity, now),
      type: "INTERMEDIATE_CA",
      ...definedEntries({ pathLength: args.pathLength, enterpriseProjectId: args.enterpriseProjectId }),
    });
    return certificateId;
  } catch (error) {
    throw await explainIssuerRefusal(api, args.issuerId, error, "intermediate CA certificates", args.validity, now);
  }
}

/** A refresh, or a take-over by id (`pulumi import`, `get`) when there is no state yet. */
async function readSigned(api: CcmClient, id: string, props: IntermediateCaCertificateOutputs | undefined) {
  const info = await api.cas.find(id);
  if (!info) return GONE;
  const stored = props ? (withoutProvider(props) as Partial<IntermediateCaCertificateOutputs>) : {};
  if (stored.issuerId) return { id, props: await describe(api, inputsOf(stored), info, stored) };
  // Taken over by id (`pulumi import`, `get`): the inputs the API can tell us about (not the
  // CSR, which the service does not keep), from now on its inputs.
  const inputs = definedEntries({
    issuerId: info.issuerId,
    pathLength: info.pathLength,
    validity: statedValidity(info.notBefore, info.notAfter),
  }) as IntermediateCaCertificateInputs;
  return { id, props: await describe(api, inputs, info, stored), inputs };
}

export const intermediateCaCertificateHandlers: HandlersOf<
  IntermediateCaCertificateInputs,
  IntermediateCaCertificateOutputs
> = (context, declared) => ({
  async check(olds, news) {
    const now = context.clock.now();
    const result = checkResource(declared, intermediateCaCertificateInputs, news, (inputs) => [
      ...validityLimitFailures(inputs, VALIDITY_MAX_YEARS.SUBORDINATE_CA),
      ...startFromFailures(inputs, withoutProvider(olds ?? {}), now, true),
    ]);
    // A missing CSR is usually a CA that has none to give (a ROOT, or one already signed): say where CSRs come from.
    const failures = result.failures?.map((f) =>
      f.property === "csrPem" && f.reason === "is required" ? { ...f, reason: CSR_REQUIRED } : f,
    );
    return failures ? { ...result, failures } : result;
  },

  async diff(_id, olds, news) {
    return replacementDiff(declared.diffPlan, olds, news);
  },

  async create(inputs) {
    const args = withoutProvider(inputs) as IntermediateCaCertificateInputs;
    const api = context.client;
    const caId = await sign(api, args, context.clock.now());
    try {
      return { id: caId, outs: await describe(api, args, await api.cas.get(caId), {}) };
    } catch (error) {
      throw new ResourceInitError(caId, { ...args, caId, status: "UNKNOWN" }, "intermediate CA certificate", error);
    }
  },

  async read(id, props) {
    return readSigned(context.client, id, props);
  },

  async update(id, olds, news) {
    // Reached only to finish a create that failed half-way: nothing is changed in place.
    const api = context.client;
    const info = await api.cas.get(id);
    return { outs: await describe(api, withoutProvider(news) as IntermediateCaCertificateInputs, info, olds) };
  },

  async delete() {
    // NO-OP: CCM supports only GET and export on a CA issued from a CSR (docs/api-facts.md §2.7) — it cannot be
    // disabled, deleted or revoked through the API, is not listed and takes no CA quota. Its
    // certificate stays valid until notAfter; to retire it, delete the PrivateCa that imported it.
  },
});
