// MigrationTaskCertKey handlers. Fetching a task's certificates and keys creates nothing the
// stack owns (the task belongs to SMS), so the resource is the fetched material, kept stable
// across refreshes for as long as SMS answers with the same certificates.
import { z } from "zod";
import type { CcmClient } from "../../client/index.js";
import { ID_LIMITS } from "../../schemas/enums.js";
import { definedEntries } from "../shared/common.js";
import { exportAgain, exportHandlers } from "../shared/export-handlers.js";

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

export const migrationTaskCertKeyHandlers = exportHandlers({
  inputs: migrationTaskCertKeyInputs,
  idOf: certKeyId,
  exportNow: fetchCertKey,
  // Same certificates → the stored outputs stand; new certificates come with new keys, so then
  // everything is taken as fetched now. A task deleted in SMS takes its material out of state.
  refresh: (api, stored) =>
    exportAgain(
      () => fetchCertKey(api, { taskId: stored.taskId, enableCaCert: stored.enableCaCert ?? false }),
      stored,
      CERTIFICATE_OUTPUTS,
    ),
});
// delete stays a no-op: the migration task belongs to SMS (made and deleted there, outside this stack).
