// Every release artefact in one command (`npm run release -- --version X`), into dist/release/vX:
//   pulumi-huaweicloud-ccm-X.tgz, ccm-emulator-X.tgz   npm tarballs, package.json without dev scripts
//   pulumi_huaweicloud_ccm-X.tar.gz, …-py3-none-any.whl the Python SDK's sdist and wheel
//   pulumi-resource-huaweicloud-ccm-vX-<os>-<arch>.tar.gz the plugin archives (scripts/plugin-archive.mjs)
//   pulumi-huaweicloud-ccm-go-sdk-vX.tar.gz            the Go SDK (sdk/go/huaweicloudccm, module --go-module)
//   schema.json, SHA256SUMS                            the release's schema; checksums of all the above
// and a CHANGELOG entry. The committed schema.json and sdk/ stay as they are: the release's schema
// (version X, --plugin-download-url, --go-module) is generated beside them.
//
//   node scripts/release.mjs --version X --plugin-download-url URL --go-module PATH
//     [--targets all|linux-amd64,…] [--out dir] [--changelog file]
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildArchive, bundlePlugin, TARGETS } from "./plugin-archive.mjs";
import { addChangelogEntry, changelogEntry } from "./release/changelog.mjs";
import { releaseTarball } from "./release/npm-tarball.mjs";
import { pythonDistributions } from "./release/python-dist.mjs";

const root = path.resolve(import.meta.dirname, "..");
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

const { values } = parseArgs({
  options: {
    version: { type: "string" },
    "plugin-download-url": { type: "string" },
    "go-module": { type: "string" },
    targets: { type: "string", default: "all" },
    out: { type: "string" },
    changelog: { type: "string", default: path.join(root, "CHANGELOG.md") },
  },
});
// A release names where its plugin and Go SDK live: without them the engine cannot download the
// plugin and no Go program can require the SDK (package.json names no repository to derive them from).
if (!values.version || !SEMVER.test(values.version) || !values["plugin-download-url"] || !values["go-module"]) {
  console.error(
    "usage: npm run release -- --version X.Y.Z --plugin-download-url URL --go-module PATH [--targets …] [--out dir]\n" +
      "  e.g. --plugin-download-url github://api.github.com/<org>/<repo> --go-module github.com/<org>/<repo>/sdk/go/huaweicloudccm",
  );
  process.exit(2);
}
const version = values.version;
const out = path.resolve(values.out ?? path.join(root, "dist/release", `v${version}`));
const cacheDir =
  process.env.PULUMI_CCM_CACHE_DIR ??
  path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"), "pulumi-huaweicloud-ccm");

async function step(label, run) {
  const started = Date.now();
  const result = await run();
  process.stderr.write(`[release] ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  return result;
}
// The package's own tools (tsc, rolldown, biome) as under `npm run`.
const PATH = [path.join(root, "node_modules/.bin"), process.env.PATH].join(path.delimiter);
const sh = (command, args, env = {}) =>
  execFileSync(command, args, {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, PATH, ...env },
  });

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const work = path.join(out, ".work");

await step("build", () => sh("bash", ["scripts/build.sh"]));
const schema = path.join(out, "schema.json");
await step("schema", () => {
  const release = ["--plugin-download-url", values["plugin-download-url"], "--go-module", values["go-module"]];
  sh(process.execPath, ["scripts/gen-schema.mjs", "--version", version, ...release, "--out", schema]);
});
const sdk = path.join(work, "sdk");
await step("SDKs", () => sh("bash", ["scripts/gen-sdk.sh", sdk], { CCM_SCHEMA: schema }));
await step("Go SDK", () => {
  const tarball = path.join(out, `pulumi-huaweicloud-ccm-go-sdk-v${version}.tar.gz`);
  // Laid out as in the repository: the module sits at sdk/go/huaweicloudccm (its tag: sdk/go/huaweicloudccm/vX).
  sh("tar", ["-czf", tarball, "--owner=0", "--group=0", "--numeric-owner", "-C", sdk, "go/huaweicloudccm"]);
});
await step("Python sdist + wheel", () =>
  pythonDistributions({ sdkDir: path.join(sdk, "python"), outDir: out, cacheDir }),
);
await step("npm tarballs", () => {
  releaseTarball({ dir: root, version, outDir: out, replace: { "schema.json": schema } });
  releaseTarball({ dir: root, workspace: "ccm-emulator", version, outDir: out });
});
bundlePlugin();
const targets = values.targets === "all" ? Object.keys(TARGETS) : values.targets.split(",");
for (const target of targets) {
  await step(`plugin ${target}`, () => buildArchive({ version, target, outDir: out, schemaFile: schema }));
}
rmSync(work, { recursive: true, force: true });

const artefacts = readdirSync(out).filter((name) => !name.startsWith("."));
const sums = artefacts.map((name) => {
  const hash = createHash("sha256")
    .update(readFileSync(path.join(out, name)))
    .digest("hex");
  return `${hash}  ${name}\n`;
});
writeFileSync(path.join(out, "SHA256SUMS"), sums.join(""));
const date = new Date().toISOString().slice(0, 10);
const added = addChangelogEntry(values.changelog, version, changelogEntry({ root, version, date, artefacts }));
process.stderr.write(
  `[release] CHANGELOG ${added ? "entry added" : "already has this version"}: ${values.changelog}\n`,
);
for (const name of [...artefacts, "SHA256SUMS"]) {
  process.stdout.write(`${JSON.stringify({ name, bytes: statSync(path.join(out, name)).size })}\n`);
}
