// The native plugin beside the dynamic provider: N PrivateCertificate + CertificateBundle pairs
// (bench/programs/certificates) as a TypeScript dynamic-provider stack (Automation API inline, as
// bench/provider.mjs runs it) and as a YAML program through pulumi-resource-huaweicloud-ccm
// (`pulumi up` in its directory), against one in-process emulator. Prints `up` time and state bytes
// per pair (`pulumi stack export` / N) for both. Nothing is asserted.
//
//   bash scripts/with-toolchain.sh pulumi -- node bench/plugin.mjs [--pairs 100]
import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs, promisify } from "node:util";
import emulatorModule from "ccm-emulator";
import { BenchStack, createBenchRootCa, EMULATOR_SECRETS } from "./lib/runner.mjs";

const { values } = parseArgs({ options: { pairs: { type: "string", default: "100" } } });
const pairs = Number(values.pairs);
const repoRoot = path.resolve(import.meta.dirname, "..");

/** The certificates program as YAML: YAML has no loops, so the N pairs are written out. */
function yamlProgram(caId) {
  const lines = ["name: ccm-bench-plugin", "runtime: yaml", "resources:"];
  for (let i = 0; i < pairs; i++) {
    const name = `svc-${i}.bench.example`;
    lines.push(
      `  cert-${i}:`,
      "    type: huaweicloud-ccm:PrivateCertificate",
      "    properties:",
      `      issuerId: ${caId}`,
      "      keyAlgorithm: EC256",
      "      signatureAlgorithm: SHA256",
      `      distinguishedName: { commonName: ${name} }`,
      "      validity: { type: DAY, value: 30 }",
      `      subjectAlternativeNames: [{ type: DNS, value: ${name} }]`,
      "      extendedKeyUsage: { serverAuth: true }",
      `  bundle-${i}:`,
      "    type: huaweicloud-ccm:CertificateBundle",
      "    properties:",
      `      certificateId: \${cert-${i}.certificateId}`,
      "      type: NGINX",
    );
  }
  return `${lines.join("\n")}\n`;
}

async function pluginRun(emulator, caId) {
  const root = mkdtempSync(path.join(tmpdir(), "ccm-bench-plugin-"));
  const dir = path.join(root, "project");
  for (const d of [dir, path.join(root, "state"), path.join(root, "home")]) mkdirSync(d, { recursive: true });
  writeFileSync(path.join(dir, "Pulumi.yaml"), yamlProgram(caId));
  const yamlHost = execFileSync("bash", [path.join(repoRoot, "scripts/yaml-host.sh")], { encoding: "utf8" }).trim();
  const env = {
    ...process.env,
    PATH: [path.join(repoRoot, "bin"), yamlHost, process.env.PATH].join(path.delimiter),
    PULUMI_HOME: path.join(root, "home"),
    PULUMI_BACKEND_URL: `file://${path.join(root, "state")}`,
    PULUMI_CONFIG_PASSPHRASE: "bench",
  };
  const pulumi = async (...args) =>
    (await promisify(execFile)("pulumi", args, { cwd: dir, env, maxBuffer: 512 * 1024 * 1024 })).stdout;
  try {
    await pulumi("stack", "init", "bench");
    await pulumi("config", "set", "huaweicloud-ccm:region", "cn-north-4");
    const endpoints = JSON.stringify({ ccm: emulator.url, scm: emulator.url, sms: emulator.url });
    await pulumi("config", "set", "huaweicloud-ccm:endpoints", endpoints);
    for (const [k, v] of Object.entries(EMULATOR_SECRETS)) await pulumi("config", "set", "--secret", k, v);
    const started = Date.now();
    await pulumi("up", "--yes", "--skip-preview");
    const upMs = Date.now() - started;
    const stateBytes = Buffer.byteLength(await pulumi("stack", "export"));
    await pulumi("destroy", "--yes", "--skip-preview");
    return { upMs, stateBytes };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function dynamicRun(emulator, caId) {
  const endpoints = JSON.stringify({ ccm: emulator.url, scm: emulator.url, sms: emulator.url });
  const stack = new BenchStack(
    "bench/programs/certificates",
    { pairs: String(pairs), caId, "huaweicloud-ccm:region": "cn-north-4", "huaweicloud-ccm:endpoints": endpoints },
    EMULATOR_SECRETS,
  );
  try {
    const result = await stack.run(["up", "export", "destroy"]);
    return { upMs: result.timings.up, stateBytes: result.exportBytes };
  } finally {
    rmSync(stack.stateDir, { recursive: true, force: true });
  }
}

const emulator = await emulatorModule.startEmulator({ port: 0, log: () => {} });
try {
  const caId = await createBenchRootCa(emulator.url);
  const load = loadavg()[0].toFixed(1);
  const dynamic = await dynamicRun(emulator, caId);
  const plugin = await pluginRun(emulator, caId);
  console.log(`${pairs} pairs, load average ${load} → ${loadavg()[0].toFixed(1)}`);
  console.log("| | `up` | state per pair |");
  console.log("|---|---|---|");
  for (const [name, r] of [
    ["dynamic provider (TypeScript, inline)", dynamic],
    ["native plugin (YAML, `pulumi up`)", plugin],
  ]) {
    console.log(
      `| ${name} | ${(r.upMs / 1000).toFixed(1)} s | ${Math.round(r.stateBytes / pairs).toLocaleString("en")} B |`,
    );
  }
} finally {
  await emulator.close();
}
