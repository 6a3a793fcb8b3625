// MigrationTaskCertKey handlers. Fetching a task's certificates and keys creates nothing the
// stack owns (the task belongs to SMS), so the resource is the fetched material, kept stable
// across refreshes for as long as SMS answers with the same certificates.
import { z } from "zod";
import type { CcmClient } from "../client/index.js";
import { isNotFoundError } from "../errors.js";
import { client } from "../runtime/context.js";
import type { ResourceHandlers } from "../runtime/handlers.js";
import { ID_LIMITS } from "../schemas/enums.js";
import { checkInputs } from "./check.js";
import { definedEntries, GONE, withoutProvider } from "./common.js";
import { type DiffPlan, replacementDiff } from "./diff.js";
import { SECRET_PROPERTIES } from "./secrets.js";

export const migrationTaskCertKeyInputs = z.strictObject({
  taskId: z.string().regex(ID_LIMITS.smsTask.pattern, `must be an SMS migration task id: ${ID_LIMITS.smsTask.allowed}`),
  enableCaCert: z.boolean().default(false),
});

export type MigrationTaskCertKeyInputs = z.output<typeof migrationTaskCertKeyInputs>;

export interface MigrationTaskCertKeyOutputs extends MigrationTaskCertKeyInputs {
  certPem: string;
  privateKeyPem?: string;
  caPem?: string;
  targetMgmtCertPem?: string;
  targetMgmtPrivateKeyPem?: string;
  targetDataCertPem?: string;
  targetDataPrivateKeyPem?: string;
}

/** The material is a function of the task and of whether the CA certificate is asked for. */
export const MIGRATION_TASK_CERT_KEY_DIFF: DiffPlan = { replaceOn: ["taskId", "enableCaCert"], updateOn: [] };

/** The certificates: when SMS answers with these unchanged, the stored material stands. */
const CERTIFICATE_OUTPUTS = ["certPem", "caPem", "targetMgmtCertPem", "targetDataCertPem"] as const;

function certKeyId(inputs: MigrationTaskCertKeyInputs): string {
  return `${inputs.taskId}/${inputs.enableCaCert ? "ca" : "no-ca"}`;
}

async function fetchCertKey(api: CcmClient, inputs: MigrationTaskCertKeyInputs): Promise<MigrationTaskCertKeyOutputs> {
  // GOTCHA: the API pages disagree on enable_ca_cert's default (false on the current CN/EU pages,
  // true on some international ones), so the flag is always sent, never left to the service.
  const material = await api.sms.getCertKey(inputs.taskId, { enableCaCert: inputs.enableCaCert });
  if (!material.cert) throw new Error(`SMS returned no certificate for migration task ${inputs.taskId}`);
  return {
    taskId: inputs.taskId,
    enableCaCert: inputs.enableCaCert,
    certPem: material.cert,
    ...definedEntries({
      privateKeyPem: material.privateKey,
      caPem: material.ca,
      targetMgmtCertPem: material.targetMgmtCert,
      targetMgmtPrivateKeyPem: material.targetMgmtPrivateKey,
      targetDataCertPem: material.targetDataCert,
      targetDataPrivateKeyPem: material.targetDataPrivateKey,
    }),
  };
}

export const migrationTaskCertKeyHandlers: ResourceHandlers<MigrationTaskCertKeyInputs, MigrationTaskCertKeyOutputs> = {
  async check(_olds, news) {
    return checkInputs(migrationTaskCertKeyInputs, news, { secrets: SECRET_PROPERTIES.MigrationTaskCertKey });
  },

  async diff(_id, olds, news) {
    return replacementDiff(MIGRATION_TASK_CERT_KEY_DIFF, olds, news);
  },

  async create(inputs) {
    const args = withoutProvider(inputs) as MigrationTaskCertKeyInputs;
    return { id: certKeyId(args), outs: await fetchCertKey(client(), args) };
  },

  async read(id, props) {
    if (!props) return GONE;
    const stored = withoutProvider(props) as MigrationTaskCertKeyOutputs;
    let fresh: MigrationTaskCertKeyOutputs;
    try {
      fresh = await fetchCertKey(client(), { taskId: stored.taskId, enableCaCert: stored.enableCaCert ?? false });
    } catch (error) {
      // The task was deleted in SMS: its material leaves state.
      if (isNotFoundError(error)) return GONE;
      throw error;
    }
    // Same certificates → the stored outputs stand (a refresh of unchanged material reports no
    // change); new certificates come with new keys, so then everything is taken as fetched now.
    const unchanged = CERTIFICATE_OUTPUTS.every((key) => fresh[key] === stored[key]);
    return { id, props: unchanged ? stored : fresh };
  },

  async update(_id, _olds, news) {
    // diff never plans an in-place change (every property replaces); should the engine call
    // update anyway, fetching again keeps the outputs whole rather than emptying them.
    return { outs: await fetchCertKey(client(), withoutProvider(news) as MigrationTaskCertKeyInputs) };
  },

  async delete() {
    // NO-OP: fetching a task's certificates and keys creates nothing in SMS, and the migration
    // task belongs to SMS (made and deleted there, outside this stack); Pulumi only forgets the copy.
  },
};
