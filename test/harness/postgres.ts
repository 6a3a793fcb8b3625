// A throwaway PostgreSQL server for one test file: `initdb` into a temporary directory and `pg_ctl`
// on a free loopback port, trust authentication, no Unix socket, fsync off. PostgreSQL refuses to
// run as root, so under uid 0 (CI) every server command runs as the `postgres` user (or `nobody`)
// through runuser, on a data directory that user owns.
import { execFile } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

/** The directory holding initdb, pg_ctl and psql: CCM_PG_BINDIR, pg_config, Debian's layout, PATH. */
async function findBinDir(): Promise<string> {
  const candidates: string[] = [];
  if (process.env.CCM_PG_BINDIR) candidates.push(process.env.CCM_PG_BINDIR);
  try {
    candidates.push((await execFileAsync("pg_config", ["--bindir"])).stdout.trim());
  } catch {
    // NO-OP: pg_config comes with libpq-dev, often absent; the server packages are found below.
  }
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(debian, v, "bin")));
  }
  candidates.push(...(process.env.PATH ?? "").split(path.delimiter).filter(Boolean));
  const found = candidates.find((dir) => existsSync(path.join(dir, "initdb")) && existsSync(path.join(dir, "pg_ctl")));
  if (!found) {
    throw new Error(
      "PostgreSQL server binaries (initdb, pg_ctl) not found: install the Debian package `postgresql` " +
        "(bash .ci/run does) or set CCM_PG_BINDIR to the directory that holds them",
    );
  }
  return found;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The unprivileged account the server runs as when this process is root. */
async function serverAccount(): Promise<{ name: string; uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ["postgres", "nobody"]) {
    try {
      const uid = Number((await execFileAsync("id", ["-u", name])).stdout.trim());
      const gid = Number((await execFileAsync("id", ["-g", name])).stdout.trim());
      return { name, uid, gid };
    } catch {
      // NO-OP: no such user; try the next.
    }
  }
  throw new Error("running as root and neither a `postgres` nor a `nobody` user exists to run PostgreSQL as");
}

export class TestPostgres {
  private constructor(
    private readonly bin: string,
    private readonly root: string,
    private readonly account: { name: string } | undefined,
    readonly port: number,
  ) {}

  /** `pulumi login` URL of the server's `postgres` database (lib/pq needs sslmode=disable here). */
  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres?sslmode=disable`;
  }

  private get dataDir(): string {
    return path.join(this.root, "data");
  }

  static async start(): Promise<TestPostgres> {
    const bin = await findBinDir();
    const account = await serverAccount();
    const root = mkdtempSync(path.join(tmpdir(), "ccm-pg-"));
    const server = new TestPostgres(bin, root, account, await freePort());
    mkdirSync(server.dataDir, { mode: 0o700 });
    if (account) {
      chmodSync(root, 0o755);
      chownSync(server.dataDir, account.uid, account.gid);
    }
    await server.run("initdb", ["-D", server.dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"]);
    const options = `-p ${server.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off`;
    const log = path.join(server.dataDir, "server.log");
    await server.run("pg_ctl", ["-D", server.dataDir, "-l", log, "-o", options, "-w", "-t", "60", "start"]);
    return server;
  }

  private async run(tool: string, args: string[]): Promise<string> {
    const file = path.join(this.bin, tool);
    const [command, argv] = this.account ? ["runuser", ["-u", this.account.name, "--", file, ...args]] : [file, args];
    try {
      return (await execFileAsync(command, argv, { cwd: this.root })).stdout;
    } catch (error) {
      const e = error as Error & { stdout?: string; stderr?: string };
      throw new Error(`${tool} ${args.join(" ")} failed:\n${e.stdout ?? ""}${e.stderr ?? e.message}`);
    }
  }

  /** One SQL statement through psql; rows as lines, columns separated by `|`. */
  async query(sql: string): Promise<string[]> {
    const out = await this.run("psql", [
      "-X",
      "-h",
      "127.0.0.1",
      "-p",
      String(this.port),
      "-U",
      "postgres",
      "-Atc",
      sql,
    ]);
    return out.split("\n").filter(Boolean);
  }

  async stop(): Promise<void> {
    try {
      await this.run("pg_ctl", ["-D", this.dataDir, "-m", "immediate", "-w", "stop"]);
    } finally {
      rmSync(this.root, { recursive: true, force: true });
    }
  }
}
