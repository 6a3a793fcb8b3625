// The two TypeScript front ends side by side on one program: the generated Node.js SDK on the native
// plugin (test/languages/nodejs-sdk, in a project with the built SDK installed) and its twin on the
// dynamic-provider classes (bench/programs/front-ends-dynamic): a root CA, an issuing CA and `pairs`
// certificate + NGINX bundle pairs, against one in-process emulator, both through
// scripts/pulumi-stack.mjs (Automation API, inline). Prints the time of `up`, a no-change preview
// (and the API calls it made) and `destroy`, the state per resource (`pulumi stack export` bytes /
// resources), the code stored in state (`__provider` bytes per resource), and whether `pulumi
// import` of a certificate made outside the stack works. Nothing is asserted.
//
//   npm run bench:front-ends [-- --pairs 1 --rounds 1]
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs, promisify } from "node:util";
import emulatorModule from "ccm-emulator";
import { importIntoRunnerStack, nodejsSdkProject } from "./lib/nodejs-sdk.mjs";
import { EMULATOR_SECRETS, emulatorCall, median } from "./lib/runner.mjs";

const { values } = parseArgs({
  options: { pairs: { type: "string", default: "1" }, rounds: { type: "string", default: "1" } },
});
const pairs = Number(values.pairs);
/** Rounds alternate the two front ends; times are the median, the rest the same every round. */
const rounds = Number(values.rounds);
const repoRoot = path.resolve(import.meta.dirname, "..");
const runner = path.join(repoRoot, "scripts/pulumi-stack.mjs");
const TOKEN = { "X-Auth-Token": emulatorModule.DEMO_CREDENTIALS.authToken };

async function requests(emulator) {
  return (await emulatorCall(emulator.url, "GET", "/_emulator/inventory")).requests.total;
}

/** The resources a program declared (not the stack, not providers). */
function declared(state) {
  return (state.deployment.resources ?? []).filter(
    (r) => r.type !== "pulumi:pulumi:Stack" && !r.type.startsWith("pulumi:providers:"),
  );
}

async function measure(emulator, frontEnd) {
  const stateDir = mkdtempSync(path.join(tmpdir(), `ccm-bench-${frontEnd.name}-`));
  const endpoints = JSON.stringify({ ccm: emulator.url, scm: emulator.url, sms: emulator.url });
  const configArgs = [
    ["--config", `pairs=${pairs}`],
    ["--config", "huaweicloud-ccm:region=cn-north-4"],
    ["--config", `huaweicloud-ccm:endpoints=${endpoints}`],
    ...Object.entries(EMULATOR_SECRETS).map(([key, value]) => ["--secret", `${key}=${value}`]),
  ].flat();
  const run = async (ops, extra = []) => {
    const args = [runner, ...ops, "--program", frontEnd.program, "--json", "--state", stateDir, "--stack", "bench"];
    const env = { ...process.env, PATH: [path.join(repoRoot, "bin"), process.env.PATH].join(path.delimiter) };
    const { stdout } = await promisify(execFile)(process.execPath, [...args, ...extra], {
      env,
      maxBuffer: 512 * 1024 * 1024,
    });
    return JSON.parse(stdout.trim().split("\n").at(-1));
  };
  try {
    const up = await run(["up"], configArgs);
    const before = await requests(emulator);
    const preview = await run(["preview-no-changes"]);
    const previewCalls = (await requests(emulator)) - before;
    const exported = await run(["export"]);
    const resources = declared(exported.export);
    const codeBytes = resources.reduce(
      (sum, r) =>
        sum +
        JSON.stringify(r.inputs?.__provider ?? "").length +
        JSON.stringify(r.outputs?.__provider ?? "").length -
        4,
      0,
    );
    const issuing = resources.find((r) => r.urn.endsWith("::issuing"));
    const { certificate_id: id } = await emulatorCall(
      emulator.url,
      "POST",
      "/v1/private-certificates",
      {
        issuer_id: issuing.id,
        key_algorithm: "EC256",
        signature_algorithm: "SHA256",
        distinguished_name: { common_name: "legacy.internal.example" },
        validity: { type: "DAY", value: 10 },
      },
      TOKEN,
    );
    const imported = await importIntoRunnerStack({
      stateDir,
      stack: "bench",
      type: frontEnd.certificateType,
      name: "legacy",
      id,
    })
      .then(() => "yes")
      .catch((error) => {
        if (process.env.CCM_BENCH_DEBUG) console.error(error.message);
        return `no: ${importFailure(error.message)}`;
      });
    const destroy = await run(["destroy"]);
    return {
      name: frontEnd.name,
      upMs: up.timings.up,
      previewMs: preview.timings["preview-no-changes"],
      previewCalls,
      destroyMs: destroy.timings.destroy,
      resources: resources.length,
      stateBytes: exported.exportBytes,
      codeBytes,
      imported,
    };
  } finally {
    rmSync(stateDir, { recursive: true, force: true });
  }
}

/** The engine's reason, one line: the first `error:` the CLI printed, from the word after it. */
function importFailure(message) {
  const line = message.split("\n").find((l) => /error: /.test(l)) ?? message;
  return line
    .slice(line.indexOf("error: ") + 7)
    .trim()
    .slice(0, 120);
}

const project = nodejsSdkProject(path.join(repoRoot, "test/languages/nodejs-sdk"));
const emulator = await emulatorModule.startEmulator({ port: 0, log: () => {} });
try {
  const load = loadavg()[0].toFixed(1);
  const frontEnds = [
    {
      name: "dynamic provider classes",
      program: path.join(repoRoot, "bench/programs/front-ends-dynamic"),
      certificateType: "pulumi-nodejs:dynamic/huaweicloud-ccm:PrivateCertificate",
    },
    {
      name: "generated Node.js SDK (plugin)",
      program: project.dir,
      certificateType: "huaweicloud-ccm:index:PrivateCertificate",
    },
  ];
  const runs = frontEnds.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [i, frontEnd] of frontEnds.entries()) runs[i].push(await measure(emulator, frontEnd));
  }
  const results = runs.map((all) => {
    const middle = (key) => median(all.map((r) => r[key]));
    return { ...all.at(-1), upMs: middle("upMs"), previewMs: middle("previewMs"), destroyMs: middle("destroyMs") };
  });
  const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
  const times = rounds > 1 ? `, times the median of ${rounds} rounds` : "";
  console.log(
    `${pairs} pair(s): ${results[0].resources} resources${times}; load average ${load} → ${loadavg()[0].toFixed(1)}`,
  );
  console.log(
    "| TypeScript front end | `up` | no-change preview (API calls) | `destroy` | state per resource | code in state per resource | `pulumi import` |",
  );
  console.log("|---|---|---|---|---|---|---|");
  for (const r of results) {
    const perResource = (bytes) => `${Math.round(bytes / r.resources).toLocaleString("en")} B`;
    console.log(
      `| ${r.name} | ${s(r.upMs)} | ${s(r.previewMs)} (${r.previewCalls}) | ${s(r.destroyMs)} | ${perResource(r.stateBytes)} | ${perResource(r.codeBytes)} | ${r.imported} |`,
    );
  }
} finally {
  await emulator.close();
  project.dispose();
}
