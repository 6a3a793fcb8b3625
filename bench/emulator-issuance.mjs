// Issuance throughput of ccm-emulator: apply + export (JSON, OTHER) per certificate, EC256 next to
// RSA2048, over HTTP on loopback with the demo token. Run after `npm run build`:
//
//   bash scripts/with-toolchain.sh node -- node bench/emulator-issuance.mjs [--seconds 5] [--concurrency 4]
//
// Printed, never asserted (CONTRIBUTING: performance goes in bench/).

import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import emulatorModule from "ccm-emulator";
import { BENCH_ROOT_CA } from "./lib/runner.mjs";

const { startEmulator } = emulatorModule;

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "5" },
    concurrency: { type: "string", default: "4" },
    "data-dir": { type: "string" },
  },
});
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const TOKEN = emulatorModule.DEMO_CREDENTIALS.authToken;

async function call(url, method, path, body) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { "Content-Type": "application/json", "X-Auth-Token": TOKEN },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

async function measure(url, issuerId, keyAlgorithm) {
  const deadline = performance.now() + seconds * 1000;
  const latencies = [];
  const worker = async () => {
    while (performance.now() < deadline) {
      const started = performance.now();
      const { certificate_id: id } = await call(url, "POST", "/v1/private-certificates", {
        issuer_id: issuerId,
        key_algorithm: keyAlgorithm,
        signature_algorithm: "SHA256",
        distinguished_name: { common_name: `bench-${latencies.length}.example.com` },
        validity: { type: "DAY", value: 30 },
        subject_alternative_names: [{ type: "DNS", value: "bench.example.com" }],
        extended_key_usage: { server_auth: true },
      });
      await call(url, "POST", `/v1/private-certificates/${id}/export`, { type: "OTHER", is_compressed: "false" });
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pick = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  return { count: latencies.length, perSecond: latencies.length / elapsed, p50: pick(0.5), p95: pick(0.95) };
}

const emulator = await startEmulator({ port: 0, dataDir: values["data-dir"], log: () => {} });
try {
  const { ca_id: root } = await call(emulator.url, "POST", "/v1/private-certificate-authorities", BENCH_ROOT_CA);
  // Warm-up: JIT, key generation paths, connection pool.
  await measureOnce(emulator.url, root);
  const ec = await measure(emulator.url, root, "EC256");
  const rsa = await measure(emulator.url, root, "RSA2048");
  const fmt = (n, digits = 1) => n.toFixed(digits).padStart(10);
  console.log(
    `ccm-emulator issuance (apply + export), ${seconds}s each, concurrency ${concurrency}, ` +
      `${availableParallelism()} CPUs, store ${emulator.storeKind}, Node ${process.version}`,
  );
  console.log(`${"".padEnd(22)}${"EC256".padStart(10)}${"RSA2048".padStart(10)}${"EC/RSA".padStart(10)}`);
  console.log(
    `${"certificates / s".padEnd(22)}${fmt(ec.perSecond)}${fmt(rsa.perSecond)}${fmt(ec.perSecond / rsa.perSecond, 2)}`,
  );
  console.log(`${"p50 latency (ms)".padEnd(22)}${fmt(ec.p50)}${fmt(rsa.p50)}${fmt(ec.p50 / rsa.p50, 2)}`);
  console.log(`${"p95 latency (ms)".padEnd(22)}${fmt(ec.p95)}${fmt(rsa.p95)}${fmt(ec.p95 / rsa.p95, 2)}`);
  console.log(`${"certificates issued".padEnd(22)}${fmt(ec.count, 0)}${fmt(rsa.count, 0)}`);
} finally {
  await emulator.close();
}

async function measureOnce(url, root) {
  for (const keyAlgorithm of ["EC256", "RSA2048"]) {
    const { certificate_id: id } = await call(url, "POST", "/v1/private-certificates", {
      issuer_id: root,
      key_algorithm: keyAlgorithm,
      signature_algorithm: "SHA256",
      distinguished_name: { common_name: "warm-up" },
      validity: { type: "DAY", value: 1 },
    });
    await call(url, "POST", `/v1/private-certificates/${id}/export`, { type: "OTHER", is_compressed: false });
  }
}
