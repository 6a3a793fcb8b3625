// What every resource class shares: the serialized shim for its type name, the secret wrapping
// (SECRET_PROPERTIES, the list check reads too), the package name, the props built from one list
// checked against the handler's types, and the static `get` lookup.
import * as pulumi from "@pulumi/pulumi";
import { PACKAGE_NAME, type ResourceTypeName } from "../../runtime/resource-types.js";
import { withSecretInputs, withSecretOutputs } from "./secret-props.js";
import { shimProvider } from "./shim.js";
import { quietStacksWhileRegistering } from "./source-position.js";

/**
 * Every property of a resource, by name, and what it is: "input" (a public arg, passed on) or
 * "output" (named as undefined until the engine fills it: Pulumi only exposes outputs whose keys
 * are in props — also for `get`, where args are empty); "resource id" for an output the class
 * takes from the resource's id instead. A mapped type over the public args and the handler's
 * Inputs and Outputs: a property missing here, or a public arg check does not know (or the
 * reverse), does not compile.
 */
export type PropertyKinds<Args, Inputs, Outputs> = {
  readonly [K in keyof Args | keyof Inputs | keyof Outputs]-?: K extends keyof Args
    ? K extends keyof Inputs
      ? "input"
      : never
    : K extends keyof Inputs
      ? never
      : "output" | "resource id";
};

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
    type: ResourceTypeName,
    name: string,
    args: object | undefined,
    properties: Readonly<Record<string, "input" | "output" | "resource id">>,
    opts: pulumi.CustomResourceOptions | undefined,
  ) {
    const given = (args ?? {}) as Record<string, unknown>;
    // Unknown properties too (JavaScript callers, typos): check refuses them by name rather than
    // an object being made without them.
    const props: Record<string, unknown> = { ...given };
    for (const [key, kind] of Object.entries(properties)) {
      if (kind === "input") props[key] = given[key];
      else if (kind === "output") props[key] = undefined;
    }
    // Pulumi takes the resource's source position from the stack while it registers: the user's
    // line, not one of ours; and the stacks it captures for nothing else are not captured at all
    // (source-position.ts).
    const restoreStacks = quietStacksWhileRegistering();
    try {
      super(
        shimProvider(type),
        name,
        withSecretInputs(type, props),
        withSecretOutputs(type, opts),
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
