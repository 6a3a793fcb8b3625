// The registry of functions: the only list of this package's invokes. The plugin's Invoke, the
// TypeScript forms, schema.json `functions` and the reference pages read it; the order is the
// schema's and the docs'. Adding a function is one folder with its declaration and one line here.
import { GET_PRIVATE_CA } from "./get-private-ca/declaration.js";
import { GET_PRIVATE_CAS } from "./get-private-cas/declaration.js";
import { GET_PRIVATE_CERTIFICATE } from "./get-private-certificate/declaration.js";
import { GET_PRIVATE_CERTIFICATES } from "./get-private-certificates/declaration.js";
import { GET_QUOTAS } from "./get-quotas/declaration.js";
import type { FunctionDeclaration } from "./shared/declaration.js";

export const FUNCTIONS = [
  GET_PRIVATE_CA,
  GET_PRIVATE_CAS,
  GET_PRIVATE_CERTIFICATE,
  GET_PRIVATE_CERTIFICATES,
  GET_QUOTAS,
] as const;

export type FunctionName = (typeof FUNCTIONS)[number]["name"];

const BY_NAME: ReadonlyMap<string, FunctionDeclaration> = new Map(FUNCTIONS.map((f) => [f.name, f]));

/** The declaration of a function name; undefined for one this version does not know. */
export function functionOf(name: string): FunctionDeclaration | undefined {
  return BY_NAME.get(name);
}
