// MigrationTaskCertKey, declared once: its public Args (whose TSDoc describes each input), its
// outputs (all secret material) and its handlers; every input replaces.
import type * as pulumi from "@pulumi/pulumi";
import { defineResource } from "../shared/declaration.js";
import { STRING_OUTPUT as text } from "../shared/output-facts.js";
import {
  type MigrationTaskCertKeyOutputs,
  migrationTaskCertKeyHandlers,
  migrationTaskCertKeyInputs,
} from "./handlers.js";

export interface MigrationTaskCertKeyArgs {
  /** The migration task's id (1–36 characters). A new id fetches anew. */
  taskId: pulumi.Input<string>;
  /**
   * Also fetch the CA certificate (caPem). Default false, which the provider always sends
   * explicitly: the current API pages document false, some international pages true.
   */
  enableCaCert?: pulumi.Input<boolean>;
}

export const MIGRATION_TASK_CERT_KEY = defineResource<
  typeof migrationTaskCertKeyInputs,
  MigrationTaskCertKeyOutputs,
  "MigrationTaskCertKey"
>({
  name: "MigrationTaskCertKey",
  description: "The certificates and keys of an SMS migration task's agent channels.",
  inputs: migrationTaskCertKeyInputs,
  inputFacts: {
    taskId: { change: "replace" },
    enableCaCert: { change: "replace", default: "false" },
  },
  outputs: {
    certPem: text('The source side\'s certificate (PEM, "\\n" line endings).', true),
    privateKeyPem: text("The source side's private key (PEM).", { secret: true, optional: true }),
    caPem: text("The CA certificate; only with enableCaCert.", { secret: true, optional: true }),
    targetMgmtCertPem: text("The target server's certificate for migration task management (PEM).", {
      secret: true,
      optional: true,
    }),
    targetMgmtPrivateKeyPem: text("Its private key (PEM).", { secret: true, optional: true }),
    targetDataCertPem: text("The target server's certificate for data migration (PEM).", {
      secret: true,
      optional: true,
    }),
    targetDataPrivateKeyPem: text("Its private key (PEM).", { secret: true, optional: true }),
  },
  handlers: migrationTaskCertKeyHandlers,
});
