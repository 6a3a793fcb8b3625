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
// one; the bench says which path it took. The flags are read in lib/provider-setup.mjs, the tables
// printed by lib/provider-report.mjs (the scale table: lib/provider-scale-report.mjs).
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import emulatorModule from "ccm-emulator";
import providerConfig from "../dist/provider/config.js";
import { samplePair } from "./lib/fat-sample.mjs";
import { summarizeProfile } from "./lib/profile.mjs";
import { report } from "./lib/provider-report.mjs";
import { scaleHeader, scaleRows } from "./lib/provider-scale-report.mjs";
import { KINDS, providerBenchSetup } from "./lib/provider-setup.mjs";
import { BenchStack, countedByEmulator, createBenchRootCa, EMULATOR_SECRETS, emulatorCall } from "./lib/runner.mjs";

const { startEmulator } = emulatorModule;
const DEFAULT_POOL = providerConfig.DEFAULT_MAX_CONNECTIONS;

const setup = await providerBenchSetup();
// What to measure, then how to run it.
const { pairs, repeats, warmupPairs, latencyMs, skipPools, poolSizes, scaleSizes, scaleFloorMax } = setup;
const { profileHost, explicitParallel, parallel, inDirectory, log } = setup;

const emulator = await startEmulator({ port: 0, log: () => {} });
const stacks = [];
try {
  const caId = await createBenchRootCa(emulator.url);
  const endpoints = JSON.stringify({ ccm: emulator.url, scm: emulator.url, sms: emulator.url });
  const ccm = new BenchStack(
    "bench/programs/certificates",
    {
      pairs: String(pairs),
      caId,
      "huaweicloud-ccm:region": "cn-north-4",
      "huaweicloud-ccm:endpoints": endpoints,
    },
    EMULATOR_SECRETS,
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
    for (const line of scaleRows(entry, scaleFloorMax)) log(line);
  }

  const raw = path.join(tmpdir(), `ccm-bench-provider-${process.pid}.json`);
  writeFileSync(
    raw,
    JSON.stringify({ rounds, profiles, scale }, (key, value) => (key === "export" ? undefined : value)),
  );
  log(`raw results: ${raw}`);
  report({ rounds, exports, profiles, poolRuns, scale }, setup);
} finally {
  for (const stack of stacks) stack.dispose();
  await emulator.close();
}
