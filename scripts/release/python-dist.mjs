// The Python SDK's sdist and wheel, built with PyPA's `build` in a virtual environment kept in the
// toolchain's cache (made once from PyPI, like the toolchain itself), without build isolation so a
// build needs no network once the cache exists.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

const BUILD_TOOLS = ["build==1.3.0", "setuptools==80.9.0", "wheel==0.45.1"];

function buildVenv(cacheDir) {
  const venv = path.join(cacheDir, "release-python", BUILD_TOOLS.join("+").replace(/[=]/g, ""));
  const python = path.join(venv, "bin/python");
  if (!existsSync(python)) {
    execFileSync("python3", ["-m", "venv", venv], { stdio: "inherit" });
    execFileSync(python, ["-m", "pip", "install", "--quiet", ...BUILD_TOOLS], { stdio: "inherit" });
  }
  return python;
}

/** Builds sdist + wheel of the SDK in `sdkDir` into `outDir`; resolves to their paths. */
export function pythonDistributions({ sdkDir, outDir, cacheDir }) {
  const before = new Set(existsSync(outDir) ? readdirSync(outDir) : []);
  execFileSync(
    buildVenv(cacheDir),
    ["-m", "build", "--sdist", "--wheel", "--no-isolation", "--outdir", outDir, sdkDir],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  return readdirSync(outDir)
    .filter((name) => !before.has(name) && /\.(whl|tar\.gz)$/.test(name))
    .map((name) => path.join(outDir, name));
}
