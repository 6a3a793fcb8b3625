// MigrationTaskCertKey: the SSL certificates and private keys of an SMS (Server Migration Service)
// migration task (SMS "Obtaining an SSL Certificate and Private Key", GET /v3/tasks/{task_id}/certkey) — what the agent on the source server
// and the target server use for their SSL socket in block-level migration — as secret outputs.
// Declared in declaration.ts; handlers in handlers.ts.
import type * as pulumi from "@pulumi/pulumi";
import { CcmResource, type DeclaredOutputs } from "../shared/ccm-resource.js";
import { MIGRATION_TASK_CERT_KEY, type MigrationTaskCertKeyArgs } from "./declaration.js";
import type { MigrationTaskCertKeyOutputs } from "./handlers.js";

export type { MigrationTaskCertKeyArgs };

export class MigrationTaskCertKey
  extends CcmResource
  implements DeclaredOutputs<MigrationTaskCertKey, MigrationTaskCertKeyOutputs>
{
  // Outputs, generated from declaration.ts by `npm run docs`: edit the declaration, not these lines.
  /** The source side's certificate (PEM, "\n" line endings). Secret. */
  declare readonly certPem: pulumi.Output<string>;
  /** The source side's private key (PEM). Secret. */
  declare readonly privateKeyPem: pulumi.Output<string | undefined>;
  /** The CA certificate; only with enableCaCert. Secret. */
  declare readonly caPem: pulumi.Output<string | undefined>;
  /** The target server's certificate for migration task management (PEM). Secret. */
  declare readonly targetMgmtCertPem: pulumi.Output<string | undefined>;
  /** Its private key (PEM). Secret. */
  declare readonly targetMgmtPrivateKeyPem: pulumi.Output<string | undefined>;
  /** The target server's certificate for data migration (PEM). Secret. */
  declare readonly targetDataCertPem: pulumi.Output<string | undefined>;
  /** Its private key (PEM). Secret. */
  declare readonly targetDataPrivateKeyPem: pulumi.Output<string | undefined>;
  // End of the generated outputs.
  declare readonly taskId: pulumi.Output<string>;
  declare readonly enableCaCert: pulumi.Output<boolean>;

  constructor(name: string, args: MigrationTaskCertKeyArgs, opts?: pulumi.CustomResourceOptions) {
    super(MIGRATION_TASK_CERT_KEY, name, args, opts);
  }
}
