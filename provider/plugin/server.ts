// The ResourceProvider gRPC service of the native plugin, on the stubs @pulumi/pulumi ships. Why not
// @pulumi/pulumi/provider's own server: its Configure drops the request's variables and args (the
// provider's configuration would never reach the handlers), and it passes secret envelopes to the
// provider as they come and returns outputs unmarked. Every resource call goes through
// resources/call.ts with plain requests and answers, the entry the dynamic provider's host uses too.
import * as grpc from "@grpc/grpc-js";
import * as plugproto from "@pulumi/pulumi/proto/plugin_pb";
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import * as statusproto from "@pulumi/pulumi/proto/status_pb";
import * as anyproto from "google-protobuf/google/protobuf/any_pb";
import * as emptyproto from "google-protobuf/google/protobuf/empty_pb";
import { UnknownFunctionError } from "../functions/invoke-errors.js";
import { functionOf } from "../functions/registry.js";
import { handlerContext, rememberStackConfig } from "../kernel/context.js";
import type { CheckFailure, HandlerMethod } from "../kernel/handlers.js";
import { type CallRequests, type CallResponses, call } from "../resources/call.js";
import { declarationOf } from "../resources/registry.js";
import { withDerivedOutputs } from "../resources/shared/derived-outputs.js";
import { reportFailure, reportFailuresAsPlugin } from "../runtime/failure-report.js";
import { keepYoungGenerationSmall } from "../runtime/host-memory.js";
import { configFromRequest } from "./config.js";
import { previewOutputs } from "./preview.js";
import { type LoadedSchema, resourceTypeName } from "./schema-file.js";
import { fromStruct, type Props, toStruct } from "./wire.js";

type Unary<Req, Res> = grpc.handleUnaryCall<Req, Res>;

function secretsOf(type: string): readonly string[] {
  return declarationOf(type)?.secrets ?? [];
}

/** The outputs with what the resource derives instead of storing (a native SDK has no code of ours to). */
function withDerived(type: string, outputs: Props | undefined): Props | undefined {
  const declaration = declarationOf(type);
  return declaration ? withDerivedOutputs(declaration, outputs) : outputs;
}

/** Refused properties as the engine takes them, from check and from a function's arguments alike. */
function checkFailures(failures: readonly CheckFailure[]): provproto.CheckFailure[] {
  return failures.map((f) => new provproto.CheckFailure().setProperty(f.property).setReason(f.reason));
}

function union(a: Iterable<string>, b: Iterable<string>): Set<string> {
  return new Set([...a, ...b]);
}

/** An error for the engine; one that carries an id becomes ErrorResourceInitFailed (partial state). */
function toServiceError(error: unknown, type: string, secret: Iterable<string>): grpc.ServiceError {
  const message = error instanceof Error ? error.message : String(error);
  const metadata = new grpc.Metadata();
  const { id, properties, reasons } = (error ?? {}) as { id?: unknown; properties?: unknown; reasons?: unknown };
  if (typeof id === "string" && id !== "") {
    const detail = new provproto.ErrorResourceInitFailed();
    detail.setId(id);
    detail.setProperties(toStruct(properties as Props, union(secret, secretsOf(type))));
    detail.setReasonsList(Array.isArray(reasons) ? reasons.map(String) : [message]);
    const any = new anyproto.Any();
    any.pack(detail.serializeBinary(), "pulumirpc.ErrorResourceInitFailed");
    const status = new statusproto.Status();
    status.setCode(grpc.status.UNKNOWN);
    status.setMessage(message);
    status.addDetails(any);
    metadata.add("grpc-status-details-bin", Buffer.from(status.serializeBinary()));
  }
  return Object.assign(new Error(message), { code: grpc.status.UNKNOWN, details: message, metadata });
}

/** Runs one call; failures go back as gRPC errors, never as a crash of the plugin. */
function unary<Req, Res>(
  type: (req: Req) => string,
  body: (req: Req, type: string) => Promise<Res>,
  secretsGoingIn: (req: Req) => Iterable<string> = () => [],
): Unary<Req, Res> {
  return (call, callback) => {
    const t = type(call.request);
    body(call.request, t).then(
      (res) => callback(null, res),
      (error: unknown) => callback(toServiceError(error, t, secretsGoingIn(call.request))),
    );
  };
}

/** One resource call; a failure is reported as the dynamic host's are (failure-report.ts) and rethrown. */
async function run<M extends HandlerMethod>(
  type: string,
  method: M,
  request: CallRequests[M],
): Promise<CallResponses[M]> {
  keepYoungGenerationSmall();
  try {
    return await call(type, method, request);
  } catch (error) {
    reportFailure(method, error);
    throw error;
  }
}

/** The resource type a call is for, from its URN (…::huaweicloud-ccm:index:<Type>::name). */
const byUrn = (req: { getUrn(): string }) => resourceTypeName(req.getUrn().split("::")[2] ?? "");

const getPluginInfo =
  (schema: LoadedSchema): Unary<emptyproto.Empty, plugproto.PluginInfo> =>
  (_call, callback) =>
    callback(null, new plugproto.PluginInfo().setVersion(schema.version));

const getSchema =
  (schema: LoadedSchema): Unary<provproto.GetSchemaRequest, provproto.GetSchemaResponse> =>
  (_call, callback) =>
    callback(null, new provproto.GetSchemaResponse().setSchema(schema.text));

// The provider's own inputs are its config: accepted as given (secrets stay wrapped).
const checkConfig: Unary<provproto.CheckRequest, provproto.CheckResponse> = (call, callback) => {
  const response = new provproto.CheckResponse();
  const news = call.request.getNews();
  if (news) response.setInputs(news);
  callback(null, response);
};

const configure: Unary<provproto.ConfigureRequest, provproto.ConfigureResponse> = (call, callback) => {
  rememberStackConfig(configFromRequest(call.request));
  callback(
    null,
    // Previews of creates and updates are answered here, without an API call (preview.ts).
    new provproto.ConfigureResponse().setAcceptsecrets(true).setSupportspreview(true).setAcceptresources(false),
  );
};

const check = unary<provproto.CheckRequest, provproto.CheckResponse>(byUrn, async (req, type) => {
  const olds = fromStruct(req.getOlds());
  const news = fromStruct(req.getNews());
  const result = await run(type, "check", { olds: olds.props, news: news.props });
  const { __provider: _none, ...inputs } = result.inputs ?? news.props;
  const response = new provproto.CheckResponse().setInputs(toStruct(inputs, union(news.secret, secretsOf(type))));
  response.setFailuresList(checkFailures(result.failures ?? []));
  return response;
});

const diff = unary<provproto.DiffRequest, provproto.DiffResponse>(byUrn, async (req, type) => {
  const result = await run(type, "diff", {
    id: req.getId(),
    olds: fromStruct(req.getOlds()).props,
    news: fromStruct(req.getNews()).props,
  });
  const response = new provproto.DiffResponse();
  if (result.changes === true) response.setChanges(provproto.DiffResponse.DiffChanges.DIFF_SOME);
  else if (result.changes === false) response.setChanges(provproto.DiffResponse.DiffChanges.DIFF_NONE);
  else response.setChanges(provproto.DiffResponse.DiffChanges.DIFF_UNKNOWN);
  response.setReplacesList(result.replaces ?? []);
  response.setStablesList(result.stables ?? []);
  response.setDeletebeforereplace(result.deleteBeforeReplace ?? false);
  return response;
});

const create = unary<provproto.CreateRequest, provproto.CreateResponse>(
  byUrn,
  async (req, type) => {
    const inputs = fromStruct(req.getProperties());
    if (req.getPreview()) {
      const planned = previewOutputs(type, inputs.props);
      return new provproto.CreateResponse().setProperties(toStruct(planned, union(inputs.secret, secretsOf(type))));
    }
    const result = await run(type, "create", { inputs: inputs.props });
    return new provproto.CreateResponse()
      .setId(result.id)
      .setProperties(toStruct(withDerived(type, result.outs), union(inputs.secret, secretsOf(type))));
  },
  (req) => fromStruct(req.getProperties()).secret,
);

const read = unary<provproto.ReadRequest, provproto.ReadResponse>(byUrn, async (req, type) => {
  const stored = fromStruct(req.getProperties());
  const storedInputs = fromStruct(req.getInputs());
  const importing = Object.keys(stored.props).length === 0;
  const result = await run(type, "read", { id: req.getId(), ...(importing ? {} : { props: stored.props }) });
  const response = new provproto.ReadResponse().setId(result.id ?? "");
  if (!result.id) return response; // gone: the engine drops it from state
  const secret = union(union(stored.secret, storedInputs.secret), secretsOf(type));
  response.setProperties(toStruct(withDerived(type, result.props), secret));
  // `pulumi import` and a refresh of state without inputs need inputs: the handler's when it
  // gives them (for an object taken over by id, with the `validity` the API does not return),
  // else the input properties of what it read.
  const inputs =
    result.inputs ?? (Object.keys(storedInputs.props).length === 0 ? pickInputs(type, result.props) : undefined);
  if (inputs) response.setInputs(toStruct(inputs, secret));
  return response;
});

const update = unary<provproto.UpdateRequest, provproto.UpdateResponse>(
  byUrn,
  async (req, type) => {
    const olds = fromStruct(req.getOlds());
    const news = fromStruct(req.getNews());
    if (req.getPreview()) {
      const planned = previewOutputs(type, news.props, olds.props);
      return new provproto.UpdateResponse().setProperties(toStruct(planned, union(news.secret, secretsOf(type))));
    }
    const result = await run(type, "update", { id: req.getId(), olds: olds.props, news: news.props });
    return new provproto.UpdateResponse().setProperties(
      toStruct(withDerived(type, result.outs), union(news.secret, secretsOf(type))),
    );
  },
  (req) => fromStruct(req.getNews()).secret,
);

const deleteResource = unary<provproto.DeleteRequest, emptyproto.Empty>(byUrn, async (req, type) => {
  await run(type, "delete", { id: req.getId(), props: fromStruct(req.getProperties()).props });
  return new emptyproto.Empty();
});

// A function: its arguments refused come back as failures (the engine names each property), a
// lookup that fails as an error; the result is plain (a lookup returns no secret).
const invoke = unary<provproto.InvokeRequest, provproto.InvokeResponse>(
  (req) => req.getTok(),
  async (req, token) => {
    keepYoungGenerationSmall();
    const declaration = functionOf(token.slice(token.lastIndexOf(":") + 1));
    if (!declaration) throw new UnknownFunctionError(token);
    const outcome = await declaration.invoke(handlerContext(), fromStruct(req.getArgs()).props);
    const response = new provproto.InvokeResponse();
    if (outcome.failures) {
      return response.setFailuresList(checkFailures(outcome.failures));
    }
    return response.setReturn(toStruct(outcome.result as object, []));
  },
);

const empty: Unary<unknown, emptyproto.Empty> = (_call, callback) => callback(null, new emptyproto.Empty());

// Methods left out (Call, Construct, DiffConfig, Handshake, …) answer UNIMPLEMENTED,
// which the engine takes as "not supported".
export function providerService(schema: LoadedSchema): grpc.UntypedServiceImplementation {
  // Errors go back as gRPC errors (toServiceError) that nothing prints but the engine.
  reportFailuresAsPlugin();
  return {
    getPluginInfo: getPluginInfo(schema),
    getSchema: getSchema(schema),
    checkConfig,
    configure,
    check,
    diff,
    create,
    read,
    update,
    delete: deleteResource,
    invoke,
    // Cancel is answered by lifecycle.ts (main.ts wraps this service), which tracks calls in flight.
    attach: empty,
  };
}

/** The input properties of what read found, by the type's declaration. */
function pickInputs(type: string, props: Props | undefined): Props | undefined {
  if (!props) return undefined;
  const keys = Object.keys(declarationOf(type)?.inputs.shape ?? {});
  return Object.fromEntries(Object.entries(props).filter(([key]) => keys.includes(key)));
}

export function serviceDefinition(): grpc.ServiceDefinition {
  return provrpc.ResourceProviderService as unknown as grpc.ServiceDefinition;
}
