// The resource type names, and the type tokens each front end registers them under. Both are held
// in state: every serialized shim (provider/resources/shim.ts) names its type, every resource of a
// stack carries its token. So a name or token never changes once released; the handler table
// (table.ts) must have handlers for each name, and every reader of state (ccm-orphans, the chaos
// audits, the test harness) recognises our resources through parseTypeToken, never a copy.

export const RESOURCE_TYPE_NAMES = [
  "PrivateCa",
  "PrivateCertificate",
  "IntermediateCaCertificate",
  "CertificateBundle",
  "ScmCertificateBundle",
  "MigrationTaskCertKey",
] as const;

export type ResourceTypeName = (typeof RESOURCE_TYPE_NAMES)[number];

/** The Pulumi package name: the plugin's, the schema's and the config namespace's. */
export const PACKAGE_NAME = "huaweicloud-ccm";

/**
 * Each front end's token prefix: the dynamic provider's classes register as
 * `pulumi-nodejs:dynamic/<package>:<Type>` (pulumi.dynamic.Resource with module = the package name),
 * the native plugin's resources as `<package>:index:<Type>` (schema.json).
 */
export const TYPE_TOKEN_PREFIXES = {
  dynamic: `pulumi-nodejs:dynamic/${PACKAGE_NAME}:`,
  native: `${PACKAGE_NAME}:index:`,
} as const;

export type FrontEnd = keyof typeof TYPE_TOKEN_PREFIXES;

/** The token a front end registers a type under ("huaweicloud-ccm:index:PrivateCa"). */
export function typeToken(frontEnd: FrontEnd, name: ResourceTypeName): string {
  return `${TYPE_TOKEN_PREFIXES[frontEnd]}${name}`;
}

export type ParsedTypeToken =
  /** One of our resources, whichever front end made it. */
  | { readonly kind: "resource"; readonly frontEnd: FrontEnd; readonly name: ResourceTypeName }
  /** This package's provider resource (`pulumi:providers:huaweicloud-ccm`): holds no cloud object. */
  | { readonly kind: "provider" }
  /** A token of this package that this version does not know: a later version's resource or module. */
  | { readonly kind: "unknown"; readonly token: string };

const NAMES: ReadonlySet<string> = new Set(RESOURCE_TYPE_NAMES);
const PROVIDER_TOKEN = `pulumi:providers:${PACKAGE_NAME}`;
// Anything under the package that is not one of the known tokens: any module of the native package
// (`huaweicloud-ccm:<module>:<Type>`) and any dynamic module of ours.
const PACKAGE_TOKEN_STARTS = [`${PACKAGE_NAME}:`, `pulumi-nodejs:dynamic/${PACKAGE_NAME}`];

/** What a state's type token is to this package; undefined for other packages' tokens. */
export function parseTypeToken(token: unknown): ParsedTypeToken | undefined {
  if (typeof token !== "string") return undefined;
  if (token === PROVIDER_TOKEN) return { kind: "provider" };
  for (const frontEnd of Object.keys(TYPE_TOKEN_PREFIXES) as FrontEnd[]) {
    const prefix = TYPE_TOKEN_PREFIXES[frontEnd];
    if (!token.startsWith(prefix)) continue;
    const name = token.slice(prefix.length);
    if (NAMES.has(name)) return { kind: "resource", frontEnd, name: name as ResourceTypeName };
  }
  return PACKAGE_TOKEN_STARTS.some((start) => token.startsWith(start)) ? { kind: "unknown", token } : undefined;
}

/** The type name of one of our resources, whichever front end; undefined for anything else. */
export function resourceTypeNameOf(token: unknown): ResourceTypeName | undefined {
  const parsed = parseTypeToken(token);
  return parsed?.kind === "resource" ? parsed.name : undefined;
}
