// The dynamic-provider host's memory. On a machine with much memory (24 GB here), V8 lets the
// young generation grow to 128 MB (two 64 MB semi-spaces), and the host's traffic — every check,
// diff and create decodes the resource's whole state from protobuf — makes it grow all the way: at
// 1,000 resource pairs that was 128 of the host's 339 MB peak in a no-change preview
// (bench/provider.mjs --scale), with or without our handlers. V8 reads its growth factor at each
// resize, so setting it to 1 when the runtime first runs keeps the young generation at the size the
// host's start-up left it; the heap's limits themselves can only be set when a process starts,
// which the engine does, not us.
//
// The smaller scavenges cost no CPU; the before/after figures are in docs/performance.md.
//
// A user who sets a semi-space flag of their own (NODE_OPTIONS=--max-semi-space-size=…, which the
// engine passes on to the host) keeps it: then nothing here runs.
import { setFlagsFromString } from "node:v8";

const USER_SETTING = /semi[-_]space/;

let settled = false;

/** True when the process was started with a young-generation setting of the user's own. */
export function userSetsYoungGeneration(nodeOptions: string, execArgv: readonly string[]): boolean {
  return USER_SETTING.test(nodeOptions) || execArgv.some((arg) => USER_SETTING.test(arg));
}

/** Once per process, before the first handler runs: stop the young generation from growing. */
export function keepYoungGenerationSmall(): void {
  if (settled) return;
  settled = true;
  if (userSetsYoungGeneration(process.env.NODE_OPTIONS ?? "", process.execArgv)) return;
  setFlagsFromString("--semi-space-growth-factor=1");
}
