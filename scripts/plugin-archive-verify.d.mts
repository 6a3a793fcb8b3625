// Types of plugin-archive-verify.mjs for the TypeScript tests that import it.
export function verifyArchive(archive: string, target: string, executableName: string, fuse: string): number;
/** What macOS would refuse in a Mach-O plugin executable; empty when nothing. */
export function machoProblems(binary: Buffer): string[];
/** The SEA blob in a Mach-O executable's NODE_SEA segment, if any. */
export function machoSeaBlob(binary: Buffer): Buffer | undefined;
