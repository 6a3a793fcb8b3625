// `npm run chaos`: the provider under injected faults and an interrupted `up`, through the real
// Pulumi CLI against an in-process ccm-emulator, judged by the emulator's inventory against
// `pulumi stack export`. Prints two tables; asserts nothing (test/chaos.e2e.test.ts and, for the
// plugin, test/languages/chaos.languages.test.ts assert the same checks at N = 10).
//
//   npm run chaos [-- --pairs 50] [--kill-pairs 30] [--kill-at 10] [--max-ups 6] [--skip-sigkill]
//                 [--skip-chaos] [--front-end dynamic|plugin]
//   npm run chaos:plugin   the same through the native plugin: a generated YAML program, `pulumi`
//                          in its directory with the YAML language host (scripts/yaml-host.sh)
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import emulatorModule from "ccm-emulator";
import { CHAOS_FAULTS, FRONT_ENDS, runChaos, runSigkill } from "./lib/chaos.mjs";

const { startEmulator } = emulatorModule;
const { values: args } = parseArgs({
  options: {
    pairs: { type: "string", default: "50" },
    "kill-pairs": { type: "string", default: "30" },
    "kill-at": { type: "string", default: "10" },
    "max-ups": { type: "string", default: "6" },
    "skip-sigkill": { type: "boolean", default: false },
    "skip-chaos": { type: "boolean", default: false },
    "front-end": { type: "string", default: "dynamic" },
  },
});
const frontEnd = args["front-end"];
if (!FRONT_ENDS.includes(frontEnd)) throw new Error(`--front-end: one of ${FRONT_ENDS.join(", ")}`);
const through =
  frontEnd === "plugin" ? "the native plugin (YAML program)" : "the dynamic provider (TypeScript program)";
const pairs = Number(args.pairs);
const log = (line) => process.stderr.write(`${line}\n`);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const yesNo = (ok) => (ok ? "yes" : "**NO**");
const row = (...cells) => console.log(`| ${cells.join(" | ")} |`);

const emulator = await startEmulator({ port: 0, log: () => {} });
try {
  if (!args["skip-chaos"]) {
    const chaos = await runChaos({
      emulatorUrl: emulator.url,
      pairs,
      maxRuns: Number(args["max-ups"]),
      frontEnd,
      log,
    });
    const faulted = Object.entries(chaos.faults)
      .filter(([name]) => !name.startsWith("latency"))
      .reduce((sum, [, n]) => sum + n, 0);
    console.log(
      `\nChaos through ${through}: ${pairs} PrivateCertificate + CertificateBundle pairs under a root → issuing CA chain; ` +
        `Node ${process.versions.node}, ${cpus().length} cores, load ${loadavg()[0].toFixed(1)}`,
    );
    console.log(
      `fault rules (first match decides): ${CHAOS_FAULTS.map((r) => `${r.kind} p=${r.probability}`).join(", ")}\n`,
    );
    row("check", "result");
    row("---", "---");
    row(
      "`up` runs until it converged",
      `${chaos.ups <= Number(args["max-ups"]) ? chaos.ups : `not in ${args["max-ups"]}`} (${seconds(chaos.upMs)} in all)`,
    );
    row("API requests (up + audits + destroy)", chaos.requests);
    row("requests failed by a fault", `${faulted} (${((100 * faulted) / chaos.requests).toFixed(0)} %)`);
    row(
      "faults injected, by kind",
      Object.entries(chaos.faults)
        .map(([k, n]) => `${k}: ${n}`)
        .join(", "),
    );
    row("resources in state after `up`", chaos.afterUp.resources);
    row("live certificates / CAs after `up`", `${chaos.afterUp.liveCertificates} / ${chaos.afterUp.liveCas}`);
    row("orphans (live, no state holds them)", chaos.afterUp.orphans.length);
    row("duplicates (live objects sharing a common name)", chaos.afterUp.duplicates);
    row("ids in state the emulator does not know", chaos.afterUp.dangling.length);
    row("`destroy` runs until it succeeded", chaos.destroys);
    row(
      "live after `destroy` (certificates / CAs)",
      `${chaos.afterDestroy.liveCertificates} / ${chaos.afterDestroy.liveCas}`,
    );
    for (const failure of chaos.failures) console.log(`  failed run: ${failure}`);
  }

  if (!args["skip-sigkill"]) {
    const k = await runSigkill({
      emulatorUrl: emulator.url,
      pairs: Number(args["kill-pairs"]),
      killAt: Number(args["kill-at"]),
      frontEnd,
      log,
    });
    console.log(
      `\nSIGKILL of \`pulumi up\` through ${through} (${k.pairs} pairs, 1.5 s latency on certificate creates) and the documented recovery\n`,
    );
    row("step", "result");
    row("---", "---");
    row("certificates when the kill was seen to land", k.certificatesAtKill);
    row(
      "certificates once the surviving provider process went quiet",
      `${k.certificatesSettled} (still running: ${k.hostSurvived > 0 ? "yes" : "no"})`,
    );
    row(
      "the provider process ended by itself",
      k.providerExitedMs === undefined ? "no" : `${seconds(k.providerExitedMs)} after the kill`,
    );
    row("checkpoint after the kill", k.checkpointRepair ? `unreadable; ${k.checkpointRepair}` : "readable");
    row("pending operations in state", k.left.pendingOperations);
    row("left behind (live, no state holds them)", k.left.orphans.length);
    row(
      "after `refresh --clear-pending-creates`: pending / left",
      `${k.afterClear.pendingOperations} / ${k.afterClear.orphans.length}`,
    );
    row(
      "`ccm-orphans` found",
      `${k.foundIds.length}: all of them ${yesNo(k.foundAll)}, nothing else ${yesNo(k.foundOnlyThose)}`,
    );
    row(
      "after `ccm-orphans --revoke --delete --yes`: left",
      `${k.afterClean.orphans.length} (failed actions: ${k.cleanFailures})`,
    );
    row("`up` runs until it converged", k.ups);
    row(
      "after `up`: orphans / duplicates / unknown ids",
      `${k.afterUp.orphans.length} / ${k.afterUp.duplicates} / ${k.afterUp.dangling.length}`,
    );
    row("live after `destroy` (certificates / CAs)", `${k.afterDestroy.liveCertificates} / ${k.afterDestroy.liveCas}`);
    for (const failure of k.failures) console.log(`  failed run: ${failure}`);
  }
} finally {
  await emulator.close();
}
