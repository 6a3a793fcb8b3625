// The certificates and private keys of an SMS (Server Migration Service) migration task: in
// block-level migration the agent on the source server and the target server talk over an SSL
// socket made with these. SMS owns the task: destroying this stack deletes nothing there. Every
// PEM below is a Pulumi secret.
//
//   pulumi config set taskId 3f0c8a5e-8b1e-4bb0-9c55-0d2d8f1f6a11   # the migration task's id
//   pulumi config set enableCaCert true                             # optional: also the CA certificate
//   pulumi up
import * as pulumi from "@pulumi/pulumi";
import { MigrationTaskCertKey } from "pulumi-huaweicloud-ccm";

const config = new pulumi.Config();

const certKey = new MigrationTaskCertKey("migration", {
  taskId: config.require("taskId"),
  enableCaCert: config.getBoolean("enableCaCert") ?? false,
});

// Source side (the agent).
export const certPem = certKey.certPem;
export const privateKeyPem = certKey.privateKeyPem;
// Only with enableCaCert.
export const caPem = certKey.caPem;
// Target server: migration task management, and data migration.
export const targetMgmtCertPem = certKey.targetMgmtCertPem;
export const targetMgmtPrivateKeyPem = certKey.targetMgmtPrivateKeyPem;
export const targetDataCertPem = certKey.targetDataCertPem;
export const targetDataPrivateKeyPem = certKey.targetDataPrivateKeyPem;
