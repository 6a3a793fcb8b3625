// Warnings the user sees in `pulumi up` output. In the dynamic-provider host `pulumi.log` has no
// engine: the SDK takes the engine address from PULUMI_NODEJS_ENGINE, which the language host sets
// for programs but nobody sets for provider plugins, so `pulumi.log.warn` falls back to stderr.
// The engine does start the host with its own address as an argument, and that address serves the
// Engine service's Log call, which the CLI lists under Diagnostics (checked through the real CLI:
// test/resources/certificate-adoption.e2e.test.ts). Without that address (a host started some
// other way) warnings fall back to stderr.
import { createRequire } from "node:module";

/** The slice of the generated gRPC client and messages used here. */
interface LogRequest {
  setSeverity(severity: number): void;
  setMessage(message: string): void;
  setUrn(urn: string): void;
}
interface EngineClient {
  log(request: LogRequest, callback: (error: Error | null) => void): unknown;
  close(): void;
}
interface EngineModules {
  client: EngineClient;
  newRequest: () => LogRequest;
  warning: number;
}

/**
 * gRPC and the engine's generated protocol: what connect() needs of @pulumi/pulumi. The credentials
 * go untouched from one to the other of the same copy, so their type stays opaque here.
 */
export interface EngineProtocol {
  grpc: { credentials: { createInsecure(): unknown } };
  rpc: { EngineClient: new (address: string, credentials: never) => EngineClient };
  proto: { LogRequest: new () => LogRequest; LogSeverity: { WARNING: number } };
}

const ADDRESS = /^(?:[\w.-]+|\[[0-9a-f:]+\]):\d+$/i;
let engine: EngineModules | null | undefined;
let bundledProtocol: EngineProtocol | undefined;

/**
 * The self-contained plugin executable (provider/plugin/standalone.ts) has no node_modules to
 * resolve @pulumi/pulumi in: it hands over the copies bundled into it.
 */
export function useBundledEngineProtocol(protocol: EngineProtocol): void {
  bundledProtocol = protocol;
}

/** The engine address the host was started with: its last argument that looks like host:port. */
export function engineAddress(argv: readonly string[] = process.argv): string | undefined {
  return argv
    .slice(2)
    .filter((arg) => ADDRESS.test(arg))
    .at(-1);
}

function connect(): EngineModules | null {
  const address = engineAddress();
  if (!address) return null;
  try {
    const { grpc, rpc, proto } = bundledProtocol ?? protocolOfPulumi();
    return {
      client: new rpc.EngineClient(address, grpc.credentials.createInsecure() as never),
      newRequest: () => new proto.LogRequest(),
      warning: proto.LogSeverity.WARNING,
    };
  } catch {
    return null;
  }
}

// GOTCHA: resolved through @pulumi/pulumi, whose own gRPC and generated protocol these are;
// the program's copy is the one the host runs.
function protocolOfPulumi(): EngineProtocol {
  const fromPulumi = createRequire(require.resolve("@pulumi/pulumi"));
  return {
    grpc: fromPulumi("@grpc/grpc-js") as EngineProtocol["grpc"],
    rpc: fromPulumi("./proto/engine_grpc_pb") as EngineProtocol["rpc"],
    proto: fromPulumi("./proto/engine_pb") as EngineProtocol["proto"],
  };
}

/** Shows `message` as a warning of the current deployment; resolves once the engine has it. */
export async function warn(message: string): Promise<void> {
  engine ??= connect();
  const target = engine;
  if (target) {
    const request = target.newRequest();
    request.setSeverity(target.warning);
    request.setMessage(message);
    request.setUrn("");
    const delivered = await new Promise<boolean>((resolve) => target.client.log(request, (error) => resolve(!error)));
    if (delivered) return;
  }
  console.warn(`pulumi-huaweicloud-ccm warning (no engine to tell): ${message}`);
}
