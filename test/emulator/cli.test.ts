// The `ccm-emulator` command (compiled, in a child process) and its argument parsing; --tls with
// the CA bundle it writes.

import { readFileSync, writeFileSync } from "node:fs";
import { request } from "node:https";
import { join } from "node:path";
import { describe, expect, test, vi } from "vitest";
import { CliError, DEFAULT_PORT, parseCliArgs } from "../../emulator/cli-args.js";
import { DEMO_CREDENTIALS, startEmulator } from "../../emulator/index.js";
import { runCli, useBuiltCli } from "../harness/emulator-process.js";
import { remoteApi } from "./helpers/client.js";

const built = useBuiltCli("ccm-emulator-cli-");

function httpsGet(url: string, ca: string | undefined): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca, headers: { "X-Auth-Token": DEMO_CREDENTIALS.authToken } }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => {
        body += chunk.toString();
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("argument parsing", () => {
  test("defaults", () => {
    const { options, seedFile, faultFlags, help } = parseCliArgs([], {});
    expect(options).toMatchObject({ port: DEFAULT_PORT, host: "127.0.0.1", tls: false, auth: true, credentials: {} });
    expect(options.dataDir).toBeUndefined();
    expect([seedFile, faultFlags, help]).toEqual([undefined, [], false]);
  });

  test("flags win over CCM_EMULATOR_* variables, which win over defaults", () => {
    const env = {
      CCM_EMULATOR_PORT: "9000",
      CCM_EMULATOR_DATA_DIR: "/from/env",
      CCM_EMULATOR_TLS: "true",
      CCM_EMULATOR_NO_AUTH: "1",
      CCM_EMULATOR_ACCESS_KEY: "ENVAK",
      CCM_EMULATOR_AUTH_TOKEN: "env-token",
      CCM_EMULATOR_FAULTS: '[{"kind":"error","count":1}]',
    };
    const { options, faultFlags } = parseCliArgs(["--port=9100", "--access-key", "FLAGAK", "--seed", "s.json"], env);
    expect(options).toMatchObject({ port: 9100, dataDir: "/from/env", tls: true, auth: false });
    expect(options.credentials).toEqual({ accessKey: "FLAGAK", authToken: "env-token" });
    expect(faultFlags).toEqual(['{"kind":"error","count":1}']);
    expect(parseCliArgs(["--fault", "kind=reset"], env).faultFlags).toEqual(["kind=reset"]);
  });

  test("refuses unknown arguments, missing values and bad ports", () => {
    expect(() => parseCliArgs(["--colour"], {})).toThrow(CliError);
    expect(() => parseCliArgs(["--port"], {})).toThrow(CliError);
    expect(() => parseCliArgs(["--port", "70000"], {})).toThrow(CliError);
    expect(() => parseCliArgs([], { CCM_EMULATOR_FAULTS: "{" })).toThrow(CliError);
  });

  test("a non-loopback --host needs --control-token (validated without binding anything)", () => {
    for (const host of ["0.0.0.0", "::", "192.168.1.10"]) {
      expect(() => parseCliArgs(["--host", host], {}), host).toThrow(/control token/);
      expect(() => parseCliArgs([], { CCM_EMULATOR_HOST: host }), host).toThrow(CliError);
      expect(() => parseCliArgs([], { CCM_EMULATOR_HOST: host, CCM_EMULATOR_CONTROL_TOKEN: "" })).toThrow(CliError);
      expect(parseCliArgs(["--host", host, "--control-token", "t0ken"], {}).options).toMatchObject({
        host,
        controlToken: "t0ken",
      });
      expect(
        parseCliArgs([], { CCM_EMULATOR_HOST: host, CCM_EMULATOR_CONTROL_TOKEN: "env-t0ken" }).options.controlToken,
      ).toBe("env-t0ken");
    }
    expect(parseCliArgs(["--host", "127.0.0.1"], {}).options.controlToken).toBeUndefined();
    expect(parseCliArgs(["--control-token", "t"], {}).options.controlToken).toBe("t");
  });

  test("connection cap and timeouts, from flags or the environment", () => {
    const env = { CCM_EMULATOR_MAX_CONNECTIONS: "64", CCM_EMULATOR_HEADERS_TIMEOUT_MS: "5000" };
    expect(parseCliArgs(["--request-timeout-ms", "30000"], env).options).toMatchObject({
      maxConnections: 64,
      headersTimeoutMs: 5000,
      requestTimeoutMs: 30000,
    });
    expect(parseCliArgs(["--max-connections=8"], env).options.maxConnections).toBe(8);
    expect(parseCliArgs([], {}).options.maxConnections).toBeUndefined();
    for (const bad of ["0", "-1", "1.5", "x", ""]) {
      expect(() => parseCliArgs([`--max-connections=${bad}`], {}), bad).toThrow(CliError);
    }
  });
});

describe("the command", () => {
  test("--help lists every flag; a bad flag exits 2", () => {
    const help = runCli(built.cli, ["--help"]);
    expect(help.code).toBe(0);
    for (const flag of [
      "--port",
      "--data-dir",
      "--tls",
      "--seed",
      "--fault",
      "--no-auth",
      "--access-key",
      "--auth-token",
      "--control-token",
      "--max-connections",
      "--headers-timeout-ms",
      "--request-timeout-ms",
    ]) {
      expect(help.stdout).toContain(flag);
    }
    const bad = runCli(built.cli, ["--colour"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown argument --colour");
  });

  test("prints the URL and the demo credentials, and serves the API", async () => {
    const child = await built.spawn(["--port", "0"]);
    expect(child.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    for (const value of Object.values(DEMO_CREDENTIALS)) expect(child.stdout()).toContain(value);
    expect((await remoteApi(child.url).get("/v1/private-certificates", { auth: "aksk" })).status).toBe(200);
    child.process.kill("SIGTERM");
    expect(await child.exited).toBe(0);
  });

  test("custom secrets are never printed; the unguarded control plane is warned about", async () => {
    const secrets = { secretKey: "my-own-secret-key-0123456789", authToken: "my-own-iam-token" };
    const child = await built.spawn(["--port", "0", "--secret-key", secrets.secretKey], {
      CCM_EMULATOR_AUTH_TOKEN: secrets.authToken,
      CCM_EMULATOR_CONTROL_TOKEN: "",
    });
    // stderr is another pipe: wait for the warning before reading everything printed.
    await vi.waitFor(() => expect(child.stderr()).toContain("the control plane (/_emulator/) has no token"));
    const printed = child.stdout() + child.stderr();
    expect(printed).toContain(DEMO_CREDENTIALS.accessKey);
    for (const value of Object.values(secrets)) expect(printed).not.toContain(value);
    expect(child.stdout()).toContain("(custom, not shown)");
  });

  test("with --control-token: the control plane wants it, and the token is not printed", async () => {
    const child = await built.spawn(["--port", "0", "--control-token", "guard-t0ken-xyz"]);
    const api = remoteApi(child.url);
    expect((await api.get("/_emulator/health", { auth: "none" })).status).toBe(401);
    const authorized = { auth: "none", headers: { Authorization: "Bearer guard-t0ken-xyz" } } as const;
    expect((await api.get("/_emulator/health", authorized)).status).toBe(200);
    expect(child.stdout() + child.stderr()).not.toContain("guard-t0ken-xyz");
    expect(child.stderr()).not.toContain("has no token");
  });

  test("--seed and --fault, with configuration from the environment", async () => {
    const seedFile = join(built.dir, "seed.json");
    writeFileSync(seedFile, JSON.stringify({ sms_tasks: [{ id: "from-file" }] }));
    const child = await built.spawn(
      ["--port", "0", "--seed", seedFile, "--fault", "kind=error;status=503;path=^/v3/;count=1"],
      {
        CCM_EMULATOR_NO_AUTH: "1",
      },
    );
    const api = remoteApi(child.url);
    expect((await api.get("/v3/tasks/from-file/certkey", { auth: "none" })).status).toBe(503);
    expect((await api.get("/v3/tasks/from-file/certkey", { auth: "none" })).status).toBe(200);
  });

  test("--tls serves HTTPS with a CA whose PEM path is printed", async () => {
    const data = join(built.dir, "tls-data");
    const child = await built.spawn(["--port", "0", "--tls", "--data-dir", data]);
    expect(child.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const caFile = /TLS CA bundle: (\S+)/.exec(child.stdout())?.[1];
    expect(caFile).toBe(join(data, ".tls", "ca.pem"));
    const ca = readFileSync(caFile!, "utf8");
    const response = await httpsGet(`${child.url}/v1/private-certificate-authorities`, ca);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ total: 0, certificate_authorities: [] });
    await expect(httpsGet(`${child.url}/_emulator/health`, undefined)).rejects.toThrow();
  });
});

test("startEmulator({tls}) in-process: localhost and 127.0.0.1 both verify; the CA is reused from its directory", async () => {
  const tlsDir = join(built.dir, "tls-in-process");
  const first = await startEmulator({ tls: true, tlsDir, log: () => {} });
  try {
    expect(first.tls?.caFile).toBe(join(tlsDir, "ca.pem"));
    const ca = first.tls!.caCertificatePem;
    expect((await httpsGet(`${first.url}/_emulator/health`, ca)).status).toBe(200);
    expect((await httpsGet(`https://localhost:${first.port}/_emulator/health`, ca)).status).toBe(200);
  } finally {
    await first.close();
  }
  const second = await startEmulator({ tls: true, tlsDir, log: () => {} });
  try {
    expect(second.tls?.caCertificatePem).toBe(first.tls?.caCertificatePem);
    expect((await httpsGet(`${second.url}/_emulator/health`, first.tls!.caCertificatePem)).status).toBe(200);
  } finally {
    await second.close();
  }
});
