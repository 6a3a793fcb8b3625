#!/usr/bin/env node
// Drives a Pulumi program in a directory through the real Pulumi CLI (Automation API, inline mode),
// against a file:// backend with the passphrase secrets provider. The demo, the examples, the e2e
// tests and the bench all go through here, so they exercise what a user's `pulumi up` exercises:
// closure serialization of the dynamic providers, secrets in state, unknowns at preview.
//
//   node scripts/pulumi-stack.mjs <op...> --program <dir> [--stack <name>] [--state <dir>]
//        [--config key=value]... [--secret key=value]... [--parallel n] [--json]
//        [--backend url] [--entry file] [--in-directory]
//   ops: up, preview, preview-no-changes, refresh, destroy, outputs, rm,
//        cancel, refresh-clear-pending-creates  (`pulumi cancel`, `pulumi refresh
//                 --clear-pending-creates`: the recovery after an interrupted `up`, which leaves the
//                 stack locked and its creates in flight pending in state)
//        export  (`pulumi stack export`: secrets stay ciphertext, as a user would see the state),
//        output  (`pulumi stack output`: the CLI's own text, where secrets print as [secret])
//   --serve (with --json, no ops): one process for the stack's whole life, operations on stdin
//   (scripts/pulumi-stack/serve.mjs).
//   --json also reports `timings` (ms per operation, the Automation API call around the CLI) and,
//   after export, `exportBytes` (the size of the CLI's own export text), for bench/provider.mjs.
//   --backend: a backend URL instead of the file:// one under --state (e.g. postgres://…, the same
//   URL `pulumi login` takes). --entry: the program file in --program, default index.ts; a compiled
//   CommonJS entry (.js) is loaded with require, as the language host loads a compiled program.
//
//   --in-directory: instead of inline, the user's path — the CLI in the program's directory, which
//   runs the program through the Node language host (`pulumi-language-nodejs`, which must be on
//   PATH). The directory is a copy of the program's (programCopy) so that `pulumi stack init`
//   and `config set` never write into the repository.
//
// Why inline mode by default: no registry reachable from our machines carries the Node language
// host, and inline programs do not need it — the CLI talks to a language server inside this
// process (`--client`). With a regular Pulumi install, `pulumi up` in the program's directory
// works as well.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs, promisify } from "node:util";
import { LocalWorkspace, PulumiCommand, Stack, StackAlreadyExistsError } from "@pulumi/pulumi/automation/index.js";
import { inlineProgram, languageHostFound, programCopy } from "./pulumi-stack/program.mjs";
import { serve } from "./pulumi-stack/serve.mjs";

const execFileAsync = promisify(execFile);
const OPS = new Set([
  "up",
  "preview",
  "preview-no-changes",
  "refresh",
  "refresh-clear-pending-creates",
  "cancel",
  "destroy",
  "export",
  "output",
  "outputs",
  "rm",
]);
const repoRoot = path.resolve(import.meta.dirname, "..");

function usage(message) {
  process.stderr.write(
    `${message}\nusage: pulumi-stack.mjs <op...> --program <dir> [--stack name] [--state dir] [--config k=v] [--secret k=v] [--parallel n] [--json]\n`,
  );
  process.exit(2);
}

function parseKeyValues(list, secret) {
  const config = {};
  for (const item of list ?? []) {
    const eq = item.indexOf("=");
    if (eq <= 0) usage(`bad config ${JSON.stringify(item)}: expected key=value`);
    config[item.slice(0, eq)] = { value: item.slice(eq + 1), secret };
  }
  return config;
}

const { values: args, positionals: ops } = parseArgs({
  allowPositionals: true,
  options: {
    program: { type: "string" },
    stack: { type: "string", default: "dev" },
    state: { type: "string" },
    config: { type: "string", multiple: true },
    secret: { type: "string", multiple: true },
    json: { type: "boolean", default: false },
    parallel: { type: "string" },
    backend: { type: "string" },
    entry: { type: "string" },
    "in-directory": { type: "boolean", default: false },
    serve: { type: "boolean", default: false },
  },
});
if (!args.program) usage("--program is required");
// The language host finds the program through its Pulumi.yaml, as for a user; --entry is inline's.
if (args["in-directory"] && args.entry !== undefined) usage("--entry applies to the inline path only");
if (args.serve && (ops.length > 0 || !args.json)) usage("--serve takes its operations on stdin, and --json");
if (ops.length === 0 && !args.serve) usage("no operation given");
for (const op of ops) if (!OPS.has(op)) usage(`unknown operation ${op}`);

const programDir = path.resolve(args.program);
const projectName = path.basename(programDir).replace(/[^A-Za-z0-9_.-]/g, "-");
const stateDir = path.resolve(args.state ?? path.join(repoRoot, ".pulumi-local", projectName));
const backendDir = path.join(stateDir, "backend");
const homeDir = path.join(stateDir, "home");
// The workspace (Pulumi.yaml + Pulumi.<stack>.yaml) lives beside the state, so running a program
// never writes into its directory; `main` points the engine (and the dynamic-provider host, whose
// working directory it sets) back at the program, where node_modules resolve.
const workDir = path.join(stateDir, "workspace");
for (const dir of [args.backend ? undefined : backendDir, homeDir, args["in-directory"] ? undefined : workDir])
  if (dir) mkdirSync(dir, { recursive: true });
const backendUrl = args.backend ?? pathToFileURL(backendDir).href;

const pulumiRoot = process.env.CCM_PULUMI_ROOT;
if (!pulumiRoot) usage("CCM_PULUMI_ROOT is not set: run through `bash scripts/with-toolchain.sh pulumi -- ...`");
const pulumiCommand = await installedPulumi(pulumiRoot, process.env.CCM_PULUMI_VERSION);

/**
 * The CLI in `root`. PulumiCommand.get starts it once more only to ask its version — a fifth of a
 * second of CPU per run, the cost of an operation's worth of engine start-up on these machines —
 * which the toolchain already knows: it built that version into that root and says so.
 */
async function installedPulumi(root, knownVersion) {
  if (!knownVersion) return PulumiCommand.get({ root });
  const semver = createRequire(import.meta.resolve("@pulumi/pulumi/automation/index.js"))("semver");
  return new PulumiCommand(path.resolve(root, "bin/pulumi"), semver.parse(knownVersion));
}
// The CLI looks for language hosts on PATH and beside itself; say so before it fails mid-run.
if (args["in-directory"] && !languageHostFound(pulumiCommand.command)) {
  usage("--in-directory needs the Node language host: pulumi-language-nodejs is not on PATH nor beside pulumi");
}

const env = {
  PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "ccm-local-passphrase",
  PULUMI_SKIP_UPDATE_CHECK: "true",
  // The program's own Pulumi.yaml names no backend; the CLI takes it from here, as from `pulumi login`.
  ...(args["in-directory"] ? { PULUMI_BACKEND_URL: backendUrl } : {}),
};
const workspace = args["in-directory"]
  ? await LocalWorkspace.create({
      workDir: programCopy(programDir, path.join(stateDir, "program")),
      pulumiCommand,
      pulumiHome: homeDir,
      envVars: env,
    })
  : await LocalWorkspace.create({
      program: inlineProgram(programDir, args.entry),
      pulumiCommand,
      workDir,
      pulumiHome: homeDir,
      envVars: env,
      projectSettings: {
        name: projectName,
        runtime: "nodejs",
        main: programDir,
        backend: { url: backendUrl },
      },
    });
const stack = await selectOrCreate(args.stack, workspace);

/**
 * The stack, made on the first run. `pulumi stack select` only checks that the stack exists (every
 * command the Automation API runs names its stack with --stack), so in a file backend, where the
 * runner sees the stack's file itself, it saves that CLI start: selecting a stack whose file is
 * there, creating one whose file is not (and selecting it after all should the CLI say it exists).
 * Any other backend asks the CLI, as Stack.createOrSelect does.
 */
async function selectOrCreate(name, ws) {
  if (args.backend) return Stack.createOrSelect(name, ws);
  const stacks = path.join(backendDir, ".pulumi", "stacks", (await ws.projectSettings()).name);
  if ([".json", ".json.gz"].some((suffix) => existsSync(path.join(stacks, `${name}${suffix}`)))) {
    ws.selectStack = async () => {};
    return Stack.select(name, ws);
  }
  return Stack.create(name, ws).catch((error) => {
    if (error instanceof StackAlreadyExistsError) return Stack.select(name, ws);
    throw error;
  });
}
// The plain CLI in the stack's workspace, with the same home, backend and passphrase.
async function pulumiCli(cliArgs) {
  const { stdout } = await execFileAsync(pulumiCommand.command, cliArgs, {
    cwd: stack.workspace.workDir,
    env: { ...process.env, ...env, PULUMI_HOME: homeDir },
    maxBuffer: 256 * 1024 * 1024,
  });
  return stdout;
}

const config = { ...parseKeyValues(args.config, false), ...parseKeyValues(args.secret, true) };
if (Object.keys(config).length > 0) await stack.setAllConfig(config);

let log = args.json ? (text) => process.stderr.write(text) : (text) => process.stdout.write(text);
const parallel = args.parallel ? Number(args.parallel) : undefined;

// The counts of what an up, refresh or destroy changed, from the engine's own summary event rather
// than the `pulumi stack history` the Automation API runs after each of them for the same counts:
// one CLI start less per operation. Should no summary event arrive, the history is asked as before.
let summary;
const keepSummary = (event) => {
  if (event.summaryEvent) summary = event.summaryEvent;
};
const historyInfo = stack.info.bind(stack);
stack.info = async (showSecrets) => (summary ? { resourceChanges: summary.resourceChanges } : historyInfo(showSecrets));

async function runOperations(operations) {
  const results = { timings: {} };
  for (const op of operations) {
    summary = undefined;
    const started = performance.now();
    switch (op) {
      case "up": {
        const r = await stack.up({ onOutput: log, onEvent: keepSummary, parallel });
        results.up = { outputs: r.outputs, changes: r.summary.resourceChanges ?? {} };
        break;
      }
      case "preview":
      case "preview-no-changes": {
        const r = await stack.preview({ onOutput: log, expectNoChanges: op === "preview-no-changes", parallel });
        results[op] = { changes: r.changeSummary };
        break;
      }
      case "refresh":
      case "refresh-clear-pending-creates": {
        const clearPendingCreates = op === "refresh-clear-pending-creates";
        const r = await stack.refresh({ onOutput: log, onEvent: keepSummary, parallel, clearPendingCreates });
        results[op] = { changes: r.summary.resourceChanges ?? {} };
        break;
      }
      case "cancel":
        await stack.cancel();
        results.cancel = true;
        break;
      case "destroy": {
        const r = await stack.destroy({ onOutput: log, onEvent: keepSummary, parallel });
        results.destroy = { changes: r.summary.resourceChanges ?? {} };
        break;
      }
      case "export": {
        // Not stack.exportStack(): the Automation API adds --show-secrets, and what must be proven is
        // what the plain CLI (and anyone with the state file) sees.
        const text = await pulumiCli(["stack", "export", "--stack", args.stack]);
        results.export = JSON.parse(text);
        results.exportBytes = Buffer.byteLength(text);
        break;
      }
      case "output": {
        results.output = await pulumiCli(["stack", "output", "--stack", args.stack]);
        break;
      }
      case "outputs":
        results.outputs = await stack.outputs();
        break;
      case "rm":
        await stack.workspace.removeStack(args.stack);
        results.rm = true;
        break;
    }
    results.timings[op] = Math.round(performance.now() - started);
  }
  return results;
}

const describeError = (error) => `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`;

if (args.serve) {
  await serve(async (operations, config, print) => {
    if (Object.keys(config).length > 0) await stack.setAllConfig(config);
    log = print;
    return runOperations(operations);
  }, describeError);
  process.exit();
} else {
  // A failed operation must fail the process: the Automation API's language server keeps handles
  // that would otherwise let Node exit 0 after an unhandled rejection.
  try {
    const results = await runOperations(ops);
    if (args.json) process.stdout.write(`${JSON.stringify(results)}\n`);
  } catch (error) {
    process.stderr.write(describeError(error));
    process.exitCode = 1;
  }
}
