// The registry: the only list of this package's resources. Everything that needs "every resource"
// reads it — the handler table of both front ends, the type names and tokens (ccm-orphans and the
// audits included), schema.json and the reference pages. Adding a resource is one folder with its
// declaration and one line here. The order is the schema's and the docs' order.
import { CERTIFICATE_BUNDLE } from "./certificate-bundle/declaration.js";
import { INTERMEDIATE_CA_CERTIFICATE } from "./intermediate-ca-certificate/declaration.js";
import { MIGRATION_TASK_CERT_KEY } from "./migration-task-cert-key/declaration.js";
import { PRIVATE_CA } from "./private-ca/declaration.js";
import { PRIVATE_CERTIFICATE } from "./private-certificate/declaration.js";
import { REVOCATION } from "./revocation/declaration.js";
import { SCM_CERTIFICATE_BUNDLE } from "./scm-certificate-bundle/declaration.js";
import type { ResourceDeclaration } from "./shared/declaration.js";

export const RESOURCES = [
  PRIVATE_CA,
  PRIVATE_CERTIFICATE,
  INTERMEDIATE_CA_CERTIFICATE,
  CERTIFICATE_BUNDLE,
  SCM_CERTIFICATE_BUNDLE,
  MIGRATION_TASK_CERT_KEY,
  REVOCATION,
] as const;

/** A type name as state holds it: frozen once released (every shim and type token carries it). */
export type ResourceTypeName = (typeof RESOURCES)[number]["name"];

export const RESOURCE_TYPE_NAMES: readonly ResourceTypeName[] = RESOURCES.map((r) => r.name);

const BY_NAME: ReadonlyMap<string, ResourceDeclaration> = new Map(RESOURCES.map((r) => [r.name, r]));

/** The declaration of a type name; undefined for a name this version does not know. */
export function declarationOf(name: string): ResourceDeclaration | undefined {
  return BY_NAME.get(name);
}
