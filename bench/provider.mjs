// The provider bench: what this package's dynamic provider costs over the Pulumi engine's own
// per-resource cost, measured side by side in one run through the real CLI:
//
//   - `pulumi up` / no-change `preview` / `destroy` of N PrivateCertificate + CertificateBundle
//     (NGINX) pairs against an in-process ccm-emulator (bench/programs/certificates), next to N
//     pairs of a trivial inline dynamic resource (bench/programs/noop, ratio (a)) and N pairs of a
//     "fat" no-op whose state is a copy of a real pair's — same keys, sizes and secret outputs,
//     sampled from the warm-up — so the engine stores, encrypts and sends as much
//     (bench/programs/fat-noop, ratio (b): what the provider itself costs). Interleaved rounds;
//     medians, min–max, and the ratios of each round;
//   - the dynamic-provider host's CPU time per resource and peak RSS (bench/lib/host-probe.cjs,
//     preloaded through NODE_OPTIONS, active in the host only), and where its CPU goes (a V8 CPU
//     profile of an extra, untimed up and preview of each kind, --no-profile skips);
//   - `__provider` bytes per copy and state bytes per pair, from `pulumi stack export`;
//   - API calls of the no-change preview (goal 0), from the emulator's request counts;
//   - TCP connections per `up` and what smaller pools (HW_CCM_MAX_CONNECTIONS, --pool-sizes; "none"
//     skips) cost in time — on loopback, and with the emulator's latency fault adding --latency-ms
//     to every API request (0 skips that part);
//   - the CPU of the `pulumi` CLI (the engine with its checkpoint writes) and of the in-process
//     emulator (the real service's work: remote for a user, on the same cores here), per resource;
//   - with --scale 10,100,1000: up / no-change preview / destroy once per size for our pairs and the
//     fat no-op, then our up with PULUMI_SKIP_CHECKPOINTS=true; time per pair, CPU per resource,
//     host peak RSS, state size, each size logged when done: how the cost grows, and where; and the
//     host's peak RSS without checkpoints for ours, the fat no-op and the plain no-op at every size.
//     --scale-floor-max n runs the fat no-op only at sizes up to n: at 1,000 pairs each operation
//     of a kind takes tens of minutes (the checkpoint writes), and the floor's growth is the engine's
//     as ours is (its CPU per resource at the sizes measured shows it).
//
//   bash scripts/with-toolchain.sh pulumi -- node bench/provider.mjs [--pairs 100] [--repeats 3]
//        [--parallel n] [--latency-ms 100] [--pool-sizes 1,4|none] [--warmup-pairs 5]
//        [--scale 10,100,1000] [--scale-floor-max 100] [--no-profile] [--programs directory|inline]
//
// Run after `npm run build` (bench/run.mjs builds first). Printed, never asserted (CONTRIBUTING:
// performance goes in bench/). Each operation runs in a fresh runner process, as the e2e tests
// run them; the time measured is the Automation API call around the CLI command. Where the Node
// language host `pulumi-language-nodejs` is on PATH, the programs run as users run them: the CLI
// in the program's directory (scripts/pulumi-stack.mjs --in-directory); elsewhere — our machines,
// whose registries do not carry it — through the Automation API's inline path. --programs chooses
// one; the bench says which path it took.
import { execFile } from "node:child_process";
import { accessSync, constants, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, release, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs, promisify } from "node:util";
import emulatorModule from "ccm-emulator";
import providerConfig from "../dist/provider/config.js";
import { summarizeProfile } from "./lib/profile.mjs";
import { BenchStack, countedByEmulator, createBenchRootCa, emulatorCall, median } from "./lib/runner.mjs";

const { startEmulator } = emulatorModule;
const DEFAULT_POOL = providerConfig.DEFAULT_MAX_CONNECTIONS;
const execFileAsync = promisify(execFile);

const { values } = parseArgs({
  options: {
    pairs: { type: "string", default: "100" },
    repeats: { type: "string", default: "3" },
    parallel: { type: "string" },
    "warmup-pairs": { type: "string", default: "5" },
    "latency-ms": { type: "string", default: "100" },
    "pool-sizes": { type: "string", default: "1,4" },
    scale: { type: "string", default: "" },
    "scale-floor-max": { type: "string", default: "Infinity" },
    "no-profile": { type: "boolean", default: false },
    programs: { type: "string" },
  },
});
const pairs = Number(values.pairs);
const repeats = Number(values.repeats);
const warmupPairs = Math.min(Number(values["warmup-pairs"]), pairs);
const latencyMs = Number(values["latency-ms"]);
const skipPools = values["pool-sizes"] === "none";
const poolSizes = skipPools ? [] : values["pool-sizes"].split(",").map(Number);
const scaleSizes = values.scale === "" ? [] : values.scale.split(",").map(Number);
const scaleFloorMax = Number(values["scale-floor-max"]);
const profileHost = !values["no-profile"];
const explicitParallel = values.parallel === undefined ? undefined : Number(values.parallel);
for (const [name, n, min] of [
  ["--pairs", pairs, 1],
  ["--repeats", repeats, 1],
  ["--warmup-pairs", warmupPairs, 1],
  ["--latency-ms", latencyMs, 0],
  ["--parallel", explicitParallel ?? 1, 1],
  ...poolSizes.map((size) => ["--pool-sizes", size, 1]),
  ...scaleSizes.map((size) => ["--scale", size, 1]),
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

/** The Node language host, where `pulumi up` in a program's directory would find it. */
function languageHost() {
  for (const dir of [
    pulumiRoot ? path.join(pulumiRoot, "bin") : "",
    ...(process.env.PATH ?? "").split(path.delimiter),
  ]) {
    if (!dir) continue;
    const candidate = path.join(dir, "pulumi-language-nodejs");
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

const DEMO_AK = "EMULATORACCESSKEY000";
const DEMO_SK = "emulatorSecretKey0000000000000000000000";
const SECRET_SIG = "4dabf18193072939515e22adb298388d";
const TYPES = {
  certificate: "pulumi-nodejs:dynamic/huaweicloud-ccm:PrivateCertificate",
  bundle: "pulumi-nodejs:dynamic/huaweicloud-ccm:CertificateBundle",
  noop: "pulumi-nodejs:dynamic/ccm-bench:Noop",
  fat: "pulumi-nodejs:dynamic/ccm-bench:FatNoop",
};
const KINDS = ["ccm", "fat", "noop"];
const KIND_LABEL = { ccm: "ccm pair", fat: "fat no-op", noop: "no-op pair" };

const started = performance.now();
// Other work on the machine lengthens wall times; the load average says how busy it was.
const loadAtStart = loadavg()[0];
const log = (line) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0)}s] ${line}\n`);
const pulumiVersion = (await execFileAsync(pulumiBin, ["version"])).stdout.trim();
const engineDefault = await defaultParallel();
const parallel = explicitParallel ?? engineDefault;
const foundLanguageHost = languageHost();
const programsPath = values.programs ?? (foundLanguageHost ? "directory" : "inline");
if (!["directory", "inline"].includes(programsPath)) throw new Error("--programs must be directory or inline");
if (programsPath === "directory" && !foundLanguageHost) {
  throw new Error("--programs directory needs pulumi-language-nodejs on PATH");
}
const inDirectory = programsPath === "directory";

/** A resource's properties without `__provider`, secrets unwrapped, and which keys were secret. */
function plaintextProps(props) {
  const values = {};
  const secrets = [];
  for (const [key, value] of Object.entries(props ?? {})) {
    if (key === "__provider") continue;
    if (value !== null && typeof value === "object" && SECRET_SIG in value) {
      secrets.push(key);
      values[key] = JSON.parse(value.plaintext);
    } else {
      values[key] = value;
    }
  }
  return { values, secrets };
}

/** One real certificate + bundle pair from a plaintext export, as bench/programs/fat-noop reads it. */
function samplePair(state) {
  const resources = state.deployment.resources ?? [];
  const certificate = resources.find((r) => r.type === TYPES.certificate);
  const bundle = resources.find((r) => r.type === TYPES.bundle && r.inputs?.certificateId === certificate?.id);
  if (!certificate || !bundle) throw new Error("no certificate + bundle pair in the warm-up state to sample");
  const side = (resource) => {
    const inputs = plaintextProps(resource.inputs);
    const outputs = plaintextProps(resource.outputs);
    return {
      inputs: inputs.values,
      outputs: outputs.values,
      secretInputs: inputs.secrets,
      secretOutputs: outputs.secrets,
    };
  };
  return { certificate: side(certificate), bundle: side(bundle) };
}

const emulator = await startEmulator({ port: 0, log: () => {} });
const stacks = [];
try {
  const caId = await createBenchRootCa(emulator.url);
  const endpoints = JSON.stringify({ ccm: emulator.url, scm: emulator.url, sms: emulator.url });
  const secrets = { "huaweicloud-ccm:accessKey": DEMO_AK, "huaweicloud-ccm:secretKey": DEMO_SK };
  const ccm = new BenchStack(
    "bench/programs/certificates",
    {
      pairs: String(pairs),
      caId,
      "huaweicloud-ccm:region": "cn-north-4",
      "huaweicloud-ccm:endpoints": endpoints,
    },
    secrets,
    { inDirectory },
  );
  const noop = new BenchStack("bench/programs/noop", { pairs: String(pairs) }, {}, { inDirectory });
  const fat = new BenchStack("bench/programs/fat-noop", { pairs: String(pairs) }, {}, { inDirectory });
  const sampleFile = path.join(fat.stateDir, "sample.json");
  fat.config.sample = sampleFile;
  stacks.push(ccm, noop, fat);
  const byKind = { ccm, fat, noop };
  const runParallel = explicitParallel === undefined ? {} : { parallel: explicitParallel };
  const fatEnv = { CCM_BENCH_FAT_SAMPLE: sampleFile };
  /** Options of a run of `kind`: the fat no-op's host reads the sample. */
  const opts = (kind, extra = {}) => ({
    ...runParallel,
    ...extra,
    env: { ...(kind === "fat" ? fatEnv : {}), ...extra.env },
  });

  // Warm-up: the first CLI run pays for loading the binaries, the plugin and dynamic-provider
  // host start-up, Node's compile cache and the emulator's JIT; small stacks, not measured. The
  // certificate stack's warm-up state gives the fat no-op its sample pair.
  const warm = { config: { pairs: String(warmupPairs) } };
  log(`warm-up ccm: up of ${warmupPairs} pairs, sample a pair for the fat no-op, destroy`);
  await ccm.run(["up"], opts("ccm", warm));
  writeFileSync(sampleFile, JSON.stringify(samplePair(await ccm.exportWithSecrets())));
  await ccm.run(["destroy"], opts("ccm", warm));
  for (const kind of ["noop", "fat"]) {
    log(`warm-up ${kind}: up + destroy of ${warmupPairs} pairs`);
    await byKind[kind].run(["up", "destroy"], opts(kind, warm));
  }

  const expectCreated = (result, what, n = pairs) => {
    const created = result.up.changes.create ?? 0;
    if (created !== 2 * n + 1) throw new Error(`${what}: created ${created}, expected ${2 * n + 1}`);
  };

  /** up, no-change preview, destroy of one stack; export when asked. Counted by the emulator. */
  const cycle = async (kind, stack, { exportState = false, config } = {}) => {
    const n = Number(config?.pairs ?? pairs);
    const probe = { probe: true, ...(config ? { config } : {}) };
    // Each operation is logged when it ends: a long run cut short still shows what it measured.
    const measured = async (op) => {
      const counted = await countedByEmulator(emulator.url, () => stack.run([op], opts(kind, probe)));
      const perRes = (ms) => `${(ms / (2 * n)).toFixed(2)} ms`;
      log(
        `  ${kind} ${op} of ${n} pairs: ${(counted.result.timings[op] / 1000).toFixed(1)} s, CPU per resource: host ` +
          `${perRes(counted.result.host.cpuMs)}, engine ${perRes(counted.result.engineCpuMs)}, emulator ` +
          `${perRes(counted.emulatorCpuMs)}; host peak RSS ${(counted.result.host.maxRssBytes / 1024 / 1024).toFixed(0)} MB; ` +
          `${counted.requests} API calls`,
      );
      return counted;
    };
    const up = await measured("up");
    expectCreated(up.result, kind, n);
    let exported;
    if (exportState) {
      exported = await stack.run(["export"]);
      log(
        `  ${kind} state of ${n} pairs: ${exported.exportBytes} B, ${(exported.exportBytes / n).toFixed(0)} B per pair`,
      );
    }
    const preview = await measured("preview-no-changes");
    const destroy = await measured("destroy");
    const sample = (counted, op) => ({
      ms: counted.result.timings[op],
      hostCpuMs: counted.result.host.cpuMs,
      hostRss: counted.result.host.maxRssBytes,
      hosts: counted.result.host.processes,
      engineCpuMs: counted.result.engineCpuMs,
      emulatorCpuMs: counted.emulatorCpuMs,
      counted,
    });
    return {
      up: sample(up, "up"),
      preview: sample(preview, "preview-no-changes"),
      destroy: sample(destroy, "destroy"),
      exported,
    };
  };

  // Interleaved rounds; the order rotates so no kind always runs first (or after the same one).
  const rounds = [];
  const exports = {};
  for (let round = 0; round < repeats; round++) {
    const results = {};
    for (let i = 0; i < KINDS.length; i++) {
      const kind = KINDS[(round + i) % KINDS.length];
      log(`round ${round + 1}/${repeats} ${kind}: up, preview (no changes), destroy`);
      results[kind] = await cycle(kind, byKind[kind], { exportState: round === 0 });
      if (round === 0) exports[kind] = results[kind].exported;
    }
    rounds.push(results);
  }

  // Where the host's CPU goes: one more up and no-change preview of each of ccm and fat, profiled
  // (the profiler slows the host down, so these are not timed), then a destroy.
  const profiles = {};
  if (profileHost) {
    for (const kind of ["ccm", "fat"]) {
      log(`profile ${kind}: up, preview (no changes), destroy — host under the V8 profiler, not timed`);
      const stack = byKind[kind];
      const up = await stack.run(["up"], opts(kind, { profile: true }));
      const preview = await stack.run(["preview-no-changes"], opts(kind, { profile: true }));
      await stack.run(["destroy"], opts(kind));
      profiles[kind] = {
        up: up.host.profiles.map(summarizeProfile),
        preview: preview.host.profiles.map(summarizeProfile),
      };
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
  if (!skipPools) {
    const pool = (size) => ({ ...runParallel, env: { HW_CCM_MAX_CONNECTIONS: String(size) } });
    poolRuns.push({
      label: `pool ${DEFAULT_POOL} (default), --parallel ${parallel}`,
      latency: 0,
      runs: rounds.map((r) => r.ccm.up.counted),
    });
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
  }

  // Scale: each size once, ccm then the fat no-op, on sibling stacks (fresh state files); the size
  // of the main table is its first round. Then what a user can do about the checkpoint writes: the
  // same ccm `up` with PULUMI_SKIP_CHECKPOINTS (the state is written once at the end, none in
  // between: an interrupted up leaves no record of what it created), on a fresh sibling, without a
  // destroy (the emulator is in memory, the state directory goes). Each size's rows are logged as
  // soon as they are measured, so a run cut short still shows the sizes it finished.
  const scale = [];
  if (scaleSizes.length > 0) log(`scale rows as they are measured:\n${scaleHeader()}`);
  for (const n of scaleSizes) {
    const entry = { pairs: n };
    for (const kind of ["ccm", "fat"]) {
      if (kind === "fat" && n > scaleFloorMax) continue;
      if (n === pairs) {
        entry[kind] = { ...rounds[0][kind], stateBytes: exports[kind].exportBytes };
        continue;
      }
      log(`scale ${n} pairs, ${kind}: up, preview (no changes), destroy`);
      const stack = byKind[kind].sibling(`scale-${n}`);
      const result = await cycle(kind, stack, { exportState: true, config: { pairs: String(n) } });
      entry[kind] = { ...result, stateBytes: result.exported.exportBytes };
    }
    log(`scale ${n} pairs, ccm with PULUMI_SKIP_CHECKPOINTS=true: up`);
    const stack = byKind.ccm.sibling(`scale-skip-${n}`);
    const skipOptions = { probe: true, config: { pairs: String(n) }, env: { PULUMI_SKIP_CHECKPOINTS: "true" } };
    const up = await countedByEmulator(emulator.url, () => stack.run(["up"], opts("ccm", skipOptions)));
    expectCreated(up.result, "ccm, skip checkpoints", n);
    entry.skipCheckpoints = { ms: up.result.timings.up, engineCpuMs: up.result.engineCpuMs };
    // The host's peak memory at this size, without checkpoints (seconds, not minutes; the host does
    // the same work): ours (the stack just made), the fat no-op's (our state's size and secrets, no
    // code of ours) and the plain no-op's (neither) — which part of the peak is ours.
    const preview = await stack.run(["preview-no-changes"], opts("ccm", skipOptions));
    entry.hostRssNoCheckpoints = { ccm: { up: up.result.host.maxRssBytes, preview: preview.host.maxRssBytes } };
    for (const kind of ["fat", "noop"]) {
      log(`scale ${n} pairs, ${kind} with PULUMI_SKIP_CHECKPOINTS=true: up, preview (the host's peak RSS)`);
      const sibling = byKind[kind].sibling(`scale-mem-${n}`);
      const kindUp = await sibling.run(["up"], opts(kind, skipOptions));
      const kindPreview = await sibling.run(["preview-no-changes"], opts(kind, skipOptions));
      entry.hostRssNoCheckpoints[kind] = { up: kindUp.host.maxRssBytes, preview: kindPreview.host.maxRssBytes };
    }
    scale.push(entry);
    for (const line of scaleRows(entry)) log(line);
  }

  const raw = path.join(tmpdir(), `ccm-bench-provider-${process.pid}.json`);
  writeFileSync(
    raw,
    JSON.stringify({ rounds, profiles, scale }, (key, value) => (key === "export" ? undefined : value)),
  );
  log(`raw results: ${raw}`);
  report({ rounds, exports, profiles, poolRuns, scale, parallel });
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

function report({ rounds, exports, profiles, poolRuns, scale, parallel }) {
  const seconds = (ms) => (ms / 1000).toFixed(1);
  const spread = (list, fmt) => `${fmt(median(list))} (${fmt(Math.min(...list))}–${fmt(Math.max(...list))})`;
  const cpuModel = cpus()[0]?.model?.trim() ?? "unknown CPU";
  const mb = (bytes) => (bytes / 1024 / 1024).toFixed(0);
  const resources = 2 * pairs;

  console.log(
    `\nProvider bench: ${pairs} PrivateCertificate + CertificateBundle (NGINX) pairs vs ${pairs} fat no-op pairs ` +
      `(same state size and secrets) vs ${pairs} plain no-op pairs`,
  );
  console.log(
    `machine: Node ${process.version}, Pulumi ${pulumiVersion}, ${availableParallelism()} cores (${cpuModel}), Linux ${release()}`,
  );
  console.log(
    inDirectory
      ? `programs: \`pulumi\` in each program's directory, as users run it, through the Node language host at ${foundLanguageHost}`
      : `programs: through the Automation API inline path (scripts/pulumi-stack.mjs), ${
          foundLanguageHost
            ? `by --programs inline (pulumi-language-nodejs is at ${foundLanguageHost})`
            : "because pulumi-language-nodejs is not on PATH (`pulumi up` in a program's directory needs it)"
        }`,
  );
  console.log(
    `engine: --parallel ${parallel}${explicitParallel === undefined ? " (the CLI's default, 4 × GOMAXPROCS)" : ""}, ` +
      `same CLI and file:// backend for all stacks; emulator in this process (memory store, HTTP on loopback)`,
  );
  console.log(
    `timing: the Automation API call around the CLI command (CLI process + the engine + the provider host, and\n` +
      `        the Automation API's summary read), each operation in a fresh runner process; ${repeats} interleaved\n` +
      `        round(s) after a warm-up up + destroy of ${warmupPairs} pairs per stack: median (min–max)\n`,
  );

  const width = 22;
  const header = (label, cells) =>
    console.log(`${label.padEnd(36)}${cells.map((c) => String(c).padStart(width)).join("")}`);
  header("", [...KINDS.map((k) => KIND_LABEL[k]), "(b) ccm ÷ fat", "(a) ccm ÷ no-op"]);
  const ratioCells = (values) => {
    const b = rounds.map((_, i) => values.ccm[i] / values.fat[i]);
    const a = rounds.map((_, i) => values.ccm[i] / values.noop[i]);
    const fmt = (x) => x.toFixed(2);
    return [spread(b, fmt), spread(a, fmt)];
  };
  for (const [op, label] of [
    ["up", "up (s)"],
    ["preview", "preview, no changes (s)"],
    ["destroy", "destroy (s)"],
  ]) {
    const values = Object.fromEntries(KINDS.map((k) => [k, rounds.map((r) => r[k][op].ms)]));
    header(label, [...KINDS.map((k) => spread(values[k], seconds)), ...ratioCells(values)]);
  }
  for (const [op, label] of [
    ["up", "host CPU per resource, up (ms)"],
    ["preview", "  … preview, no changes (ms)"],
    ["destroy", "  … destroy (ms)"],
  ]) {
    const values = Object.fromEntries(KINDS.map((k) => [k, rounds.map((r) => r[k][op].hostCpuMs / resources)]));
    header(label, [...KINDS.map((k) => spread(values[k], (x) => x.toFixed(2))), ...ratioCells(values)]);
  }
  for (const [field, label] of [
    ["engineCpuMs", "engine (CLI) CPU per resource, up"],
    ["emulatorCpuMs", "emulator CPU per resource, up"],
  ]) {
    const values = Object.fromEntries(KINDS.map((k) => [k, rounds.map((r) => r[k].up[field] / resources)]));
    header(label, [...KINDS.map((k) => spread(values[k], (x) => x.toFixed(2))), "", ""]);
  }
  const rss = Object.fromEntries(
    KINDS.map((k) => [k, rounds.map((r) => Math.max(r[k].up.hostRss, r[k].preview.hostRss, r[k].destroy.hostRss))]),
  );
  header("host peak RSS (MB)", [...KINDS.map((k) => spread(rss[k], mb)), "", ""]);
  const perPair = Object.fromEntries(KINDS.map((k) => [k, exports[k].exportBytes / pairs]));
  header("state bytes per pair (export / N)", [
    ...KINDS.map((k) => perPair[k].toFixed(0)),
    (perPair.ccm / perPair.fat).toFixed(2),
    (perPair.ccm / perPair.noop).toFixed(2),
  ]);
  console.log(
    "(b) is what the provider itself costs (the fat no-op stores, encrypts and sends as much); ratios are per round, " +
      "then median (min–max).\nhost CPU: user + system time of the dynamic-provider host, all its processes, ÷ " +
      `${resources} resources; engine: the CLI and the plugins it\n` +
      `reaped other than the host (clock ticks${inDirectory ? "; here with the language host and the program" : ""}); ` +
      "emulator: the in-process emulator's (the real service's work, remote for a user).",
  );

  console.log("\n__provider bytes (the serialized provider, stored in inputs and outputs):");
  let providerTotal = 0;
  for (const [kind, type] of [
    ["ccm", TYPES.certificate],
    ["ccm", TYPES.bundle],
    ["fat", TYPES.fat],
    ["noop", TYPES.noop],
  ]) {
    const p = providerBytes(exports[kind].export, type);
    if (kind === "ccm") providerTotal += p.total;
    console.log(
      `  ${type.split(":").at(-1).padEnd(20)} ${String(p.perCopy.join("|")).padStart(6)} B per copy, ` +
        `${p.perResource.toFixed(0).padStart(6)} B per resource (${p.count} resources)`,
    );
  }
  console.log(
    `  __provider is ${((100 * providerTotal) / exports.ccm.exportBytes).toFixed(1)}% of the ccm stack's export ` +
      `(${exports.ccm.exportBytes} B)`,
  );

  const routes = (byRoute) =>
    Object.entries(byRoute)
      .map(([route, n]) => `${route} ×${n}`)
      .join(", ") || "none";
  console.log("\nAPI calls (emulator request counts, per operation of the ccm stack):");
  for (const op of ["up", "preview", "destroy"]) {
    const list = rounds.map((r) => r.ccm[op].counted.requests);
    const goal = op === "preview" ? " (goal 0)" : "";
    console.log(`  ${op.padEnd(8)} ${list.join("/")}${goal}: ${routes(rounds[0].ccm[op].counted.byRoute)}`);
  }

  for (const [kind, byOp] of Object.entries(profiles)) {
    for (const [op, list] of Object.entries(byOp)) {
      for (const summary of list) {
        const total = summary.totalMs;
        console.log(
          `\nhost CPU profile, ${KIND_LABEL[kind]} ${op} (extra untimed run under the profiler): ${total.toFixed(0)} ms busy, ` +
            `${(total / resources).toFixed(2)} ms per resource`,
        );
        console.log(
          `  by origin: ${summary.byOrigin
            .slice(0, 8)
            .map((o) => `${o.origin} ${((100 * o.ms) / total).toFixed(0)}%`)
            .join(", ")}`,
        );
        for (const f of summary.byFunction.slice(0, 8)) {
          console.log(`  ${((100 * f.ms) / total).toFixed(1).padStart(5)}%  ${f.name}  ${f.where}`);
        }
      }
    }
  }

  if (poolRuns.length > 0) {
    console.log(
      "\nTCP connections and time per ccm `up` (emulator accepts; one dynamic-provider host per up; goal 1):",
    );
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
  }

  if (scale.length > 0) {
    console.log("\nScale: one run per size (ccm pairs, and the fat no-op as the engine's own floor):");
    console.log(scaleHeader());
    for (const entry of scale) for (const line of scaleRows(entry)) console.log(line);
    console.log(
      "  API calls: up · no-change preview (goal 0) · destroy. CPU per resource, up: host = the dynamic-provider\n" +
        "  host; engine = the CLI (its engine, checkpoint writes, other plugins); emulator = the in-process emulator\n" +
        "  (key generation and signing: the real service's work, not on a user's machine). ccm-nockpt: the same up\n" +
        "  with PULUMI_SKIP_CHECKPOINTS=true. ccm-, fat- and noop-mem: the dynamic-provider host's peak RSS (MB) in an\n" +
        "  up · a no-change preview, without checkpoints — ours, with our state's size and secrets but no code of ours\n" +
        "  (fat), with neither (noop): which part of the host's memory at that size is ours.",
    );
    for (const line of scaleGrowth(scale)) console.log(line);
  }
  console.log(`\nload average (1 min) at start ${loadAtStart.toFixed(2)}, at end ${loadavg()[0].toFixed(2)}`);
  console.log(`\nbench wall time: ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

/** The header of the scale table. */
function scaleHeader() {
  return (
    `  ${"pairs".padStart(6)}  ${"kind".padEnd(11)}${"up".padStart(9)}${"/pair".padStart(8)}${"preview".padStart(9)}` +
    `${"/pair".padStart(8)}${"destroy".padStart(9)}${"/pair".padStart(8)}${"API calls".padStart(17)}` +
    `${"CPU/res up: host".padStart(18)}${"engine".padStart(8)}${"emulator".padStart(10)}` +
    `${"host peak RSS".padStart(15)}${"state".padStart(10)}${"B/pair".padStart(8)}`
  );
}

/** The rows of one scale size: ccm, the fat no-op, ccm's up without checkpoints, the hosts' memory. */
function scaleRows(entry) {
  const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
  const perPair = (ms) => `${(ms / entry.pairs).toFixed(0)} ms`;
  const perRes = (ms) => (ms / (2 * entry.pairs)).toFixed(2);
  const rows = [];
  for (const kind of ["ccm", "fat"]) {
    const r = entry[kind];
    if (r === undefined) {
      rows.push(
        `  ${String(entry.pairs).padStart(6)}  ${kind.padEnd(11)}  not run (--scale-floor-max ${scaleFloorMax})`,
      );
      continue;
    }
    const peak = Math.max(r.up.hostRss, r.preview.hostRss, r.destroy.hostRss);
    rows.push(
      `  ${String(entry.pairs).padStart(6)}  ${kind.padEnd(11)}${secs(r.up.ms).padStart(9)}${perPair(r.up.ms).padStart(8)}` +
        `${secs(r.preview.ms).padStart(9)}${perPair(r.preview.ms).padStart(8)}` +
        `${secs(r.destroy.ms).padStart(9)}${perPair(r.destroy.ms).padStart(8)}` +
        `${`${r.up.counted.requests} · ${r.preview.counted.requests} · ${r.destroy.counted.requests}`.padStart(17)}` +
        `${perRes(r.up.hostCpuMs).padStart(18)}${perRes(r.up.engineCpuMs).padStart(8)}` +
        `${perRes(r.up.emulatorCpuMs).padStart(10)}${`${(peak / 1024 / 1024).toFixed(0)} MB`.padStart(15)}` +
        `${`${(r.stateBytes / 1024 / 1024).toFixed(1)} MB`.padStart(10)}${(r.stateBytes / entry.pairs).toFixed(0).padStart(8)}`,
    );
  }
  const skip = entry.skipCheckpoints;
  if (skip) {
    rows.push(
      `  ${String(entry.pairs).padStart(6)}  ${"ccm-nockpt".padEnd(11)}${secs(skip.ms).padStart(9)}${perPair(skip.ms).padStart(8)}` +
        `${"".padStart(69)}${perRes(skip.engineCpuMs).padStart(8)}`,
    );
  }
  const mb = (bytes) => (bytes / 1024 / 1024).toFixed(0);
  for (const [kind, rss] of Object.entries(entry.hostRssNoCheckpoints ?? {})) {
    rows.push(
      `  ${String(entry.pairs).padStart(6)}  ${`${kind}-mem`.padEnd(11)}${"".padStart(98)}` +
        `${`${mb(rss.up)} · ${mb(rss.preview)} MB`.padStart(21)}`,
    );
  }
  return rows;
}

/**
 * How the per-pair cost grows from the smallest size to the largest, and where: the engine's CPU
 * per resource against the host's, and what skipping the intermediate checkpoints saves.
 */
function scaleGrowth(scale) {
  if (scale.length < 2) return [];
  const small = scale[0];
  const large = scale.at(-1);
  const lines = [`\n  growth of the cost per pair from ${small.pairs} pairs (1.00 = linear):`];
  for (const kind of ["ccm", "fat"]) {
    const top = scale.findLast((e) => e[kind] !== undefined);
    if (top === small) continue;
    const factor = (pick) => (pick(top) / top.pairs / (pick(small) / small.pairs)).toFixed(2);
    lines.push(
      `    ${kind.padEnd(4)} to ${top.pairs}: up ×${factor((e) => e[kind].up.ms)}, preview ×${factor((e) => e[kind].preview.ms)}, ` +
        `destroy ×${factor((e) => e[kind].destroy.ms)}; CPU per resource in the up: host ×${factor((e) => e[kind].up.hostCpuMs)}, ` +
        `engine ×${factor((e) => e[kind].up.engineCpuMs)}`,
    );
  }
  const seconds = (ms) => `${(ms / 1000).toFixed(0)} s`;
  lines.push(
    `    the file backend rewrites the whole checkpoint (${(large.ccm.stateBytes / 1024 / 1024).toFixed(1)} MB at the end) ` +
      `on every step: ~N² bytes per up. At ${large.pairs} pairs the ccm up took\n` +
      `    ${seconds(large.ccm.up.ms)}, ${seconds(large.skipCheckpoints.ms)} with PULUMI_SKIP_CHECKPOINTS=true (no state ` +
      "written until the end: an interrupted up leaves no record of its creates);\n    smaller stacks keep each checkpoint small.",
  );
  return lines;
}
