// Zip archives for the compressed export (`is_compressed: "true"`), written with fflate.
import { strToU8, zipSync } from "fflate";
import { PkiInputError } from "./errors.js";

/** Builds a zip of the given files (text is stored as UTF-8), in the order given, deflated. */
export function buildZip(files: Record<string, string | Uint8Array>): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [name, content] of Object.entries(files)) {
    if (name.length === 0 || name.startsWith("/") || name.split("/").includes("..")) {
      throw new PkiInputError("zip entry names must be relative paths without '..'");
    }
    if (typeof content === "string") entries[name] = strToU8(content);
    else if (content instanceof Uint8Array) entries[name] = content;
    else throw new PkiInputError("zip entry content must be a string or a Uint8Array");
  }
  return zipSync(entries, { level: 6 });
}
