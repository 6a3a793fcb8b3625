// The provider bench's report: what bench/provider.mjs measured, printed as tables — the side-by-side
// operations with their ratios, host CPU and memory, state and __provider bytes, API calls, the host's
// CPU profile, the pool's connections and times, and the scale table.
import { availableParallelism, cpus, loadavg, release } from "node:os";
import { scaleGrowth, scaleHeader, scaleRows } from "./provider-scale-report.mjs";
import { KIND_LABEL, KINDS, TYPES } from "./provider-setup.mjs";
import { median } from "./runner.mjs";

/** The `__provider` bytes of the resources of `type` in a state export: per copy, per resource, in all. */
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

/** Prints the report of one run: `results` as measured, `setup` as providerBenchSetup() made it. */
export function report({ rounds, exports, profiles, poolRuns, scale }, setup) {
  const {
    pairs,
    repeats,
    warmupPairs,
    scaleFloorMax,
    explicitParallel,
    parallel,
    started,
    loadAtStart,
    pulumiVersion,
    foundLanguageHost,
    inDirectory,
  } = setup;
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
    for (const entry of scale) for (const line of scaleRows(entry, scaleFloorMax)) console.log(line);
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
