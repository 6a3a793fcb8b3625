// The contract every resource's handlers fulfil: the dynamic-provider methods, minus `configure`
// (the runtime owns configuration). Handlers run in the engine's dynamic-provider host process,
// made per call from a HandlerContext (client, clock, log) by the runtime's dispatch.
import type * as pulumi from "@pulumi/pulumi";

export interface ResourceHandlers<Inputs extends object = object, Outputs extends object = object> {
  check(olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult<Inputs>>;
  diff(id: string, olds: Outputs, news: Inputs): Promise<pulumi.dynamic.DiffResult>;
  create(inputs: Inputs): Promise<pulumi.dynamic.CreateResult<Outputs>>;
  read(id: string, props?: Outputs): Promise<ReadResult<Inputs, Outputs>>;
  update(id: string, olds: Outputs, news: Inputs): Promise<pulumi.dynamic.UpdateResult<Outputs>>;
  delete(id: string, props: Outputs): Promise<void>;
}

/**
 * read's answer: pulumi.dynamic.ReadResult, with `inputs` typed as inputs. Handlers give `inputs`
 * only when they had none to keep (`pulumi import`, `get`); a refresh keeps the user's.
 */
export interface ReadResult<Inputs extends object, Outputs extends object> {
  readonly id?: string;
  readonly props?: Outputs;
  readonly inputs?: Inputs;
}

export type HandlerMethod = keyof ResourceHandlers;
export const HANDLER_METHODS: readonly HandlerMethod[] = ["check", "diff", "create", "read", "update", "delete"];
