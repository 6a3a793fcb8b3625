// The one way into the resources for both hosts: call(type, method, request) finds the type's
// declaration in the registry, makes its handlers for this call and runs the method, with plain
// requests and answers (kernel/handlers.ts). The dynamic-provider host (runtime/dispatch.ts) maps
// its positional arguments onto a request; the plugin's gRPC server builds requests from protobuf.
import { handlerContext } from "../kernel/context.js";
import type {
  CheckResult,
  CreateResult,
  DiffResult,
  HandlerMethod,
  ReadResult,
  ResourceHandlers,
  UpdateResult,
} from "../kernel/handlers.js";
import { declarationOf } from "./registry.js";

/** Property bags as the engine passes them. */
export type Props = Record<string, unknown>;

export interface CallRequests {
  check: { olds: Props; news: Props };
  diff: { id: string; olds: Props; news: Props };
  create: { inputs: Props };
  read: { id: string; props?: Props };
  update: { id: string; olds: Props; news: Props };
  delete: { id: string; props: Props };
}

export interface CallResponses {
  check: CheckResult<Props>;
  diff: DiffResult;
  create: CreateResult<Props>;
  read: ReadResult<Props, Props>;
  update: UpdateResult<Props>;
  delete: undefined;
}

type Handlers = ResourceHandlers<Props, Props>;

const METHODS: { [M in HandlerMethod]: (h: Handlers, r: CallRequests[M]) => Promise<CallResponses[M]> } = {
  check: (h, r) => h.check(r.olds, r.news),
  diff: (h, r) => h.diff(r.id, r.olds, r.news),
  create: (h, r) => h.create(r.inputs),
  read: (h, r) => h.read(r.id, r.props),
  update: (h, r) => h.update(r.id, r.olds, r.news),
  delete: async (h, r) => {
    await h.delete(r.id, r.props);
    return undefined;
  },
};

/** A type name this version does not know: state written by a later version of the package. */
export class UnknownResourceTypeError extends Error {
  constructor(readonly type: string) {
    super(
      `pulumi-huaweicloud-ccm: no resource type "${type}" in the installed package; the state was written by a newer version — upgrade pulumi-huaweicloud-ccm (TypeScript classes: in the program's node_modules; other languages: the plugin)`,
    );
    this.name = "UnknownResourceTypeError";
  }
}

export function isHandlerMethod(method: string): method is HandlerMethod {
  return Object.hasOwn(METHODS, method);
}

export async function call<M extends HandlerMethod>(
  type: string,
  method: M,
  request: CallRequests[M],
): Promise<CallResponses[M]> {
  const declaration = declarationOf(type);
  if (!declaration) throw new UnknownResourceTypeError(type);
  const handlers = declaration.handlers(handlerContext()) as Handlers;
  const run = METHODS[method] as (h: Handlers, r: CallRequests[M]) => Promise<CallResponses[M]>;
  return run(handlers, request);
}
