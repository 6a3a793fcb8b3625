// The provider bench's setup: its flags (checked), the CLI it runs (version, --parallel default,
// where the Node language host is), the programs path it takes, the clock and the log, and the
// resource types and kinds it compares. bench/provider.mjs documents the flags.
import { execFile } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs, promisify } from "node:util";

const execFileAsync = promisify(execFile);

export const TYPES = {
  certificate: "pulumi-nodejs:dynamic/huaweicloud-ccm:PrivateCertificate",
  bundle: "pulumi-nodejs:dynamic/huaweicloud-ccm:CertificateBundle",
  noop: "pulumi-nodejs:dynamic/ccm-bench:Noop",
  fat: "pulumi-nodejs:dynamic/ccm-bench:FatNoop",
};
export const KINDS = ["ccm", "fat", "noop"];
export const KIND_LABEL = { ccm: "ccm pair", fat: "fat no-op", noop: "no-op pair" };

/** The CLI's own default for --parallel, as `pulumi up --help` states it (4 × GOMAXPROCS). */
async function defaultParallel(pulumiBin) {
  const { stdout } = await execFileAsync(pulumiBin, ["up", "--help"], { env: { ...process.env, PULUMI_PARALLEL: "" } });
  const match = /--parallel\b.*\(default (\d+)\)/.exec(stdout);
  return match ? Number(match[1]) : undefined;
}

/** The Node language host, where `pulumi up` in a program's directory would find it. */
function languageHost(pulumiRoot) {
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

/** Parses and checks the flags, finds the CLI and the language host, starts the clock and the log. */
export async function providerBenchSetup() {
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
  const started = performance.now();
  // Other work on the machine lengthens wall times; the load average says how busy it was.
  const loadAtStart = loadavg()[0];
  const log = (line) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0)}s] ${line}\n`);
  const pulumiVersion = (await execFileAsync(pulumiBin, ["version"])).stdout.trim();
  const engineDefault = await defaultParallel(pulumiBin);
  const parallel = explicitParallel ?? engineDefault;
  const foundLanguageHost = languageHost(pulumiRoot);
  const programsPath = values.programs ?? (foundLanguageHost ? "directory" : "inline");
  if (!["directory", "inline"].includes(programsPath)) throw new Error("--programs must be directory or inline");
  if (programsPath === "directory" && !foundLanguageHost) {
    throw new Error("--programs directory needs pulumi-language-nodejs on PATH");
  }
  const inDirectory = programsPath === "directory";
  return {
    pairs,
    repeats,
    warmupPairs,
    latencyMs,
    skipPools,
    poolSizes,
    scaleSizes,
    scaleFloorMax,
    profileHost,
    explicitParallel,
    started,
    loadAtStart,
    log,
    pulumiVersion,
    parallel,
    foundLanguageHost,
    inDirectory,
  };
}
