// Outputs that are computed from stored ones instead of being stored. The file backend rewrites the
// whole checkpoint at every step of an `up`, so each byte a resource keeps in state is paid again
// at every later step of every run: what can be recomputed exactly is not kept. The handlers
// leave these out of what they return; each front end adds them back where the user reads them —
// the resource class in the program (a derived Output), the native plugin before it answers the
// engine (a native SDK has no code of ours to compute them). Old state that still holds them is
// read as before: nothing looks at the stored copy. A declaration names its derived outputs
// (`derivedOutputs`); the derivations live here.
import { fullChainPem } from "../../pem.js";
import type { DerivedOutputFacts, ResourceDeclaration, StoredOutputs } from "./declaration.js";

/** Both certificate exports: ~2.4 KB of ciphertext a bundle, as big as the leaf and the chain together. */
export const FULL_CHAIN_PEM: DerivedOutputFacts = {
  type: "string",
  description:
    "The leaf followed by its chain, each certificate once — what nginx's ssl_certificate wants. Computed from certificatePem and certificateChainPem, not kept in state.",
  secret: true,
  from: ["certificatePem", "certificateChainPem"],
  derive: (stored: StoredOutputs | undefined) => {
    // No certificate where no export happened, or where a unit test's mock returned none.
    if (typeof stored?.certificatePem !== "string") return undefined;
    const chain = typeof stored.certificateChainPem === "string" ? stored.certificateChainPem : undefined;
    return fullChainPem(stored.certificatePem, chain);
  },
};

/** `outputs` with the declaration's derived outputs added, where there is something to derive from. */
export function withDerivedOutputs<O extends object | undefined>(declaration: ResourceDeclaration, outputs: O): O {
  const stored = outputs as StoredOutputs | undefined;
  const derived: Record<string, string> = {};
  for (const [name, facts] of Object.entries(declaration.derivedOutputs)) {
    const value = facts.derive(stored);
    if (value !== undefined) derived[name] = value;
  }
  return Object.keys(derived).length === 0 ? outputs : ({ ...outputs, ...derived } as O);
}
