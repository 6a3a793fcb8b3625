// Reads a V8 CPU profile (.cpuprofile, as bench/lib/host-probe.cjs writes it) into self time by
// function and by origin: this package, @pulumi/pulumi, google-protobuf, grpc, other packages,
// Node's own modules, V8 (GC, compilation). Idle time (the host waiting for the engine) is left out.
import { readFileSync } from "node:fs";

/** Where a frame's code comes from, for grouping. */
export function origin(url) {
  if (url === "") return "V8 / native";
  if (url.startsWith("node:")) return "Node built-ins";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return pkg[1] === "pulumi-huaweicloud-ccm" ? "pulumi-huaweicloud-ccm" : pkg[1];
  if (/\/dist\/(provider|emulator)\//.test(url)) return "pulumi-huaweicloud-ccm";
  return "other";
}

/**
 * @param {string} file
 * @returns {{ totalMs: number, byFunction: { name: string, where: string, origin: string, ms: number }[],
 *   byOrigin: { origin: string, ms: number }[] }}
 */
export function summarizeProfile(file) {
  const profile = JSON.parse(readFileSync(file, "utf8"));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map();
  // Each sample is charged the time until the next one (timeDeltas[i + 1]), in microseconds.
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i + 1] ?? 0;
    selfMs.set(profile.samples[i], (selfMs.get(profile.samples[i]) ?? 0) + delta / 1000);
  }
  const byFunction = new Map();
  const byOrigin = new Map();
  let totalMs = 0;
  for (const [id, ms] of selfMs) {
    const { functionName, url, lineNumber } = nodes.get(id).callFrame;
    if (functionName === "(idle)") continue;
    totalMs += ms;
    const where =
      url === "" ? "" : `${url.replace(/^.*node_modules\//, "").replace(/^.*\/dist\//, "dist/")}:${lineNumber + 1}`;
    const key = `${functionName}@${where}`;
    const entry = byFunction.get(key) ?? { name: functionName || "(anonymous)", where, origin: origin(url), ms: 0 };
    entry.ms += ms;
    byFunction.set(key, entry);
    const o = origin(url) === "V8 / native" && /^\(.*\)$/.test(functionName) ? functionName : origin(url);
    byOrigin.set(o, (byOrigin.get(o) ?? 0) + ms);
  }
  return {
    totalMs,
    byFunction: [...byFunction.values()].sort((a, b) => b.ms - a.ms),
    byOrigin: [...byOrigin.entries()].map(([o, ms]) => ({ origin: o, ms })).sort((a, b) => b.ms - a.ms),
  };
}
