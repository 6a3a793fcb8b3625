// The program scripts/pulumi-stack.mjs runs: inline, evaluated in its process afresh for every
// operation; or, with --in-directory, a copy of its directory for the Node language host.
import { accessSync, constants, cpSync, existsSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

/**
 * The inline program: every call imports it afresh, because a Pulumi program registers its
 * resources as a side effect of being evaluated, and ESM caches modules by URL (CommonJS by file
 * name: those entries are dropped from require's cache, the program's own files only, never its
 * node_modules).
 */
export function inlineProgram(programDir, entryName = "index.ts") {
  let evaluation = 0;
  const entryFile = path.join(programDir, entryName);
  const entry = pathToFileURL(entryFile).href;
  const requireFromProgram = createRequire(entryFile);
  return async () => {
    evaluation += 1;
    if (/\.c?js$/.test(entryFile)) {
      for (const file of Object.keys(requireFromProgram.cache)) {
        if (file.startsWith(programDir + path.sep) && !file.includes(`${path.sep}node_modules${path.sep}`)) {
          delete requireFromProgram.cache[file];
        }
      }
      return { ...requireFromProgram(entryFile) };
    }
    const exports = await import(`${entry}?run=${evaluation}`);
    return { ...exports };
  };
}

/** Whether the CLI at `pulumi` finds the Node language host: it looks beside itself and on PATH. */
export function languageHostFound(pulumi) {
  const dirs = [path.dirname(pulumi), ...(process.env.PATH ?? "").split(path.delimiter)];
  return dirs.some((dir) => {
    if (!dir) return false;
    try {
      accessSync(path.join(dir, "pulumi-language-nodejs"), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * The program's directory as the CLI sees it with --in-directory: its files (node_modules aside),
 * the package.json that gives it its module type when the program has none of its own, and a
 * node_modules link to the one its imports resolve from, so the program runs as it would in place.
 * Refreshed whenever the runner starts; the stack's own Pulumi.<stack>.yaml beside them stays.
 */
export function programCopy(programDir, dir) {
  cpSync(programDir, dir, { recursive: true, filter: (source) => path.basename(source) !== "node_modules" });
  const packageJson = nearestAbove(programDir, "package.json");
  if (path.dirname(packageJson) !== programDir) cpSync(packageJson, path.join(dir, "package.json"));
  const link = path.join(dir, "node_modules");
  if (!existsSync(link)) symlinkSync(nearestAbove(programDir, "node_modules"), link, "dir");
  return dir;
}

/** `name` in `dir` or the closest directory above it that has one, as Node's resolution finds it. */
function nearestAbove(dir, name) {
  let candidate = dir;
  while (!existsSync(path.join(candidate, name)) && path.dirname(candidate) !== candidate) {
    candidate = path.dirname(candidate);
  }
  return path.join(candidate, name);
}
