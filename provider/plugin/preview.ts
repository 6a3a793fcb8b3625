// What a preview of a create or an in-place update answers, with no API call. The plugin tells the
// engine it supports preview so that it answers these itself: left to the engine, the outputs of an
// update preview are the new inputs alone, so an id output (caId) went unknown and every
// certificate issued from a CA whose tags or switches change was planned as replaced.
import { declarationOf } from "../resources/registry.js";
import { UNKNOWN } from "../resources/shared/unknowns.js";
import type { Props } from "./wire.js";

/**
 * The inputs as given; every declared output that is not an input unknown, except the outputs that
 * are the resource's id, which an in-place update keeps (`olds`; none for a create).
 */
export function previewOutputs(type: string, inputs: Props, olds?: Props): Props {
  const declaration = declarationOf(type);
  const outputs = { ...declaration?.outputs, ...declaration?.derivedOutputs };
  const planned: Props = { ...inputs };
  for (const [key, facts] of Object.entries(outputs)) {
    if (key in inputs) continue;
    const kept = facts.isId ? olds?.[key] : undefined;
    planned[key] = kept ?? UNKNOWN;
  }
  return planned;
}
