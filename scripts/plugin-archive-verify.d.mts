// Types of plugin-archive-verify.mjs for the TypeScript test that imports it (test/plugin/archive-verify.test.ts).
export function verifyArchive(archive: string, target: string, executableName: string, fuse: string): number;
