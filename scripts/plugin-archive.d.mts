// Types of plugin-archive.mjs for the TypeScript tests that import it.
export const PLUGIN_NAME: string;
/** The path of `target`'s official Node binary of `nodeVersion`, fetched once into the cache. */
export function officialNodeBinary(target: string, nodeVersion: string): string;
/** Injects a SEA blob into the executable at `executable`, in place. */
export function injectBlob(executable: string, blob: Buffer): Promise<void>;
/** How each target's archive is made: its npm package, the executable's name, its own Node version if any. */
export const TARGETS: Record<
  string,
  { npmPackage: string; binary: string; exe: string; host: string; nodeVersion?: string }
>;
