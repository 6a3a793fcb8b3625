#!/usr/bin/env node
// The `ccm-emulator` command: parse flags, start the server, print where it is and how to sign in.

import { readFileSync } from "node:fs";
import { DEMO_CREDENTIALS } from "./auth.js";
import { CliError, parseCliArgs, USAGE } from "./cli-args.js";
import { ExposureError, exposureWarnings } from "./exposure.js";
import { FaultRuleError, parseFaultFlag } from "./faults.js";
import { startEmulator } from "./index.js";
import { SeedInputError } from "./model/seed.js";

function readSeed(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new CliError(`cannot read the seed file ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function version(): string {
  try {
    const text = readFileSync(new URL("../../package.json", `file://${__filename}`), "utf8");
    return String(JSON.parse(text).version);
  } catch {
    return "unknown";
  }
}

/** The demo secrets are public (README); any other secret is the user's and never printed. */
function secret(value: string, demo: string): string {
  return value === demo ? value : "(custom, not shown)";
}

async function main(): Promise<void> {
  const settings = parseCliArgs(process.argv.slice(2), process.env);
  if (settings.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (settings.version) {
    process.stdout.write(`${version()}\n`);
    return;
  }
  const faults = settings.faultFlags.map(parseFaultFlag);
  const seed = settings.seedFile === undefined ? undefined : readSeed(settings.seedFile);
  const emulator = await startEmulator({ ...settings.options, faults, seed });
  const lines = [
    `ccm-emulator listening on ${emulator.url}`,
    `  store:         ${emulator.storeKind === "files" ? `files in ${settings.options.dataDir}` : "memory (lost on exit)"}`,
  ];
  if (emulator.tls) lines.push(`  TLS CA bundle: ${emulator.tls.caFile}`);
  const c = emulator.credentials;
  if (c) {
    lines.push(
      "  auth:          SDK-HMAC-SHA256 (AK/SK) or X-Auth-Token",
      `    access key / secret key:            ${c.accessKey} / ${secret(c.secretKey, DEMO_CREDENTIALS.secretKey)}`,
      `    temporary AK / SK / security token: ${c.tempAccessKey} / ${secret(c.tempSecretKey, DEMO_CREDENTIALS.tempSecretKey)} / ${secret(c.securityToken, DEMO_CREDENTIALS.securityToken)}`,
      `    X-Auth-Token:                       ${secret(c.authToken, DEMO_CREDENTIALS.authToken)}`,
    );
  } else {
    lines.push("  auth:          disabled (--no-auth)");
  }
  const token = settings.options.controlToken;
  lines.push(
    `  control plane: ${emulator.url}/_emulator/ (health, reset, seed, inventory, faults, clock)` +
      (token === undefined ? "" : ", with Authorization: Bearer <control token>"),
  );
  process.stdout.write(`${lines.join("\n")}\n`);
  for (const warning of exposureWarnings(emulator.host, token)) process.stderr.write(`ccm-emulator: ${warning}\n`);
  const stop = () => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  const known =
    error instanceof CliError ||
    error instanceof FaultRuleError ||
    error instanceof SeedInputError ||
    error instanceof ExposureError;
  process.stderr.write(
    `ccm-emulator: ${known || !(error instanceof Error) ? String(error instanceof Error ? error.message : error) : error.stack}\n`,
  );
  process.exit(known ? 2 : 1);
});
