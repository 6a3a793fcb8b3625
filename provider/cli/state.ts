// What one or more `pulumi stack export` documents hold of this package: the CA and certificate
// ids in state (never to be touched), the CAs whose certificates are worth scanning, and the CAs
// the state describes (resources and pending creates), to find look-alikes an interrupted `up`
// made. Both front ends' resources count alike (the dynamic provider's and the native plugin's
// tokens, from runtime/resource-types.ts); a token of this package that this version does not know
// is reported, and its ids are held all the same. Pure: no API, no Pulumi; the input is the export
// JSON as the CLI prints it.
import { parseTypeToken, type ResourceTypeName, resourceTypeNameOf } from "../runtime/resource-types.js";

const CA_TYPES: ReadonlySet<ResourceTypeName> = new Set(["PrivateCa", "IntermediateCaCertificate"]);
const ISSUED_BY_CA_TYPES: ReadonlySet<ResourceTypeName> = new Set([
  "PrivateCa",
  "IntermediateCaCertificate",
  "PrivateCertificate",
]);

/** A CA the state describes by its inputs: a duplicate of it would carry the same subject. */
export interface DescribedCa {
  readonly urn: string;
  readonly type: string;
  readonly commonName: string;
  readonly distinguishedName: Readonly<Record<string, string>>;
  /** True when the description comes from a pending create (the engine lost track of it). */
  readonly pending: boolean;
}

export interface HeldState {
  /** Stack names (or file names) the documents came from, for messages. */
  readonly sources: string[];
  /** Ids any state holds as a resource id or an output/input naming one of our objects. */
  readonly heldIds: Set<string>;
  /** CA ids to scan for unheld certificates and subordinate CAs: ours, and the issuers we use. */
  readonly scanCaIds: Set<string>;
  /** The CAs among them that a state manages (the others are only issuers it uses). */
  readonly managedCaIds: Set<string>;
  readonly describedCas: DescribedCa[];
  /** URNs of our resources the engine recorded as "creating" when it was interrupted. */
  readonly pendingCreates: string[];
  /** Resources of this package whose type token this version does not know (a later version's). */
  readonly unknownTypes: UnknownTypeResource[];
}

export interface UnknownTypeResource {
  readonly source: string;
  readonly urn: string;
  readonly type: string;
}

interface ExportedResource {
  urn?: unknown;
  type?: unknown;
  id?: unknown;
  inputs?: unknown;
  outputs?: unknown;
}

export class StateFormatError extends Error {
  override readonly name = "StateFormatError";
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function str(value: unknown): string | undefined {
  // Secret values are ciphertext envelopes (objects): never an id we look for, so skipped.
  return typeof value === "string" && value !== "" ? value : undefined;
}

function describeCa(resource: ExportedResource, typeName: string, pending: boolean): DescribedCa | undefined {
  if (typeName !== "PrivateCa") return undefined;
  const inputs = record(resource.inputs);
  const dn = record(inputs.distinguishedName);
  const commonName = str(dn.commonName);
  const caType = str(inputs.type);
  if (!commonName || !caType) return undefined;
  const distinguishedName: Record<string, string> = {};
  for (const [k, v] of Object.entries(dn)) if (typeof v === "string") distinguishedName[k] = v;
  return { urn: String(resource.urn), type: caType, commonName, distinguishedName, pending };
}

/** Reads the export documents; `sources` names each one (stack name or file) for messages. */
export function collectHeldState(documents: readonly { source: string; exported: unknown }[]): HeldState {
  const state: HeldState = {
    sources: [],
    heldIds: new Set(),
    scanCaIds: new Set(),
    managedCaIds: new Set(),
    describedCas: [],
    pendingCreates: [],
    unknownTypes: [],
  };
  for (const { source, exported } of documents) {
    const deployment = record(record(exported).deployment);
    if (!("resources" in deployment) && !("manifest" in deployment)) {
      throw new StateFormatError(`${source}: not the output of \`pulumi stack export\` (no deployment)`);
    }
    state.sources.push(source);
    const resources = Array.isArray(deployment.resources) ? (deployment.resources as ExportedResource[]) : [];
    for (const resource of resources) addResource(state, resource, source);
    const pending = Array.isArray(deployment.pending_operations) ? deployment.pending_operations : [];
    for (const operation of pending) {
      const resource = record(record(operation).resource) as ExportedResource;
      const typeName = resourceTypeNameOf(resource.type);
      if (!typeName) {
        noteUnknownType(state, resource, source);
        continue;
      }
      // A pending create holds nothing (its id was never recorded) but tells what was asked for:
      // its issuer is worth scanning and a CA it describes has look-alikes worth reporting.
      if (record(operation).type === "creating") state.pendingCreates.push(String(resource.urn));
      const issuer = str(record(resource.inputs).issuerId);
      if (issuer && ISSUED_BY_CA_TYPES.has(typeName)) state.scanCaIds.add(issuer);
      const described = describeCa(resource, typeName, true);
      if (described) state.describedCas.push(described);
    }
  }
  return state;
}

function addResource(state: HeldState, resource: ExportedResource, source: string): void {
  const typeName = resourceTypeNameOf(resource.type);
  if (!typeName) {
    noteUnknownType(state, resource, source);
    return;
  }
  const inputs = record(resource.inputs);
  const outputs = record(resource.outputs);
  const id = str(resource.id);
  if (id) state.heldIds.add(id);
  // A bundle's input names a certificate it depends on, even one no resource here manages; a
  // Revocation's names its target. Held, never managed: a revoked CA is not scanned, since what it
  // issued belongs to whoever issued it.
  for (const held of [outputs.caId, outputs.certificateId, inputs.certificateId, inputs.caId].map(str)) {
    if (held) state.heldIds.add(held);
  }
  if (CA_TYPES.has(typeName) && id) {
    state.scanCaIds.add(id);
    state.managedCaIds.add(id);
  }
  const issuer = str(inputs.issuerId);
  if (issuer && ISSUED_BY_CA_TYPES.has(typeName)) state.scanCaIds.add(issuer);
  const described = describeCa(resource, typeName, false);
  if (described) state.describedCas.push(described);
}

/**
 * A resource of this package that this version cannot read: noted (acting is refused while any is
 * given), and every plain string it carries at the top level is held, in case it names one of ours.
 */
function noteUnknownType(state: HeldState, resource: ExportedResource, source: string): void {
  const parsed = parseTypeToken(resource.type);
  if (parsed?.kind !== "unknown") return;
  state.unknownTypes.push({ source, urn: String(resource.urn), type: parsed.token });
  const strings = [resource.id, ...Object.values(record(resource.inputs)), ...Object.values(record(resource.outputs))];
  for (const held of strings.map(str)) if (held) state.heldIds.add(held);
}
