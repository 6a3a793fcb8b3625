// The contract every resource's handlers fulfil, in plain types of our own: check · diff · create ·
// read · update · delete, the engine's resource methods (configuration is the hosts' concern).
// Both hosts reach them through one `call` (resources/call.ts): the dynamic-provider host, whose
// protocol these types match member for member, and the native plugin's gRPC server. Handlers are
// made per call from a HandlerContext (client, clock, log).

/** A refusal of one property by check: the path ("validity.value"), or "" with the name in the reason. */
export interface CheckFailure {
  readonly property: string;
  readonly reason: string;
}

export interface CheckResult<Inputs> {
  /** The inputs to store: normalised and defaulted when everything is known. */
  readonly inputs?: Inputs;
  readonly failures?: CheckFailure[];
}

export interface DiffResult {
  readonly changes?: boolean;
  /** Properties whose change replaces the object. */
  readonly replaces?: string[];
  readonly stables?: string[];
  readonly deleteBeforeReplace?: boolean;
}

export interface CreateResult<Outputs> {
  readonly id: string;
  readonly outs?: Outputs;
}

export interface UpdateResult<Outputs> {
  readonly outs?: Outputs;
}

/**
 * read's answer. Handlers give `inputs` only when they had none to keep (`pulumi import`, `get`);
 * a refresh keeps the user's. No id: the object is gone.
 */
export interface ReadResult<Inputs extends object, Outputs extends object> {
  readonly id?: string;
  readonly props?: Outputs;
  readonly inputs?: Inputs;
}

export interface ResourceHandlers<Inputs extends object = object, Outputs extends object = object> {
  check(olds: Record<string, unknown>, news: Record<string, unknown>): Promise<CheckResult<Inputs>>;
  diff(id: string, olds: Outputs, news: Inputs): Promise<DiffResult>;
  create(inputs: Inputs): Promise<CreateResult<Outputs>>;
  read(id: string, props?: Outputs): Promise<ReadResult<Inputs, Outputs>>;
  update(id: string, olds: Outputs, news: Inputs): Promise<UpdateResult<Outputs>>;
  delete(id: string, props: Outputs): Promise<void>;
}

export type HandlerMethod = keyof ResourceHandlers;
export const HANDLER_METHODS: readonly HandlerMethod[] = ["check", "diff", "create", "read", "update", "delete"];
