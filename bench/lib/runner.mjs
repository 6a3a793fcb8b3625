// Bench helpers: a Pulumi stack driven through scripts/pulumi-stack.mjs (the real CLI, Automation
// API inline mode, a file:// backend and PULUMI_HOME in a temporary directory), and the
// ccm-emulator's control plane read over fresh connections so that its connection count stays
// exact.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
// A named import: vitest's default-import interop (the chaos tests load this file) reads the
// emulator's re-exported values before they are set.
import { DEMO_CREDENTIALS } from "ccm-emulator";

const execFileAsync = promisify(execFile);

/** The stack-config secrets that sign a program's requests to the emulator: its demo credentials. */
export const EMULATOR_SECRETS = Object.freeze({
  "huaweicloud-ccm:accessKey": DEMO_CREDENTIALS.accessKey,
  "huaweicloud-ccm:secretKey": DEMO_CREDENTIALS.secretKey,
});
/** The root CA both benches issue from (POST /v1/private-certificate-authorities body). */
export const BENCH_ROOT_CA = {
  type: "ROOT",
  key_algorithm: "EC256",
  signature_algorithm: "SHA256",
  distinguished_name: {
    common_name: "Bench Root",
    country: "CN",
    state: "Sichuan",
    locality: "Chengdu",
    organization: "Bench",
    organizational_unit: "Bench",
  },
  validity: { type: "YEAR", value: 5 },
};

export const repoRoot = path.resolve(import.meta.dirname, "../..");
const runner = path.join(repoRoot, "scripts/pulumi-stack.mjs");
const hostProbe = path.join(repoRoot, "bench/lib/host-probe.cjs");

/** Settings a user's environment could carry into a measurement that must run on the defaults. */
const NEUTRAL_ENV_KEYS = ["HW_CCM_MAX_CONNECTIONS", "PULUMI_PARALLEL", "CCM_DEBUG", "CCM_CLOCK_OFFSET_MS"];

export class BenchStack {
  /**
   * @param {string} program  directory under the repository root
   * @param {Record<string, string>} config  plain stack config
   * @param {Record<string, string>} secrets  secret stack config
   * @param {{ inDirectory?: boolean }} how  inDirectory: `pulumi` in (a copy of) the program's
   *   directory through the Node language host, the user's path, instead of the inline path
   */
  constructor(program, config = {}, secrets = {}, { inDirectory = false } = {}) {
    this.program = path.join(repoRoot, program);
    this.config = config;
    this.secrets = secrets;
    this.inDirectory = inDirectory;
    this.stackName = "bench";
    this.stateDir = mkdtempSync(path.join(tmpdir(), `ccm-bench-${path.basename(program)}-`));
    this.owner = true;
  }

  /**
   * Another stack of the same program with the same config, backend and PULUMI_HOME (so it starts
   * as warm as this one), e.g. to measure an `up` from empty without paying for a `destroy`.
   */
  sibling(stackName) {
    const other = Object.create(BenchStack.prototype);
    Object.assign(other, this, { stackName, owner: false });
    return other;
  }

  /**
   * Runs operations in one fresh runner process; returns its JSON results (with `timings` in ms),
   * and with `probe` the dynamic-provider host's CPU time and peak RSS (bench/lib/host-probe.cjs).
   * @param {string[]} ops
   * @param {{ env?: Record<string, string>, parallel?: number, config?: Record<string, string>,
   *           probe?: boolean, profile?: boolean }} options
   *   config: values that replace the stack's own for this run (and stay until the next run sets them)
   *   profile: also a V8 CPU profile of the host (slows it down: never on a timed run)
   */
  async run(ops, options = {}) {
    if (!options.probe && !options.profile) return this.runOnce(ops, options, {});
    this.probes = (this.probes ?? 0) + 1;
    const dir = path.join(this.stateDir, "probes", `${this.stackName}-${this.probes}`);
    mkdirSync(dir, { recursive: true });
    const probeEnv = {
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${hostProbe}`.trim(),
      CCM_BENCH_HOST_PROBE: dir,
      ...(options.profile ? { CCM_BENCH_HOST_PROFILE: "1" } : {}),
    };
    const result = await this.runOnce(ops, options, probeEnv);
    const records = (prefix) =>
      readdirSync(dir)
        .filter((name) => name.startsWith(prefix) && name.endsWith(".json"))
        .map((name) => JSON.parse(readFileSync(path.join(dir, name), "utf8")));
    const hosts = records("host-");
    const cpuMs = hosts.reduce((sum, h) => sum + h.cpuMs, 0);
    result.host = {
      processes: hosts.length,
      cpuMs,
      maxRssBytes: Math.max(0, ...hosts.map((h) => h.maxRssBytes)),
      profiles: hosts.map((h) => h.profile).filter(Boolean),
    };
    // The CLI's share of the runner's reaped children (clock-tick resolution): the engine, with
    // its checkpoint writes, and the plugins other than the host.
    const [runner] = records("runner-");
    result.engineCpuMs = runner ? Math.max(0, runner.childrenCpuMs - cpuMs) : Number.NaN;
    result.runnerCpuMs = runner?.cpuMs ?? Number.NaN;
    return result;
  }

  /** @private */
  async runOnce(ops, options, probeEnv) {
    const { args, env } = this.command(ops, options);
    try {
      const { stdout } = await execFileAsync(process.execPath, args, {
        cwd: repoRoot,
        env: { ...env, ...probeEnv },
        maxBuffer: 512 * 1024 * 1024,
      });
      return JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}");
    } catch (error) {
      const stderr = String(error.stderr ?? error.message);
      throw new Error(`${path.basename(this.program)}: pulumi ${ops.join(" ")} failed:\n${stderr.slice(-4000)}`);
    }
  }

  /**
   * The runner's argv (for `process.execPath`) and environment for `ops`: what `run` executes, for
   * callers that need the child process itself (bench/chaos.mjs kills one mid-`up`).
   */
  command(ops, options = {}) {
    const args = [
      runner,
      ...ops,
      "--program",
      this.program,
      "--state",
      this.stateDir,
      "--stack",
      this.stackName,
      "--json",
    ];
    for (const [k, v] of Object.entries({ ...this.config, ...options.config })) args.push("--config", `${k}=${v}`);
    for (const [k, v] of Object.entries(this.secrets)) args.push("--secret", `${k}=${v}`);
    if (options.parallel !== undefined) args.push("--parallel", String(options.parallel));
    if (this.inDirectory) args.push("--in-directory");
    const env = { ...process.env };
    for (const key of NEUTRAL_ENV_KEYS) delete env[key];
    return { args, env: { ...env, ...options.env } };
  }

  /**
   * The process that runs `ops` (the runner, which starts the CLI), for callers that signal it:
   * the same shape as PluginStack's, so bench/lib/chaos.mjs drives either front end.
   */
  async spawnSpec(ops) {
    const { args, env } = this.command(ops);
    return { file: process.execPath, args, env, cwd: repoRoot };
  }

  /** Where the file backend keeps checkpoints (`.pulumi/stacks/<project>/<stack>.json`). */
  get backendDir() {
    return path.join(this.stateDir, "backend", ".pulumi");
  }

  /** The project's name, as the backend files it (the program's directory name). */
  get projectName() {
    return path.basename(this.program);
  }

  /** Where the runner keeps this stack's workspace (Pulumi.yaml) and PULUMI_HOME, for the plain CLI. */
  get workspaceDir() {
    return path.join(this.stateDir, this.inDirectory ? "program" : "workspace");
  }

  get homeDir() {
    return path.join(this.stateDir, "home");
  }

  /**
   * `pulumi stack export --show-secrets`: the state with secrets in plaintext (the bench samples a
   * real pair from it), through the CLI in the runner's workspace, home and backend.
   */
  async exportWithSecrets() {
    const pulumi = path.join(process.env.CCM_PULUMI_ROOT ?? "", "bin/pulumi");
    const { stdout } = await execFileAsync(pulumi, ["stack", "export", "--show-secrets", "--stack", this.stackName], {
      cwd: this.workspaceDir,
      env: {
        ...process.env,
        // The runner's backend; the inline workspace's Pulumi.yaml names it too, the program's own does not.
        PULUMI_BACKEND_URL: pathToFileURL(path.join(this.stateDir, "backend")).href,
        PULUMI_HOME: this.homeDir,
        PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "ccm-local-passphrase",
        PULUMI_SKIP_UPDATE_CHECK: "true",
      },
      maxBuffer: 512 * 1024 * 1024,
    });
    return JSON.parse(stdout);
  }

  /** Removes the state directory (with every sibling's state). */
  dispose() {
    if (this.owner) rmSync(this.stateDir, { recursive: true, force: true });
  }
}

/**
 * One request to the emulator on a connection of its own (`agent: false`), so that every call
 * from the bench adds exactly one to the emulator's connection count.
 * @returns {Promise<unknown>}
 */
/** Creates BENCH_ROOT_CA in the emulator at baseUrl (with its demo token); resolves to its id. */
export async function createBenchRootCa(baseUrl) {
  const token = { "X-Auth-Token": DEMO_CREDENTIALS.authToken };
  const { ca_id: caId } = await emulatorCall(
    baseUrl,
    "POST",
    "/v1/private-certificate-authorities",
    BENCH_ROOT_CA,
    token,
  );
  return caId;
}

export function emulatorCall(baseUrl, method, urlPath, body, headers = {}) {
  const text = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      `${baseUrl}${urlPath}`,
      {
        method,
        agent: false,
        headers: { ...headers, ...(text === undefined ? {} : { "content-type": "application/json" }) },
      },
      (res) => {
        const chunks = [];
        res.on("data", (chunk) => chunks.push(chunk));
        res.on("end", () => {
          const answer = Buffer.concat(chunks).toString("utf8");
          if ((res.statusCode ?? 0) >= 300) {
            reject(new Error(`${method} ${urlPath}: ${res.statusCode} ${answer}`));
            return;
          }
          resolve(answer === "" ? undefined : JSON.parse(answer));
        });
      },
    );
    req.on("error", reject);
    req.end(text);
  });
}

/**
 * API requests and TCP connections the emulator saw while `operation` ran. The read after the
 * operation arrives on a connection of its own, already counted when it answers: hence the − 1.
 * @template T
 * @param {string} baseUrl
 * @param {() => Promise<T>} operation
 * @returns {Promise<{ result: T, requests: number, byRoute: Record<string, number>, connections: number,
 *   emulatorCpuMs: number }>}
 */
export async function countedByEmulator(baseUrl, operation) {
  const before = await emulatorCall(baseUrl, "GET", "/_emulator/inventory");
  // The emulator runs in this process, which does nothing else meanwhile: its CPU is the emulator's
  // (key generation, signing), on the user's machine only in the bench — the real service is remote.
  const cpuBefore = process.cpuUsage();
  const result = await operation();
  const cpu = process.cpuUsage(cpuBefore);
  const after = await emulatorCall(baseUrl, "GET", "/_emulator/inventory");
  const byRoute = {};
  for (const [route, n] of Object.entries(after.requests.by_route)) {
    const delta = n - (before.requests.by_route[route] ?? 0);
    if (delta !== 0) byRoute[route] = delta;
  }
  return {
    result,
    requests: after.requests.total - before.requests.total,
    byRoute,
    connections: after.connections.total - before.connections.total - 1,
    emulatorCpuMs: (cpu.user + cpu.system) / 1000,
  };
}

/** @param {number[]} values */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
