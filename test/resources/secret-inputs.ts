// Which inputs of each resource are secrets, as its declaration says: read from the registry, so
// a secret input added to any resource is tested at once by the secret-input tests.
import { declarationOf, RESOURCE_TYPE_NAMES, type ResourceTypeName } from "../../provider/resources/registry.js";

export const RESOURCE_TYPES = RESOURCE_TYPE_NAMES;

export function secretInputs(type: ResourceTypeName): string[] {
  const declaration = declarationOf(type);
  if (!declaration) throw new Error(`no declaration for ${type}`);
  const inputs = Object.keys(declaration.inputs.shape);
  return declaration.secrets.filter((name) => inputs.includes(name)).sort();
}
