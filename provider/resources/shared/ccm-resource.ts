// What every resource class shares, all read from the resource's declaration: the serialized shim
// for its type name, the secret wrapping (the secrets check hides too), the props (its inputs, and
// its outputs named so that Pulumi exposes them), the id under its own name, and the static `get`.
import * as pulumi from "@pulumi/pulumi";
import { PACKAGE_NAME } from "../../type-tokens.js";
import type { DerivedOutputFacts, ResourceDeclaration } from "./declaration.js";
import { withSecretInputs, withSecretOutputs } from "./secret-props.js";
import { shimProvider } from "./shim.js";
import { quietStacksWhileRegistering } from "./source-position.js";

/**
 * The outputs a class declares, checked against its handler's Outputs (`implements` it): each is
 * one of them, of a type that holds every value the handler may store.
 */
export type DeclaredOutputs<Class, Outputs> = {
  readonly [K in Exclude<keyof Class, "id" | "urn"> as Class[K] extends pulumi.Output<unknown>
    ? K
    : never]: Class[K] extends pulumi.Output<infer T>
    ? K extends keyof Outputs
      ? NonNullable<Outputs[K]> extends T
        ? Class[K]
        : never
      : never
    : never;
};

export abstract class CcmResource extends pulumi.dynamic.Resource {
  protected constructor(
    declaration: ResourceDeclaration,
    name: string,
    args: object | undefined,
    opts: pulumi.CustomResourceOptions | undefined,
  ) {
    const given = (args ?? {}) as Record<string, unknown>;
    // Unknown properties too (JavaScript callers, typos): check refuses them by name rather than
    // an object being made without them.
    const props: Record<string, unknown> = { ...given };
    for (const key of Object.keys(declaration.inputs.shape)) props[key] = given[key];
    // Pulumi only exposes outputs whose keys are in props — also for `get`, where args are empty.
    for (const [key, facts] of Object.entries(declaration.outputs)) {
      if (!facts.isId && !(key in declaration.inputFacts)) props[key] = undefined;
    }
    const type = declaration.name;
    // Pulumi takes the resource's source position from the stack while it registers: the user's
    // line, not one of ours; and the stacks it captures for nothing else are not captured at all
    // (source-position.ts).
    const restoreStacks = quietStacksWhileRegistering();
    try {
      super(
        shimProvider(type),
        name,
        withSecretInputs(declaration.secrets, props),
        withSecretOutputs(declaration.secrets, opts),
        // The module and type make the token `pulumi-nodejs:dynamic/huaweicloud-ccm:<Type>`
        // (TYPE_TOKEN_PREFIXES.dynamic): frozen, since state holds it.
        PACKAGE_NAME,
        type,
      );
    } catch (error) {
      restoreStacks();
      // Thrown while no frames were captured: it gets the stack of the user's `new` instead.
      if (error instanceof Error) Error.captureStackTrace(error, new.target);
      throw error;
    }
    restoreStacks();
    // An id under a name of its own (caId, certificateId): known while a preview plans an update.
    for (const [key, facts] of Object.entries(declaration.outputs)) {
      if (facts.isId) Object.defineProperty(this, key, { value: this.id, enumerable: true });
    }
    for (const [key, facts] of Object.entries(declaration.derivedOutputs)) {
      Object.defineProperty(this, key, { value: this.derived(facts), enumerable: true });
    }
  }

  /** A derived output: computed from the outputs it reads, secret and unknown at preview like them. */
  private derived(facts: DerivedOutputFacts): pulumi.Output<string | undefined> {
    const outputs = this as unknown as Readonly<Record<string, pulumi.Output<unknown>>>;
    const value = pulumi
      .all(facts.from.map((key) => outputs[key]))
      .apply((values) => facts.derive(Object.fromEntries(facts.from.map((key, i) => [key, values[i]]))));
    return facts.secret ? pulumi.secret(value) : value;
  }

  /**
   * Looks up an existing object by id (read-only: Pulumi does not create, update or delete it).
   * The empty args never reach check: a lookup only reads. `pulumi import` does not work for
   * dynamic providers (pulumi/pulumi#16175); this does.
   */
  protected static lookup<R>(
    this: new (
      name: string,
      args: never,
      opts?: pulumi.CustomResourceOptions,
    ) => R,
    name: string,
    id: pulumi.Input<string>,
    opts?: pulumi.CustomResourceOptions,
  ): R {
    return new this(name, {} as never, { ...opts, id });
  }
}
