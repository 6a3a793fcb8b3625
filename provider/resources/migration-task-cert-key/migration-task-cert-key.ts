// MigrationTaskCertKey: the SSL certificates and private keys of an SMS (Server Migration Service)
// migration task (SMS "Obtaining an SSL Certificate and Private Key", GET /v3/tasks/{task_id}/certkey) — what the agent on the source server
// and the target server use for their SSL socket in block-level migration — as secret outputs.
// Handlers: migration-task-cert-key.handlers.ts.
import type * as pulumi from "@pulumi/pulumi";
import { CcmResource, type DeclaredOutputs, type PropertyKinds } from "../shared/ccm-resource.js";
import type { MigrationTaskCertKeyInputs, MigrationTaskCertKeyOutputs } from "./handlers.js";

export interface MigrationTaskCertKeyArgs {
  /** The migration task's id (1–36 characters). A new id fetches anew. */
  taskId: pulumi.Input<string>;
  /**
   * Also fetch the CA certificate (caPem). Default false, which the provider always sends
   * explicitly: the current API pages document false, some international pages true.
   */
  enableCaCert?: pulumi.Input<boolean>;
}

const PROPERTIES = {
  taskId: "input",
  enableCaCert: "input",
  certPem: "output",
  privateKeyPem: "output",
  caPem: "output",
  targetMgmtCertPem: "output",
  targetMgmtPrivateKeyPem: "output",
  targetDataCertPem: "output",
  targetDataPrivateKeyPem: "output",
} as const satisfies PropertyKinds<MigrationTaskCertKeyArgs, MigrationTaskCertKeyInputs, MigrationTaskCertKeyOutputs>;

export class MigrationTaskCertKey
  extends CcmResource
  implements DeclaredOutputs<MigrationTaskCertKey, MigrationTaskCertKeyOutputs>
{
  declare readonly taskId: pulumi.Output<string>;
  declare readonly enableCaCert: pulumi.Output<boolean>;
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

  constructor(name: string, args: MigrationTaskCertKeyArgs, opts?: pulumi.CustomResourceOptions) {
    super("MigrationTaskCertKey", name, args, PROPERTIES, opts);
  }
}
