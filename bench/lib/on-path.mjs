// Which executables a PATH holds decides how a bench or test runs a program (through the CLI in its
// directory, as users do, when the language host is on PATH; inline otherwise) and proves what a
// test's environment lacks (no node beside a standalone plugin). One lookup for all of them.
import { accessSync, constants } from "node:fs";
import path from "node:path";

/** The directories of `searchPath` (PATH's form; PATH itself by default) that hold an executable `name`. */
export function executablesOnPath(name, searchPath = process.env.PATH ?? "") {
  return searchPath.split(path.delimiter).filter((dir) => {
    try {
      accessSync(path.join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The first directory of `searchPath` (PATH by default) holding an executable `name`, if any. */
export function onPath(name, searchPath) {
  return executablesOnPath(name, searchPath)[0];
}
