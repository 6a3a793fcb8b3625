#!/usr/bin/env node
// `npm run demo`: the quickstart stack (examples/quickstart) through the real Pulumi engine against
// ccm-emulator on loopback — no cloud account. Deploys a root CA, an issuing CA, a certificate and
// its NGINX and IIS bundles; shows what a user gets (secrets stay secret); checks the chain with
// openssl; proves a second preview has nothing to do; then destroys everything.
//
//   npm run demo               # up → outputs → verify → preview → destroy
//   npm run demo -- --keep     # keep the stack and a persistent emulator data dir for exploring
import { execFile, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs, promisify } from "node:util";
import emulatorModule from "ccm-emulator";

const { DEMO_CREDENTIALS, startEmulator } = emulatorModule;
const execFileAsync = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({ options: { keep: { type: "boolean", default: false } } });

const keepDir = path.join(root, ".pulumi-local", "demo");
const stateDir = values.keep ? keepDir : mkdtempSync(path.join(tmpdir(), "ccm-demo-"));
const emulator = await startEmulator({
  port: 0,
  dataDir: values.keep ? path.join(keepDir, "emulator-data") : undefined,
  log: () => {},
});

function step(title) {
  process.stdout.write(`\n\x1b[1m== ${title}\x1b[0m\n`);
}

function stackRun(ops, { json = false, config = [] } = {}) {
  const args = [path.join(root, "scripts/pulumi-stack.mjs"), ...ops, "--program", "examples/quickstart"];
  args.push("--stack", "demo", "--state", stateDir, ...config);
  if (json) args.push("--json");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", json ? "pipe" : "inherit", "inherit"] });
    let out = "";
    child.stdout?.on("data", (chunk) => {
      out += chunk;
    });
    child.on("exit", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`pulumi ${ops.join(" ")} failed (exit ${code})`)),
    );
  });
}

let failed = false;
try {
  step(`ccm-emulator listening on ${emulator.url} (demo credentials)`);
  const endpoints = JSON.stringify({ ccm: emulator.url, scm: emulator.url, sms: emulator.url });
  const config = [
    "--config",
    `huaweicloud-ccm:endpoints=${endpoints}`,
    "--config",
    "huaweicloud-ccm:region=cn-north-4",
    "--secret",
    `huaweicloud-ccm:accessKey=${DEMO_CREDENTIALS.accessKey}`,
    "--secret",
    `huaweicloud-ccm:secretKey=${DEMO_CREDENTIALS.secretKey}`,
  ];

  step("pulumi up");
  await stackRun(["up"], { config });

  step("pulumi stack output (PEMs, keys, keystores and passwords are secrets)");
  const { output, outputs } = JSON.parse(await stackRun(["output", "outputs"], { json: true }));
  process.stdout.write(output);

  step("openssl verify: the NGINX full chain against the root CA");
  const scratch = mkdtempSync(path.join(tmpdir(), "ccm-demo-verify-"));
  try {
    const chain = outputs.fullChainPem.value.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n?/g);
    writeFileSync(path.join(scratch, "root.pem"), outputs.rootCertificatePem.value);
    writeFileSync(path.join(scratch, "leaf.pem"), chain[0]);
    writeFileSync(path.join(scratch, "issuing.pem"), chain.slice(1).join(""));
    const { stdout } = await execFileAsync("openssl", [
      "verify",
      "-CAfile",
      path.join(scratch, "root.pem"),
      "-untrusted",
      path.join(scratch, "issuing.pem"),
      path.join(scratch, "leaf.pem"),
    ]);
    process.stdout.write(stdout.replace(scratch, "."));
  } catch (error) {
    process.stdout.write(`(openssl not available or verification failed: ${error.message})\n`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  step("pulumi preview --expect-no-changes (zero API calls)");
  const before = (await (await fetch(`${emulator.url}/_emulator/inventory`)).json()).requests.total;
  await stackRun(["preview-no-changes"]);
  const after = (await (await fetch(`${emulator.url}/_emulator/inventory`)).json()).requests.total;
  process.stdout.write(`API calls made by the preview: ${after - before}\n`);

  if (values.keep) {
    step(
      `kept: the stack and the emulator's data live in ${path.relative(root, stateDir)}; ` +
        "`npm run demo -- --keep` again picks them up, deleting that folder forgets them",
    );
  } else {
    step("pulumi destroy");
    await stackRun(["destroy", "rm"]);
  }
} catch (error) {
  failed = true;
  process.stderr.write(`\n${error.message}\n`);
} finally {
  await emulator.close();
  if (!values.keep) rmSync(stateDir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
