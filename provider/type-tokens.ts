// The package name and the grammar of the type tokens each front end registers resources under.
// State holds them (every resource of a stack carries its token), so none ever changes once
// released. Which names are ours is the registry's to say (provider/resources/registry.ts);
// runtime/resource-types.ts binds the two for every reader of state.

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
export function typeToken(frontEnd: FrontEnd, name: string): string {
  return `${TYPE_TOKEN_PREFIXES[frontEnd]}${name}`;
}

export type ParsedTypeToken<Name extends string> =
  /** One of our resources, whichever front end made it. */
  | { readonly kind: "resource"; readonly frontEnd: FrontEnd; readonly name: Name }
  /** This package's provider resource (`pulumi:providers:huaweicloud-ccm`): holds no cloud object. */
  | { readonly kind: "provider" }
  /** A token of this package that this version does not know: a later version's resource or module. */
  | { readonly kind: "unknown"; readonly token: string };

const PROVIDER_TOKEN = `pulumi:providers:${PACKAGE_NAME}`;
// Anything under the package that is not one of the known tokens: any module of the native package
// (`huaweicloud-ccm:<module>:<Type>`) and any dynamic module of ours.
const PACKAGE_TOKEN_STARTS = [`${PACKAGE_NAME}:`, `pulumi-nodejs:dynamic/${PACKAGE_NAME}`];

/** A reader of state's type tokens that knows `names` as this package's resources. */
export function typeTokenParser<Name extends string>(
  names: readonly Name[],
): (token: unknown) => ParsedTypeToken<Name> | undefined {
  const known: ReadonlySet<string> = new Set(names);
  return (token) => {
    if (typeof token !== "string") return undefined;
    if (token === PROVIDER_TOKEN) return { kind: "provider" };
    for (const frontEnd of Object.keys(TYPE_TOKEN_PREFIXES) as FrontEnd[]) {
      const prefix = TYPE_TOKEN_PREFIXES[frontEnd];
      if (!token.startsWith(prefix)) continue;
      const name = token.slice(prefix.length);
      if (known.has(name)) return { kind: "resource", frontEnd, name: name as Name };
    }
    return PACKAGE_TOKEN_STARTS.some((start) => token.startsWith(start)) ? { kind: "unknown", token } : undefined;
  };
}
