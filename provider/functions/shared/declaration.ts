// One declaration per function (a Pulumi invoke): its name, its arguments as zod (their
// descriptions are the TSDoc of the public `<Name>Args` interface beside it, as for resources),
// its result as zod with a description on every field, and how it runs. The registry
// (../registry.ts) lists them; the TypeScript forms (program.ts), the plugin's Invoke, schema.json
// `functions` and the reference pages are derived from them. A function reads, never writes.
import { z } from "zod";
import type { HandlerContext } from "../../kernel/context.js";
import type { CheckFailure } from "../../kernel/handlers.js";
import { checkInputs } from "../../resources/shared/check.js";

export interface FunctionSpec<S extends z.ZodObject, R extends z.ZodObject, Name extends string> {
  /** The function's name; its token is `huaweicloud-ccm:index:<name>`. Frozen once released. */
  readonly name: Name;
  /** What it looks up, in a sentence or two: the schema's, the SDKs' and the reference page's. */
  readonly description: string;
  readonly inputs: S;
  /** Every field carries `.meta({ description })`; an object in a list carries a `title` (its type name). */
  readonly result: R;
  /** Rules across arguments (e.g. an id or filters, not both), reported like the schema's. */
  readonly crossArgument?: (args: Record<string, unknown>) => CheckFailure[];
  run(context: HandlerContext, args: z.output<S>): Promise<z.input<R>>;
}

/** An invoke's answer: the result, or the arguments refused (nothing was sent). */
export type InvokeOutcome<Result> =
  | { readonly result: Result; readonly failures?: undefined }
  | { readonly failures: CheckFailure[] };

export interface FunctionDeclaration<Name extends string = string, Result = unknown> {
  readonly name: Name;
  readonly description: string;
  readonly inputs: z.ZodObject;
  readonly result: z.ZodObject;
  /** Validates the arguments (0 API calls when they are refused), runs, and checks the result's shape. */
  invoke(context: HandlerContext, args: Readonly<Record<string, unknown>>): Promise<InvokeOutcome<Result>>;
}

export function defineFunction<S extends z.ZodObject, R extends z.ZodObject, const Name extends string>(
  spec: FunctionSpec<S, R, Name>,
): FunctionDeclaration<Name, z.output<R>> {
  return {
    name: spec.name,
    description: spec.description,
    inputs: spec.inputs,
    result: spec.result,
    async invoke(context, args) {
      const checked = checkInputs(
        spec.inputs,
        { ...args },
        spec.crossArgument ? { crossProperty: spec.crossArgument } : {},
      );
      if (checked.failures?.length) return { failures: checked.failures };
      const { __provider: _none, ...parsed } = (checked.inputs ?? {}) as Record<string, unknown>;
      const raw = await spec.run(context, spec.inputs.parse(parsed));
      // A result that does not match its declaration is our bug: say so instead of returning it.
      const result = spec.result.safeParse(raw);
      if (!result.success) {
        throw new Error(`${spec.name}: the result does not match its declaration: ${z.prettifyError(result.error)}`);
      }
      return { result: result.data };
    },
  };
}

/** A declaration's result type (its `result` field is typed as any zod object). */
export type ResultOf<D> = D extends FunctionDeclaration<string, infer R> ? R : never;

/** The description of a result field. */
export const described = <T extends z.ZodType>(schema: T, description: string): T => schema.meta({ description });
