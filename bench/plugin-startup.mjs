// The plugin's start-up: time from spawn until it prints its port (what the engine waits for), for
// the self-contained executable of the linux-amd64 archive (scripts/plugin-archive.mjs) against
// `node dist/provider/plugin/main.js` (what bin/ runs). Medians of --rounds, printed side by side.
//
//   node bench/plugin-startup.mjs [--archive <tar.gz>] [--rounds 15]
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const root = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({ options: { archive: { type: "string" }, rounds: { type: "string", default: "15" } } });

/** Milliseconds from spawn to the first line on stdout; the process is then stopped. */
function timeToPort(command, args) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    // No engine address: the plugin serves until stopped, as it does for `pulumi package get-schema`.
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "inherit"] });
    child.stdout.once("data", (chunk) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      child.kill("SIGKILL");
      if (!/^\d+\n/.test(chunk.toString())) reject(new Error(`unexpected first output: ${chunk}`));
      else resolve(ms);
    });
    child.once("error", reject);
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const work = mkdtempSync(path.join(tmpdir(), "ccm-startup-"));
  try {
    let archive = values.archive;
    if (!archive) {
      const out = execFileSync(process.execPath, [path.join(root, "scripts/plugin-archive.mjs"), "--out", work], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
      });
      archive = JSON.parse(out.trim()).archive;
    }
    execFileSync("tar", ["-xzf", archive, "-C", work]);
    const executable = path.join(work, "pulumi-resource-huaweicloud-ccm");
    const paths = {
      "single executable": [executable, []],
      "node dist/provider/plugin/main.js": [process.execPath, [path.join(root, "dist/provider/plugin/main.js")]],
    };
    const rounds = Number(values.rounds);
    const times = Object.fromEntries(Object.keys(paths).map((name) => [name, []]));
    // Interleaved, one warm-up each, so both see the same page cache and machine load.
    for (let round = -1; round < rounds; round++) {
      for (const [name, [command, args]] of Object.entries(paths)) {
        const ms = await timeToPort(command, args);
        if (round >= 0) times[name].push(ms);
      }
    }
    console.log(`archive ${path.basename(archive)}: ${statSync(archive).size} bytes`);
    console.log(`executable: ${statSync(executable).size} bytes`);
    for (const [name, xs] of Object.entries(times)) {
      console.log(
        `${name}: start-up median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}, ${rounds} rounds)`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
