// MigrationTaskCertKey: the SSL certificates and private keys of an SMS (Server Migration Service)
// migration task (SMS "Obtaining an SSL Certificate and Private Key", GET /v3/tasks/{task_id}/certkey) — what the agent on the source server
// and the target server use for their SSL socket in block-level migration — as secret outputs.
// Handlers: migration-task-cert-key.handlers.ts.
import * as pulumi from "@pulumi/pulumi";
import { withSecretInputs, withSecretOutputs } from "./secret-props.js";
import { shimProvider } from "./shim.js";

export interface MigrationTaskCertKeyArgs {
  /** The migration task's id (1–36 characters). A new id fetches anew. */
  taskId: pulumi.Input<string>;
  /**
   * Also fetch the CA certificate (caPem). Default false, which the provider always sends
   * explicitly: the current API pages document false, some international pages true.
   */
  enableCaCert?: pulumi.Input<boolean>;
}

export class MigrationTaskCertKey extends pulumi.dynamic.Resource {
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
    // Every declared output is named here (undefined until the engine fills it): Pulumi only
    // exposes outputs whose keys are in props.
    const props = {
      // Unknown properties too (JavaScript callers, typos): check refuses them by name.
      ...args,
      taskId: args?.taskId,
      enableCaCert: args?.enableCaCert,
      certPem: undefined,
      privateKeyPem: undefined,
      caPem: undefined,
      targetMgmtCertPem: undefined,
      targetMgmtPrivateKeyPem: undefined,
      targetDataCertPem: undefined,
      targetDataPrivateKeyPem: undefined,
    };
    super(
      shimProvider("MigrationTaskCertKey"),
      name,
      withSecretInputs("MigrationTaskCertKey", props),
      withSecretOutputs("MigrationTaskCertKey", opts),
      "huaweicloud-ccm",
      "MigrationTaskCertKey",
    );
  }
}
