// What a type token of state is to this version of the package: the token grammar
// (../type-tokens.ts) bound to the registry's names. Every reader of state (ccm-orphans, the
// plugin, the chaos audits, the test harness) recognises our resources through parseTypeToken,
// never a copy of a prefix or a name.
import { RESOURCE_TYPE_NAMES, type ResourceTypeName } from "../resources/registry.js";
import { type ParsedTypeToken as ParsedToken, typeTokenParser } from "../type-tokens.js";

export { type FrontEnd, PACKAGE_NAME, TYPE_TOKEN_PREFIXES, typeToken } from "../type-tokens.js";
export { RESOURCE_TYPE_NAMES, type ResourceTypeName };

export type ParsedTypeToken = ParsedToken<ResourceTypeName>;

/** What a state's type token is to this package; undefined for other packages' tokens. */
export const parseTypeToken: (token: unknown) => ParsedTypeToken | undefined = typeTokenParser(RESOURCE_TYPE_NAMES);

/** The type name of one of our resources, whichever front end; undefined for anything else. */
export function resourceTypeNameOf(token: unknown): ResourceTypeName | undefined {
  const parsed = parseTypeToken(token);
  return parsed?.kind === "resource" ? parsed.name : undefined;
}
