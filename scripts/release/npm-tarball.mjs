// An npm tarball as the registry should get it: packed from the built package, then packed again
// with a package.json that carries the release's version and nothing for development — no scripts
// (npm 11 asks every user who installs a package with a `prepare` script to allow it), no
// devDependencies, no workspaces.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** Development-only fields dropped from the published package.json. */
const DEVELOPMENT_FIELDS = ["scripts", "devDependencies", "workspaces"];

/** The package.json a user installs: `version` set, development fields gone. */
export function publishedManifest(manifest, version) {
  const published = { ...manifest, version };
  for (const field of DEVELOPMENT_FIELDS) delete published[field];
  return published;
}

function pack(args, cwd, destination) {
  const out = execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", destination, ...args], {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  return path.join(destination, JSON.parse(out)[0].filename);
}

/**
 * Packs the package in `dir` (or workspace `workspace` of `dir`), built beforehand; `replace` maps
 * paths inside the package to files that take their place (the release's schema.json). Resolves
 * to the tarball's path in `outDir`.
 */
export function releaseTarball({ dir, workspace, version, outDir, replace = {} }) {
  const work = mkdtempSync(path.join(os.tmpdir(), "ccm-release-npm-"));
  try {
    const first = pack(workspace ? ["--workspace", workspace] : [], dir, work);
    execFileSync("tar", ["-xzf", first, "-C", work]);
    const packageDir = path.join(work, "package");
    const manifestFile = path.join(packageDir, "package.json");
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
    writeFileSync(manifestFile, `${JSON.stringify(publishedManifest(manifest, version), null, 2)}\n`);
    for (const [inside, file] of Object.entries(replace)) copyFileSync(file, path.join(packageDir, inside));
    return pack([packageDir], work, outDir);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
