// The provider bench: what this package's dynamic provider costs over the Pulumi engine's own
// per-resource cost, measured side by side in one run through the real CLI:
//
//   - `pulumi up` / no-change `preview` / `destroy` of N PrivateCertificate + CertificateBundle
//     (NGINX) pairs against an in-process ccm-emulator (bench/programs/certificates), next to N
//     pairs of a trivial inline dynamic resource (bench/programs/noop);
//   - `__provider` bytes per resource and state bytes per pair, from `pulumi stack export`;
//   - API calls of the no-change preview (goal 0), from the emulator's request counts;
//   - TCP connections per `up` (goal 1 per host), parallel and sequential, and what smaller pools
//     (HW_CCM_MAX_CONNECTIONS, --pool-sizes) cost in time — on loopback, and with the emulator's
//     latency fault adding --latency-ms to every API request (0 skips that part).
//
//   bash scripts/with-toolchain.sh pulumi -- node bench/provider.mjs [--pairs 100] [--repeats 2]
//        [--parallel n] [--latency-ms 100] [--pool-sizes 1,4] [--warmup-pairs 5]
//
// Run after `npm run build` (bench/run.mjs builds first). Printed, never asserted (CONTRIBUTING:
// performance goes in bench/). Each operation runs in a fresh runner process, as the e2e tests
// run them; the time measured is the Automation API call around the CLI command.
import { execFile } from "node:child_process";
import { availableParallelism, cpus, loadavg, release } from "node:os";
import path from "node:path";
import { parseArgs, promisify } from "node:util";
import emulatorModule from "ccm-emulator";
import providerConfig from "../dist/provider/config.js";
import { BENCH_ROOT_CA, BenchStack, countedByEmulator, emulatorCall, median } from "./lib/runner.mjs";

const { startEmulator } = emulatorModule;
const DEFAULT_POOL = providerConfig.DEFAULT_MAX_CONNECTIONS;
const execFileAsync = promisify(execFile);

const { values } = parseArgs({
  options: {
    pairs: { type: "string", default: "100" },
    repeats: { type: "string", default: "2" },
    parallel: { type: "string" },
    "warmup-pairs": { type: "string", default: "5" },
    "latency-ms": { type: "string", default: "100" },
    "pool-sizes": { type: "string", default: "1,4" },
  },
});
const pairs = Number(values.pairs);
const repeats = Number(values.repeats);
const warmupPairs = Math.min(Number(values["warmup-pairs"]), pairs);
const latencyMs = Number(values["latency-ms"]);
const poolSizes = values["pool-sizes"].split(",").map(Number);
const explicitParallel = values.parallel === undefined ? undefined : Number(values.parallel);
for (const [name, n, min] of [
  ["--pairs", pairs, 1],
  ["--repeats", repeats, 1],
  ["--warmup-pairs", warmupPairs, 1],
  ["--latency-ms", latencyMs, 0],
  ["--parallel", explicitParallel ?? 1, 1],
  ...poolSizes.map((size) => ["--pool-sizes", size, 1]),
]) {
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}`);
}

const pulumiRoot = process.env.CCM_PULUMI_ROOT;
if (!pulumiRoot)
  throw new Error("CCM_PULUMI_ROOT is not set: run through `bash scripts/with-toolchain.sh pulumi -- …`");
const pulumiBin = path.join(pulumiRoot, "bin/pulumi");

/** The CLI's own default for --parallel, as `pulumi up --help` states it (4 × GOMAXPROCS). */
async function defaultParallel() {
  const { stdout } = await execFileAsync(pulumiBin, ["up", "--help"], { env: { ...process.env, PULUMI_PARALLEL: "" } });
  const match = /--parallel\b.*\(default (\d+)\)/.exec(stdout);
  return match ? Number(match[1]) : undefined;
}

const TOKEN = { "X-Auth-Token": "emulator-auth-token" };
const DEMO_AK = "EMULATORACCESSKEY000";
const DEMO_SK = "emulatorSecretKey0000000000000000000000";

const started = performance.now();
// Other work on the machine lengthens wall times; the load average says how busy it was.
const loadAtStart = loadavg()[0];
const log = (line) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0)}s] ${line}\n`);
const pulumiVersion = (await execFileAsync(pulumiBin, ["version"])).stdout.trim();
const engineDefault = await defaultParallel();
const parallel = explicitParallel ?? engineDefault;

const emulator = await startEmulator({ port: 0, log: () => {} });
const stacks = [];
try {
  const { ca_id: caId } = await emulatorCall(
    emulator.url,
    "POST",
    "/v1/private-certificate-authorities",
    BENCH_ROOT_CA,
    TOKEN,
  );
  const endpoints = JSON.stringify({ ccm: emulator.url, scm: emulator.url, sms: emulator.url });
  const certConfig = (n) => ({
    pairs: String(n),
    caId,
    "huaweicloud-ccm:region": "cn-north-4",
    "huaweicloud-ccm:endpoints": endpoints,
  });
  const secrets = { "huaweicloud-ccm:accessKey": DEMO_AK, "huaweicloud-ccm:secretKey": DEMO_SK };
  const ccm = new BenchStack("bench/programs/certificates", certConfig(pairs), secrets);
  const noop = new BenchStack("bench/programs/noop", { pairs: String(pairs) });
  stacks.push(ccm, noop);
  const runParallel = explicitParallel === undefined ? {} : { parallel: explicitParallel };

  // Warm-up: the first CLI run pays for loading the binaries, the plugin and dynamic-provider
  // host start-up, Node's compile cache and the emulator's JIT; small stacks, not measured.
  for (const stack of stacks) {
    log(`warm-up ${path.basename(stack.program)}: up + destroy of ${warmupPairs} pairs`);
    await stack.run(["up", "destroy"], { ...runParallel, config: { pairs: String(warmupPairs) } });
  }

  const expectCreated = (result, what) => {
    const created = result.up.changes.create ?? 0;
    if (created !== 2 * pairs + 1) throw new Error(`${what}: created ${created}, expected ${2 * pairs + 1}`);
  };

  /** up, no-change preview, destroy; export after the first up. Counted by the emulator. */
  const samples = { ccm: { up: [], preview: [], destroy: [] }, noop: { up: [], preview: [], destroy: [] } };
  const counts = { up: [], preview: [], destroy: [] };
  const exports = {};
  for (let round = 1; round <= repeats; round++) {
    for (const [key, stack] of [
      ["ccm", ccm],
      ["noop", noop],
    ]) {
      log(`round ${round}/${repeats} ${key}: up, preview (no changes), destroy`);
      const up = await countedByEmulator(emulator.url, () => stack.run(["up"], runParallel));
      expectCreated(up.result, key);
      samples[key].up.push(up.result.timings.up);
      if (round === 1) {
        const { export: state, exportBytes } = await stack.run(["export"]);
        exports[key] = state;
        exports[`${key}Bytes`] = exportBytes;
      }
      const preview = await countedByEmulator(emulator.url, () => stack.run(["preview-no-changes"], runParallel));
      samples[key].preview.push(preview.result.timings["preview-no-changes"]);
      const destroy = await countedByEmulator(emulator.url, () => stack.run(["destroy"], runParallel));
      samples[key].destroy.push(destroy.result.timings.destroy);
      if (key === "ccm") {
        counts.up.push(up);
        counts.preview.push(preview);
        counts.destroy.push(destroy);
      }
    }
  }

  // The pool: the same `up`, each on a fresh sibling stack (an up from empty, as above, without a
  // destroy to pay for), with a pool of one connection and with the engine made sequential; then
  // with a latency fault on every API request, a stand-in for a service that is not on loopback.
  const poolRuns = [];
  const upFresh = async ({ label, options, latency = 0, times = repeats }) => {
    const runs = [];
    for (let round = 1; round <= times; round++) {
      log(`ccm ${label}${latency ? `, +${latency} ms per request` : ""}: up (${round}/${times})`);
      const stack = ccm.sibling(`up-${poolRuns.length}-${round}`);
      if (latency)
        await emulatorCall(emulator.url, "PUT", "/_emulator/faults", [{ kind: "latency", latency_ms: latency }]);
      try {
        const up = await countedByEmulator(emulator.url, () => stack.run(["up"], options));
        expectCreated(up.result, label);
        runs.push(up);
      } finally {
        if (latency) await emulatorCall(emulator.url, "DELETE", "/_emulator/faults");
      }
    }
    poolRuns.push({ label, latency, runs });
  };
  const pool = (size) => ({ ...runParallel, env: { HW_CCM_MAX_CONNECTIONS: String(size) } });
  poolRuns.push({ label: `pool ${DEFAULT_POOL} (default), --parallel ${parallel}`, latency: 0, runs: counts.up });
  for (const size of poolSizes) await upFresh({ label: `pool ${size}, --parallel ${parallel}`, options: pool(size) });
  // Once: it is there for its connection count.
  await upFresh({ label: `pool ${DEFAULT_POOL} (default), --parallel 1`, options: { parallel: 1 }, times: 1 });
  if (latencyMs > 0) {
    await upFresh({
      label: `pool ${DEFAULT_POOL} (default), --parallel ${parallel}`,
      options: runParallel,
      latency: latencyMs,
    });
    for (const size of poolSizes) {
      await upFresh({ label: `pool ${size}, --parallel ${parallel}`, options: pool(size), latency: latencyMs });
    }
  }

  report({ samples, counts, exports, poolRuns, parallel });
} finally {
  for (const stack of stacks) stack.dispose();
  await emulator.close();
}

function providerBytes(state, type) {
  const sizes = new Set();
  let total = 0;
  let count = 0;
  for (const resource of state.deployment.resources ?? []) {
    if (resource.type !== type) continue;
    for (const side of [resource.inputs, resource.outputs]) {
      const value = side?.__provider;
      if (value === undefined) continue;
      // A string unless the serialized closure captured a secret (then a ciphertext object).
      const bytes = Buffer.byteLength(typeof value === "string" ? value : JSON.stringify(value));
      sizes.add(bytes);
      total += bytes;
    }
    count += 1;
  }
  return { perCopy: [...sizes], perResource: count === 0 ? 0 : total / count, total, count };
}

function report({ samples, counts, exports, poolRuns, parallel }) {
  const seconds = (ms) => (ms / 1000).toFixed(1);
  const col = (text, width = 14) => String(text).padStart(width);
  const row = (label, a, b, ratio) => console.log(`${label.padEnd(34)}${col(a)}${col(b)}${col(ratio, 12)}`);
  const cpuModel = cpus()[0]?.model?.trim() ?? "unknown CPU";

  console.log(
    `\nProvider bench: ${pairs} PrivateCertificate + CertificateBundle (NGINX) pairs vs ${pairs} no-op pairs`,
  );
  console.log(
    `machine: Node ${process.version}, Pulumi ${pulumiVersion}, ${availableParallelism()} cores (${cpuModel}), Linux ${release()}`,
  );
  console.log(
    `engine: --parallel ${parallel}${explicitParallel === undefined ? " (the CLI's default, 4 × GOMAXPROCS)" : ""}, ` +
      `same CLI and file:// backend for both stacks; emulator in this process (memory store, HTTP on loopback)`,
  );
  console.log(
    `timing: the Automation API call around the CLI command (CLI process + the engine + the provider host, and\n` +
      `        the Automation API's summary read), each operation in a fresh runner process; median of ${repeats} ` +
      `run(s), after a warm-up up + destroy of ${warmupPairs} pairs per stack\n`,
  );

  row("", "ccm pairs", "no-op pairs", "ccm/no-op");
  for (const [op, label] of [
    ["up", "up (s)"],
    ["preview", "preview, no changes (s)"],
    ["destroy", "destroy (s)"],
  ]) {
    const a = median(samples.ccm[op]);
    const b = median(samples.noop[op]);
    row(label, seconds(a), seconds(b), (a / b).toFixed(2));
  }
  const perPairA = exports.ccmBytes / pairs;
  const perPairB = exports.noopBytes / pairs;
  row("state bytes per pair (export / N)", perPairA.toFixed(0), perPairB.toFixed(0), (perPairA / perPairB).toFixed(2));
  console.log(
    `samples (s): ${["ccm", "noop"]
      .map(
        (k) =>
          `${k} ${["up", "preview", "destroy"].map((op) => `${op} ${samples[k][op].map(seconds).join("/")}`).join(", ")}`,
      )
      .join("; ")}`,
  );

  console.log("\n__provider bytes per resource (the serialized provider, stored in inputs and outputs):");
  let providerTotal = 0;
  for (const [state, type] of [
    [exports.ccm, "pulumi-nodejs:dynamic/huaweicloud-ccm:PrivateCertificate"],
    [exports.ccm, "pulumi-nodejs:dynamic/huaweicloud-ccm:CertificateBundle"],
    [exports.noop, "pulumi-nodejs:dynamic/ccm-bench:Noop"],
  ]) {
    const p = providerBytes(state, type);
    if (state === exports.ccm) providerTotal += p.total;
    console.log(
      `  ${type.split(":").at(-1).padEnd(20)} ${String(p.perCopy.join("|")).padStart(6)} B per copy, ` +
        `${p.perResource.toFixed(0).padStart(6)} B per resource (${p.count} resources)`,
    );
  }
  console.log(
    `  __provider is ${((100 * providerTotal) / exports.ccmBytes).toFixed(1)}% of the ccm stack's export ` +
      `(${exports.ccmBytes} B)`,
  );

  const routes = (byRoute) =>
    Object.entries(byRoute)
      .map(([route, n]) => `${route} ×${n}`)
      .join(", ") || "none";
  console.log("\nAPI calls (emulator request counts, per operation of the ccm stack):");
  for (const op of ["up", "preview", "destroy"]) {
    const list = counts[op].map((c) => c.requests);
    const goal = op === "preview" ? " (goal 0)" : "";
    console.log(`  ${op.padEnd(8)} ${list.join("/")}${goal}: ${routes(counts[op][0].byRoute)}`);
  }

  console.log("\nTCP connections and time per ccm `up` (emulator accepts; one dynamic-provider host per up; goal 1):");
  console.log(
    `  ${"".padEnd(34)}${"latency".padStart(10)}${"connections".padStart(14)}${"up (s)".padStart(9)}  vs default  (runs)`,
  );
  const baseline = new Map();
  for (const { label, latency, runs } of poolRuns) {
    const ms = median(runs.map((c) => c.result.timings.up));
    if (!baseline.has(latency)) baseline.set(latency, ms);
    const connections = runs.map((c) => c.connections).join("/");
    const each = runs.length === 1 ? "one run" : runs.map((c) => seconds(c.result.timings.up)).join("/");
    console.log(
      `  ${label.padEnd(34)}${(latency ? `+${latency} ms` : "loopback").padStart(10)}${connections.padStart(14)}` +
        `${seconds(ms).padStart(9)}  ${(ms / baseline.get(latency)).toFixed(2)} ×  (${each})`,
    );
  }
  console.log("  pool N = HW_CCM_MAX_CONNECTIONS=N; latency = the emulator's latency fault on every API request");
  console.log(`\nload average (1 min) at start ${loadAtStart.toFixed(2)}, at end ${loadavg()[0].toFixed(2)}`);
  console.log(`\nbench wall time: ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
