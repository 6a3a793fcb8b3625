// Types of pe-signature.mjs for the TypeScript test that imports it (test/plugin/archive-verify.test.ts).
export function removePeSignature(file: string): number;
export function hasPeSignature(file: string): boolean;
