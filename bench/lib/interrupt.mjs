// An `up` through the native plugin interrupted while certificate creates are in flight (the
// emulator holds each create for `latencyMs` before it runs it, so they are in flight at the
// signal): a Ctrl-C of the CLI (SIGINT, which the engine turns into the provider's Cancel), or the
// plugin itself killed (SIGTERM: it may finish; SIGKILL: it may not). What happens next — the
// refresh, destroy and up that recover the stack — is the caller's (test/languages/interrupt).
import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { chaosStack } from "./chaos.mjs";
import { inventory } from "./chaos-audit.mjs";
import { descendants, isAlive } from "./processes.mjs";
import { isProviderProcess, watchExit } from "./recovery.mjs";
import { emulatorCall } from "./runner.mjs";

const CREATE_ROUTE = "POST /v1/private-certificates";

/** Which process gets which signal. */
const TARGETS = {
  "cli-sigint": { signal: "SIGINT", plugin: false },
  "plugin-sigterm": { signal: "SIGTERM", plugin: true },
  "plugin-sigkill": { signal: "SIGKILL", plugin: true },
};

/**
 * @param {{ emulatorUrl: string, pairs: number, target: keyof typeof TARGETS, latencyMs?: number,
 *   inFlightAt?: number }} options  inFlightAt: certificate creates the emulator has received when
 *   the signal is sent
 */
export async function interruptedUp({ emulatorUrl, pairs, target, latencyMs = 2000, inFlightAt = 1 }) {
  const { signal, plugin } = TARGETS[target];
  const stack = chaosStack(emulatorUrl, pairs, target, "plugin");
  let child;
  try {
    await emulatorCall(emulatorUrl, "PUT", "/_emulator/faults", [
      { kind: "latency", method: "POST", path: "^/v1/private-certificates$", latency_ms: latencyMs },
    ]);
    const createsBefore = (await inventory(emulatorUrl)).requests.by_route[CREATE_ROUTE] ?? 0;
    const { file, args, env, cwd } = await stack.spawnSpec(["up"]);
    child = spawn(file, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const keep = (chunk) => {
      output = (output + chunk).slice(-20_000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    const exited = new Promise((resolve) => child.on("exit", (code) => resolve({ code, at: performance.now() })));
    let creates = 0;
    while (creates < inFlightAt) {
      if (child.exitCode !== null) throw new Error(`up ended before ${inFlightAt} creates were sent:\n${output}`);
      await sleep(50);
      creates = ((await inventory(emulatorUrl)).requests.by_route[CREATE_ROUTE] ?? 0) - createsBefore;
    }
    // Every instance the engine started: the one that serves the resources and the one that gave
    // the language host the schema. The CLI itself is `child`.
    const plugins = descendants(child.pid).filter(isProviderProcess);
    if (plugins.length === 0) throw new Error("no plugin process under the CLI");
    const signalledAt = performance.now();
    const pluginExit = watchExit(plugins.map((p) => p.pid));
    for (const pid of plugin ? plugins.map((p) => p.pid) : [child.pid]) process.kill(pid, signal);
    const cli = await exited;
    // The plugin gets a few seconds beyond the CLI to go: the engine's own close grace is 5 s.
    const until = performance.now() + 10_000;
    while (plugins.some((p) => isAlive(p.pid)) && performance.now() < until) await sleep(100);
    const pluginGoneMs = await pluginExit.stop();
    // Creates still held by the emulator when the plugin died run to the end all the same.
    await sleep(latencyMs + 500);
    await emulatorCall(emulatorUrl, "DELETE", "/_emulator/faults");
    return {
      stack,
      createsAtSignal: creates,
      cliExitCode: cli.code,
      cliExitMs: cli.at - signalledAt,
      pluginExitMs: pluginGoneMs,
      pluginsStillRunning: plugins.filter((p) => isAlive(p.pid)).length,
      output,
    };
  } catch (error) {
    // An `up` still running would write into the directory removed below: end it (and its
    // plugins, which it closes) first.
    if (child && child.exitCode === null && child.signalCode === null) {
      const ended = new Promise((resolve) => child.on("exit", resolve));
      child.kill("SIGINT");
      await Promise.race([ended, sleep(15_000)]);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
    stack.dispose();
    throw error;
  }
}
