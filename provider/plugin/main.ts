#!/usr/bin/env node
// pulumi-resource-huaweicloud-ccm: the package's resources as a native Pulumi provider plugin. The
// engine starts it (argv: flags, then the engine's address), reads the port it prints on stdout,
// and talks gRPC to it on loopback; `pulumi package get-schema <this file>` does the same to
// fetch the schema. lifecycle.ts decides when it stops: Cancel, SIGINT, or the engine gone.
import * as grpc from "@grpc/grpc-js";
import { engineAddress } from "../kernel/warn.js";
import { PluginLifecycle } from "./lifecycle.js";
import { loadSchema } from "./schema-file.js";
import { providerService, serviceDefinition } from "./server.js";

function main(): void {
  const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
  const lifecycle = new PluginLifecycle(server);
  server.addService(serviceDefinition(), lifecycle.wrap(providerService(loadSchema())));
  lifecycle.onSignals();
  server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, port) => {
    if (error) {
      console.error(`pulumi-resource-huaweicloud-ccm: cannot listen: ${error.message}`);
      process.exit(1);
    }
    // The engine reads this one line to find us.
    process.stdout.write(`${port}\n`);
    lifecycle.watchEngine(engineAddress());
  });
}

main();
