// Preloaded into every Node process of a bench operation (NODE_OPTIONS=--require …), active only in
// the engine's dynamic-provider host (the process running @pulumi/pulumi's cmd/dynamic-provider):
// records its CPU time and peak RSS, and with CCM_BENCH_HOST_PROFILE=1 also a V8 CPU profile, into
// CCM_BENCH_HOST_PROBE (a directory), one file per host process. Everything else (the runner, the
// plugin shim's `node -e require.resolve(…)`) loads this and returns at once.
//
// GOTCHA: the engine ends its plugins with a signal, so `--cpu-prof` (written at a clean exit) sees
// nothing; the probe answers SIGINT/SIGTERM itself, writes, then exits. A sample is also written
// every second, in case the host is killed outright.
//
// In the runner (scripts/pulumi-stack.mjs) it records, at exit, the runner's own CPU (the program
// and the Automation API) and its reaped children's (the CLI with its engine, and the plugins the
// CLI reaped, the host among them): the CLI's share is what the engine costs.
"use strict";
const dir = process.env.CCM_BENCH_HOST_PROBE;
const script = process.argv[1] ?? "";
if (dir && /[\\/]cmd[\\/]dynamic-provider([\\/]index\.js)?$/.test(script)) startProbe(dir);
if (dir && /[\\/]scripts[\\/]pulumi-stack\.mjs$/.test(script)) probeRunner(dir);

function probeRunner(dir) {
  const fs = require("node:fs");
  const path = require("node:path");
  process.on("exit", () => {
    // /proc/self/stat fields 16 and 17 (cutime, cstime): reaped children's CPU, in clock ticks
    // (USER_HZ, 100 on Linux). The command name in parentheses may hold spaces: count after it.
    const stat = fs.readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[13]) + Number(fields[14]);
    const cpu = process.cpuUsage();
    const record = { pid: process.pid, cpuMs: (cpu.user + cpu.system) / 1000, childrenCpuMs: ticks * 10 };
    fs.writeFileSync(path.join(dir, `runner-${process.pid}.json`), JSON.stringify(record));
  });
}

function startProbe(dir) {
  const fs = require("node:fs");
  const path = require("node:path");
  const file = path.join(dir, `host-${process.pid}.json`);
  const startedCpu = process.cpuUsage();
  let session;
  let profile;

  const sample = (final) => {
    const cpu = process.cpuUsage(startedCpu);
    const usage = process.resourceUsage();
    const record = {
      pid: process.pid,
      final,
      cpuMs: (cpu.user + cpu.system) / 1000,
      userMs: cpu.user / 1000,
      systemMs: cpu.system / 1000,
      maxRssBytes: usage.maxRSS * 1024,
      profile: profile ?? null,
    };
    fs.writeFileSync(file, JSON.stringify(record));
  };

  if (process.env.CCM_BENCH_HOST_PROFILE === "1") {
    const inspector = require("node:inspector");
    session = new inspector.Session();
    session.connect();
    session.post("Profiler.enable");
    session.post("Profiler.setSamplingInterval", { interval: 1000 });
    session.post("Profiler.start");
  }

  const finish = () => {
    if (session) {
      session.post("Profiler.stop", (error, result) => {
        if (!error) {
          profile = path.join(dir, `host-${process.pid}.cpuprofile`);
          fs.writeFileSync(profile, JSON.stringify(result.profile));
        }
      });
      session = undefined;
    }
    sample(true);
  };
  const timer = setInterval(() => sample(false), 1000);
  timer.unref();
  process.on("exit", finish);
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      finish();
      process.exit(0);
    });
  }
}
