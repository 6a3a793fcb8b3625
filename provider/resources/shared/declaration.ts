// One declaration per resource: everything the rest of the package knows about a resource is read
// from here — its type name, its inputs (the zod schema check enforces, and per input whether a
// change replaces or updates in place, whether it is secret, its default), its outputs (type,
// description, secret, and what a derived one is computed from) and its handlers. The registry
// (../registry.ts) lists the declarations; the classes, the handler table, the secret lists, the
// diff plans, schema.json, the plugin and the reference pages under docs/ are derived from them.
// Input descriptions are the TSDoc of the resource's public Args interface, which sits beside its
// declaration: TypeScript users read them there, and the schema and docs read them from there.
import type { z } from "zod";
import type { HandlerContext } from "../../kernel/context.js";
import type { ResourceHandlers } from "../../kernel/handlers.js";
import type { DiffPlan } from "./diff.js";

/**
 * What a change of an input does. "replace": a new object (created before the old one goes);
 * "update": applied in place; "custom": the handlers judge it (PrivateCa's import pair updates in
 * place while the CA is PENDING, and replaces nothing otherwise).
 */
export type ChangeKind = "replace" | "update" | "custom";

export interface InputFacts {
  readonly change: ChangeKind;
  /** Encrypted in state: the class wraps a given value in pulumi.secret; schema and plugin mark it. */
  readonly secret?: boolean;
  /** Compared as a set: the order means nothing to the API. */
  readonly unordered?: boolean;
  /** What applies when it is left out, in words, for the reference pages. */
  readonly default?: string;
}

/** Pulumi schema types of outputs. */
export type OutputType = "string" | "boolean" | "stringMap" | "stringArray";

export interface OutputFacts {
  readonly type: OutputType;
  /** The schema's, the reference page's and the class's (TSDoc) description. */
  readonly description: string;
  readonly secret?: boolean;
  /** Absent on some objects: the class's output type admits undefined. */
  readonly optional?: boolean;
  /** The resource's id under a name of its own (caId, certificateId): the class takes it from the id. */
  readonly isId?: boolean;
}

/** The stored outputs a derivation reads. */
export type StoredOutputs = Readonly<Record<string, unknown>>;

/**
 * An output computed from stored ones instead of being stored (see derived-outputs.ts for why):
 * each front end adds it back where the user reads it.
 */
export interface DerivedOutputFacts extends OutputFacts {
  /** The stored outputs it is computed from (for the reference pages). */
  readonly from: readonly string[];
  /** Undefined when there is nothing to derive from (a bundle whose export never happened). */
  readonly derive: (stored: StoredOutputs | undefined) => string | undefined;
}

/** What the handlers are given from their declaration, so they never restate it. */
export interface Declared {
  readonly secrets: readonly string[];
  readonly diffPlan: DiffPlan;
}

export type HandlersOf<Inputs extends object, Outputs extends object> = (
  context: HandlerContext,
  declared: Declared,
) => ResourceHandlers<Inputs, Outputs>;

/** The outputs to describe: every stored output that is not an input; inputs echoed may be described again. */
type OutputsFacts<Inputs, Outputs> = {
  readonly [K in Exclude<keyof Outputs, keyof Inputs>]-?: OutputFacts;
} & { readonly [K in keyof Outputs & keyof Inputs]?: OutputFacts };

export interface ResourceSpec<S extends z.ZodObject, Outputs extends object, Name extends string> {
  /** The type name: frozen once released (state holds it in every shim and type token). */
  readonly name: Name;
  /** One sentence: what the resource is. */
  readonly description: string;
  readonly inputs: S;
  readonly inputFacts: { readonly [K in keyof z.output<S>]-?: InputFacts };
  readonly outputs: OutputsFacts<z.output<S>, Outputs>;
  readonly derivedOutputs?: Readonly<Record<string, DerivedOutputFacts>>;
  readonly handlers: HandlersOf<z.output<S>, Outputs>;
}

/** A declaration, with what is derived from it once. */
export interface ResourceDeclaration<
  Name extends string = string,
  Inputs extends object = object,
  Outputs extends object = object,
> {
  readonly name: Name;
  readonly description: string;
  readonly inputs: z.ZodObject;
  readonly inputFacts: Readonly<Record<string, InputFacts>>;
  readonly outputs: Readonly<Record<string, OutputFacts>>;
  readonly derivedOutputs: Readonly<Record<string, DerivedOutputFacts>>;
  /** Every secret property: inputs, stored outputs and derived ones. */
  readonly secrets: readonly string[];
  readonly diffPlan: DiffPlan;
  /** The handlers for one call, given what they may use. */
  handlers(context: HandlerContext): ResourceHandlers<Inputs, Outputs>;
}

export function defineResource<S extends z.ZodObject, Outputs extends object, const Name extends string>(
  spec: ResourceSpec<S, Outputs, Name>,
): ResourceDeclaration<Name, z.output<S>, Outputs> {
  const inputFacts = spec.inputFacts as Readonly<Record<string, InputFacts>>;
  const outputs = spec.outputs as Readonly<Record<string, OutputFacts>>;
  const derivedOutputs = spec.derivedOutputs ?? {};
  const named = (facts: Readonly<Record<string, { secret?: boolean }>>) =>
    Object.entries(facts).flatMap(([key, f]) => (f.secret ? [key] : []));
  const keysWhere = (test: (f: InputFacts) => boolean) =>
    Object.entries(inputFacts).flatMap(([key, f]) => (test(f) ? [key] : []));
  const secrets = [...new Set([...named(inputFacts), ...named(outputs), ...named(derivedOutputs)])];
  const diffPlan: DiffPlan = {
    replaceOn: keysWhere((f) => f.change === "replace"),
    updateOn: keysWhere((f) => f.change === "update"),
    unordered: keysWhere((f) => f.unordered === true),
  };
  const declared: Declared = { secrets, diffPlan };
  return {
    name: spec.name,
    description: spec.description,
    inputs: spec.inputs,
    inputFacts,
    outputs,
    derivedOutputs,
    secrets,
    diffPlan,
    handlers: (context) => spec.handlers(context, declared),
  };
}
