// Which language hosts are installed decides how a bench or test runs a program: through the CLI in
// its directory, as users do, when the host is on PATH, inline otherwise. One lookup for both.
import { accessSync, constants } from "node:fs";
import path from "node:path";

/** The directory on PATH (or `searchPath`, in PATH's form) holding an executable `name`, if any. */
export function onPath(name, searchPath = process.env.PATH ?? "") {
  return searchPath.split(path.delimiter).find((dir) => {
    try {
      accessSync(path.join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
