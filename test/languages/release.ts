// For the release test: runs `scripts/release.mjs` into a temporary directory, serves its files on
// loopback as the plugin's download URL, and starts the released emulator as a user would — its
// npm tarball installed into a fresh project, its `ccm-emulator` command on a random loopback port.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import {
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { npm } from "../harness/consumer.js";
import { type EmulatorStackConfig, emulatorStackConfig, type Inventory } from "../harness/emulator.js";
import { repoRoot } from "./cli.js";

export interface Release {
  version: string;
  dir: string;
  changelog: string;
  artefacts: string[];
  dispose(): void;
}

/** `npm run release -- --version <version> …` for one plugin target, into a temporary directory. */
export function runRelease(options: { version: string; pluginDownloadURL: string; goModule: string }): Release {
  const root = mkdtempSync(path.join(tmpdir(), "ccm-release-"));
  const dir = path.join(root, "out");
  const changelog = path.join(root, "CHANGELOG.md");
  execFileSync(
    process.execPath,
    [
      path.join(repoRoot, "scripts/release.mjs"),
      ...["--version", options.version, "--plugin-download-url", options.pluginDownloadURL],
      ...["--go-module", options.goModule, "--targets", "linux-amd64", "--out", dir, "--changelog", changelog],
    ],
    { cwd: repoRoot, stdio: ["ignore", "ignore", "inherit"] },
  );
  return {
    version: options.version,
    dir,
    changelog,
    artefacts: readdirSync(dir).sort(),
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** A fresh npm project in a temporary directory; resolves to its directory and npm's stderr. */
export async function installIntoFreshProject(tarballs: string[]): Promise<{ dir: string; stderr: string }> {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "ccm-user-npm-")), "project");
  mkdirSync(dir);
  writeFileSync(path.join(dir, "package.json"), `${JSON.stringify({ name: "user-project", private: true })}\n`);
  const { stderr } = await npm(dir, ["install", "--prefer-offline", "--no-audit", "--no-fund", ...tarballs]);
  return { dir, stderr };
}

export class ReleasedEmulator {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  /** Runs `ccm-emulator --port 0` from `projectDir`'s node_modules; resolves once it listens. */
  static start(projectDir: string): Promise<ReleasedEmulator> {
    const child = spawn(path.join(projectDir, "node_modules/.bin/ccm-emulator"), ["--port", "0"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    return new Promise((resolve, reject) => {
      let seen = "";
      child.stdout?.on("data", (chunk: Buffer) => {
        seen += chunk.toString();
        const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(seen)?.[1];
        if (url) resolve(new ReleasedEmulator(child, url));
      });
      child.once("exit", (code) => reject(new Error(`ccm-emulator exited (${code}) before listening:\n${seen}`)));
    });
  }

  stackConfig(): EmulatorStackConfig {
    return emulatorStackConfig(this.url);
  }

  async inventory(): Promise<Inventory> {
    return (await (await fetch(`${this.url}/_emulator/inventory`)).json()) as Inventory;
  }

  stop(): void {
    this.child.kill();
  }
}

export interface FileServer {
  /** The base URL, ending in "/": what a release names as its plugin download URL. */
  url: string;
  /** The paths asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Serves the files of `dir()` (read when asked, so it may be filled later) on a loopback port. */
export async function serveFiles(dir: () => string): Promise<FileServer> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const name = decodeURIComponent(new URL(request.url ?? "/", "http://loopback").pathname.slice(1));
    requests.push(name);
    const file = path.join(dir(), path.basename(name));
    if (name.includes("/") || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    // GOTCHA: the engine's download refuses a body of unannounced length ("expected -1 bytes").
    response.writeHead(200, { "content-type": "application/octet-stream", "content-length": statSync(file).size });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
