// A user's project, made the way `pulumi new typescript` makes one (CommonJS tsconfig, index.ts,
// Pulumi.yaml, package.json with @pulumi/pulumi), into which this package is installed from the
// tarball `npm pack` makes — the only way to see what users get: the files the tarball ships, the
// dependencies npm resolves next to theirs, and the SDK copy the dynamic-provider host loads.
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { onPath } from "../../bench/lib/on-path.mjs";

const execFileAsync = promisify(execFile);
export const repoRoot = path.resolve(import.meta.dirname, "../..");

/**
 * The SDK the user's project pins: newer than this repository's (3.259.0), so npm must choose
 * between them. The CLI stays the toolchain's (3.259.0), as for a user who updates packages
 * before the CLI.
 */
export const USER_SDK_VERSION = "3.276.0";

/** Environment for npm in the user's project: none of the npm_* variables of an enclosing `npm test`. */
function npmEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith("npm_")));
}

export async function npm(cwd: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  try {
    return await execFileAsync("npm", args, { cwd, env: npmEnv(), maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const e = error as Error & { stdout?: string; stderr?: string };
    throw new Error(`npm ${args.join(" ")} failed in ${cwd}:\n${e.stdout ?? ""}${e.stderr ?? e.message}`);
  }
}

/** Fails when dist/provider is missing or older than a source in provider/: the tarball would lie. */
function assertBuilt(): void {
  const newest = (dir: string, suffix: string): number =>
    readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(suffix))
      .reduce((max, file) => Math.max(max, statSync(path.join(dir, file)).mtimeMs), 0);
  const dist = path.join(repoRoot, "dist/provider");
  const built = existsSync(dist) ? newest(dist, ".js") : 0;
  if (built < newest(path.join(repoRoot, "provider"), ".ts")) {
    // Not compiled here: other test files load dist/ through the repository's link while this runs.
    throw new Error("dist/provider is missing or older than provider/: run `npm run build` (npm test does)");
  }
}

/** Packs this package as `npm publish` would (dist/ from the last build); returns the .tgz path. */
export async function packProvider(destination: string): Promise<{ tarball: string; size: number; files: string[] }> {
  assertBuilt();
  const { stdout } = await npm(repoRoot, ["pack", "--json", "--ignore-scripts", "--pack-destination", destination]);
  const [packed] = JSON.parse(stdout) as { filename: string; size: number; files: { path: string }[] }[];
  if (!packed) throw new Error(`npm pack printed nothing: ${stdout}`);
  return {
    tarball: path.join(destination, path.basename(packed.filename)),
    size: packed.size,
    files: packed.files.map((f) => f.path),
  };
}

/**
 * tsconfig.json as the `typescript` template of `pulumi new` writes it, plus skipLibCheck.
 * GOTCHA: zod 4's declaration files (reached through this package's client types) fail `tsc`
 * without esModuleInterop or skipLibCheck (63 errors, all in zod/v4/locales/index.d.cts;
 * colinhacks/zod#5160). `pulumi up` type-checks only the program's own files, so it runs either way;
 * a plain `tsc` needs the flag, and the README says so.
 */
const TSCONFIG = {
  compilerOptions: {
    skipLibCheck: true,
    strict: true,
    outDir: "bin",
    target: "es2020",
    module: "commonjs",
    moduleResolution: "node",
    sourceMap: true,
    experimentalDecorators: true,
    pretty: true,
    noFallthroughCasesInSwitch: true,
    noImplicitReturns: true,
    forceConsistentCasingInFileNames: true,
  },
  files: ["index.ts"],
};

export class ConsumerProject {
  readonly dir: string;
  readonly name = "ccm-consumer";

  private constructor(readonly root: string) {
    this.dir = path.join(root, this.name);
  }

  /**
   * A fresh project in a temporary directory with `program` (a file of this repository) as its
   * index.ts and this package installed from `tarball` beside @pulumi/pulumi@USER_SDK_VERSION.
   */
  static async create(tarball: string, program: string): Promise<ConsumerProject> {
    const project = new ConsumerProject(mkdtempSync(path.join(tmpdir(), "ccm-consumer-")));
    mkdirSync(project.dir);
    const write = (name: string, text: string) => writeFileSync(path.join(project.dir, name), text);
    write(
      "Pulumi.yaml",
      `name: ${project.name}\nruntime:\n  name: nodejs\n  options:\n    packagemanager: npm\ndescription: A user's project\n`,
    );
    write("tsconfig.json", `${JSON.stringify(TSCONFIG, null, 4)}\n`);
    write(
      "package.json",
      `${JSON.stringify(
        {
          name: project.name,
          main: "index.ts",
          devDependencies: { "@types/node": "^24", typescript: "^5" },
          dependencies: { "@pulumi/pulumi": USER_SDK_VERSION },
        },
        null,
        4,
      )}\n`,
    );
    cpSync(path.join(repoRoot, program), path.join(project.dir, "index.ts"));
    // The README's install line, with the tarball standing in for the registry's copy.
    await npm(project.dir, ["install", "--prefer-offline", "--no-audit", "--no-fund", tarball]);
    return project;
  }

  npm(args: string[]): Promise<{ stdout: string; stderr: string }> {
    return npm(this.dir, args);
  }

  /** `tsc` of the project's own TypeScript (CommonJS into bin/), as the language host would. */
  async compile(): Promise<void> {
    try {
      await execFileAsync(path.join(this.dir, "node_modules/.bin/tsc"), ["-p", "."], { cwd: this.dir });
    } catch (error) {
      const e = error as Error & { stdout?: string };
      throw new Error(`tsc failed in the user's project:\n${e.stdout ?? e.message}`);
    }
  }

  /** Runs a CommonJS script in the project directory (its node_modules resolve) with `node flags`. */
  async node(flags: string[], script: string): Promise<{ stdout: string; stderr: string; code: number }> {
    try {
      const { stdout, stderr } = await execFileAsync(process.execPath, [...flags, "-e", script], { cwd: this.dir });
      return { stdout, stderr, code: 0 };
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string; code?: number };
      return { stdout: e.stdout ?? "", stderr: e.stderr ?? "", code: typeof e.code === "number" ? e.code : 1 };
    }
  }

  /**
   * A copy of scripts/pulumi-stack.mjs (and its modules) inside the project: it loads the
   * Automation API from the project's node_modules, so the program, the engine's language server
   * and the dynamic-provider host all use the project's one SDK copy.
   */
  installRunner(): string {
    const runner = path.join(this.dir, "pulumi-stack.mjs");
    cpSync(path.join(repoRoot, "scripts/pulumi-stack.mjs"), runner);
    cpSync(path.join(repoRoot, "scripts/pulumi-stack"), path.join(this.dir, "pulumi-stack"), { recursive: true });
    return runner;
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/**
 * The Node language host where the CLI looks for it — beside itself or on PATH — if anywhere (then
 * `pulumi up` in a directory works as it does for users; scripts/pulumi-stack.mjs checks the same).
 */
export function findLanguageHost(): string | undefined {
  const root = process.env.CCM_PULUMI_ROOT;
  const searchPath = [...(root ? [path.join(root, "bin")] : []), process.env.PATH ?? ""].join(path.delimiter);
  const dir = onPath("pulumi-language-nodejs", searchPath);
  return dir === undefined ? undefined : path.join(dir, "pulumi-language-nodejs");
}
