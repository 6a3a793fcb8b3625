// An interrupted `up` and the recovery from it (docs/troubleshooting.md, "An interrupted
// `pulumi up`"), for either front end's stack (BenchStack for the dynamic provider, PluginStack for
// the native plugin): SIGKILL of the `pulumi` CLI while certificates are being created, the repair
// of a checkpoint the kill cut short, and the package's `ccm-orphans` run on the stack as a user
// would.
import { execFile, spawn } from "node:child_process";
import { copyFileSync, existsSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { inventory } from "./chaos-audit.mjs";
import { descendants, isAlive, kill } from "./processes.mjs";
import { repoRoot } from "./runner.mjs";

const execFileAsync = promisify(execFile);

/** Runs the package's `ccm-orphans` (from dist/) on the stack, as a user would after a crash. */
export async function orphansCommand(stack, flags) {
  const { stdout } = await execFileAsync(
    process.execPath,
    [
      path.join(repoRoot, "dist/provider/cli/orphans.js"),
      "--stack",
      stack.stackName,
      "--cwd",
      stack.workspaceDir,
      "--json",
      ...flags,
    ],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        PULUMI_HOME: stack.homeDir,
        PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "ccm-local-passphrase",
      },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return JSON.parse(stdout);
}

/** A provider process of either front end: the dynamic-provider host or our native plugin. */
export function isProviderProcess(p) {
  return p.argv.some((arg) => /dynamic-provider|plugin[/\\]main\.js$|pulumi-resource-huaweicloud-ccm$/.test(arg));
}

const liveCertificates = async (url) => (await inventory(url)).certificates.filter((c) => !c.deleted).length;

/** Starts `up` as a child, waits for `killAt` certificates to exist, then SIGKILLs the `pulumi`
 * CLI (and the runner around it, if any); the provider process is left running, as it is when a
 * user's `pulumi up` is killed. Returns what was left alive (pid and argv), captured before the
 * kill, since the kill reparents them. */
export async function killMidUp(stack, emulatorUrl, killAt, log) {
  const { file, args, env, cwd } = await stack.spawnSpec(["up"]);
  const child = spawn(file, args, { cwd, env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const exited = new Promise((resolve) => child.on("exit", resolve));
  for (;;) {
    if ((await liveCertificates(emulatorUrl)) >= killAt) break;
    if (child.exitCode !== null) throw new Error(`up ended before ${killAt} certificates existed:\n${stderr}`);
    await sleep(100);
  }
  const tree = [{ pid: child.pid, argv: [file] }, ...descendants(child.pid)];
  const cli = tree.find((p) => path.basename(p.argv[0] ?? "") === "pulumi");
  if (!cli) throw new Error(`no pulumi process in the tree: ${JSON.stringify(tree.map((p) => p.argv[0]))}`);
  kill(cli.pid);
  kill(child.pid);
  await exited;
  log(`sigkill: killed pulumi (pid ${cli.pid}) at ${killAt} certificates`);
  return tree.filter((p) => p.pid !== cli.pid && p.pid !== child.pid && isAlive(p.pid));
}

/**
 * Watches processes until `stop()`: resolves to the ms after the start of the watch at which the
 * last of them ended, or undefined if one was still running when stopped.
 * @param {number[]} pids
 */
export function watchExit(pids) {
  const started = performance.now();
  let stopped = false;
  const watching = (async () => {
    while (!stopped) {
      if (!pids.some(isAlive)) return performance.now() - started;
      await sleep(100);
    }
    return pids.some(isAlive) ? undefined : performance.now() - started;
  })();
  return {
    stop() {
      stopped = true;
      return watching;
    },
  };
}

/**
 * A SIGKILL during a checkpoint write can leave the file backend's checkpoint, or the attributes
 * file the backend keeps beside it (`<stack>.json.attrs`), empty: either way every command then
 * fails with `failed to load checkpoint: EOF`. An empty attributes file alone is removed (the
 * checkpoint itself is whole, and the newest); otherwise the previous checkpoint
 * (`<stack>.json.bak`) or an older one under `.pulumi/backups/` is put back with its attributes,
 * as docs/troubleshooting.md says.
 * @returns {Promise<string | undefined>} what was done, or undefined when the checkpoint was fine
 */
export async function repairCheckpoint(stack) {
  try {
    await stack.run(["export"]);
    return undefined;
  } catch (error) {
    if (!/failed to load checkpoint/.test(String(error.message))) throw error;
  }
  const backend = stack.backendDir;
  const checkpoint = path.join(backend, "stacks", stack.projectName, `${stack.stackName}.json`);
  const backupsDir = path.join(backend, "backups", stack.projectName, stack.stackName);
  const candidates = [`${checkpoint}.bak`];
  if (existsSync(backupsDir)) {
    const older = readdirSync(backupsDir).map((f) => path.join(backupsDir, f));
    candidates.push(...older.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs));
  }
  const attrs = `${checkpoint}.attrs`;
  if (existsSync(attrs) && statSync(attrs).size === 0) {
    rmSync(attrs);
    try {
      await stack.run(["export"]);
      return `removed the empty ${path.relative(backend, attrs)}`;
    } catch {
      // NO-OP: the checkpoint is cut short as well; restore a backup below.
    }
  }
  const tried = [];
  for (const candidate of candidates.filter((f) => existsSync(f) && statSync(f).size > 0)) {
    copyFileSync(candidate, checkpoint);
    if (existsSync(`${candidate}.attrs`)) copyFileSync(`${candidate}.attrs`, attrs);
    else rmSync(attrs, { force: true });
    try {
      await stack.run(["export"]);
      return `restored ${path.relative(backend, candidate)}`;
    } catch (error) {
      // Try the next older one.
      tried.push(`${path.relative(backend, candidate)}: ${String(error.message).slice(-300)}`);
    }
  }
  throw new Error(`the checkpoint ${checkpoint} is unreadable and no backup of it loads:\n${tried.join("\n")}`);
}
