// Warnings reach the engine's Log call through @pulumi/pulumi's gRPC client (runtime/warn.ts),
// which warn.ts otherwise resolves from node_modules at run time; a single executable has none, so
// the copies bundled into it are handed over before the plugin starts (see standalone.ts).
import * as grpc from "@grpc/grpc-js";
import * as rpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as proto from "@pulumi/pulumi/proto/engine_pb";
import { useBundledEngineProtocol } from "../kernel/warn.js";

useBundledEngineProtocol({ grpc, rpc, proto });
