// Outputs that are computed from stored ones instead of being stored. The file backend rewrites the
// whole checkpoint at every step of an `up`, so each byte a resource keeps in state is paid again
// at every later step of every run: what can be recomputed exactly is not kept. The handlers
// leave these out of what they return; each front end adds them back where the user reads them —
// the resource class in the program (a derived Output), the native plugin before it answers the
// engine (a native SDK has no code of ours to compute them). Old state that still holds them is
// read as before: nothing looks at the stored copy.
import { fullChainPem } from "../../pem.js";
import type { ResourceTypeName } from "../../runtime/resource-types.js";

/** The stored outputs a derivation reads. */
interface ChainParts {
  certificatePem: string;
  certificateChainPem?: string;
}

/** Both certificate exports: ~2.4 KB of ciphertext a bundle, as big as the leaf and the chain together. */
const FULL_CHAIN = { fullChainPem: (o: ChainParts) => fullChainPem(o.certificatePem, o.certificateChainPem) };

/** Each derived output of a resource and how it is computed from the stored outputs. */
export const DERIVED_OUTPUTS = {
  CertificateBundle: FULL_CHAIN,
  ScmCertificateBundle: FULL_CHAIN,
} as const satisfies Partial<Record<ResourceTypeName, Record<string, (outputs: ChainParts) => string>>>;

/** The derived outputs of one resource, as properties: `{ fullChainPem: string }`. */
export type DerivedOutputs<T extends keyof typeof DERIVED_OUTPUTS> = {
  [K in keyof (typeof DERIVED_OUTPUTS)[T]]: string;
};

type Derivations = Record<string, (outputs: ChainParts) => string>;

/**
 * What the derivations read from stored outputs, or undefined when there is no certificate to
 * derive from: a bundle whose export never happened, or a unit test's mock that returned none.
 */
export function chainParts(stored: Partial<Record<string, unknown>> | undefined): ChainParts | undefined {
  if (typeof stored?.certificatePem !== "string") return undefined;
  return {
    certificatePem: stored.certificatePem,
    ...(typeof stored.certificateChainPem === "string" ? { certificateChainPem: stored.certificateChainPem } : {}),
  };
}

/**
 * `outputs` with the derived outputs of `type` added — when what they are computed from is there
 * (a bundle whose export never happened has no certificate to derive from).
 */
export function withDerivedOutputs<O extends object | undefined>(type: string, outputs: O): O {
  const derivations = (DERIVED_OUTPUTS as Partial<Record<string, Derivations>>)[type];
  const parts = chainParts(outputs as Partial<Record<string, unknown>> | undefined);
  if (!derivations || !parts) return outputs;
  const derived = Object.fromEntries(Object.entries(derivations).map(([name, derive]) => [name, derive(parts)]));
  return { ...outputs, ...derived } as O;
}
