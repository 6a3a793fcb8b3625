// A failed call reaches the user once: as the resource's own error, which the engine prints from
// the message the call failed with (a CcmApiError's holds the status, error code, request id and
// hint). The JavaScript stack is for whoever asks for it: CCM_STACK_TRACES=1 (or CCM_DEBUG=1,
// which asks for everything), or `pulumi --logflow -v=<n>`, which passes -v=<n> on to the
// provider's process.
//
// GOTCHA: @pulumi/pulumi's dynamic-provider host (cmd/dynamic-provider) runs
// console.error(`${e}: ${e.stack}`) when check, diff, read or delete throw (create and update
// answer through grpcResponseFromError, which prints nothing), and the engine lists every line a
// provider writes to stderr under the stack's diagnostics: the message twice, then the stack in
// dist/runtime/index.cjs. No property of the error can make that line blank (": " stays), so the
// runtime notes the exact line the host is about to print, and a filter on console.error drops
// that line and no other.

/** Set to 1 (or true) to get the stack of every failed call in the CLI's output. */
export const STACK_TRACES_ENV = "CCM_STACK_TRACES";
/** The HTTP debug lines' switch (client/transport.ts): whoever debugs wants the stacks too. */
const DEBUG_ENV = "CCM_DEBUG";

/** The dynamic-provider host's methods whose errors it prints itself. */
const HOST_PRINTS = new Set(["check", "diff", "read", "delete"]);
/** Lines expected from the host; bounded, as a line the host never prints is never taken out. */
const expectedHostLines = new Set<string>();
const MAX_EXPECTED = 32;

let frontEnd: "dynamic" | "plugin" = "dynamic";
let filterInstalled = false;

/** The native plugin answers errors itself (provider/plugin/server.ts): no host prints them. */
export function reportFailuresAsPlugin(): void {
  frontEnd = "plugin";
}

export function stackTracesWanted(
  env: Readonly<Record<string, string | undefined>> = process.env,
  argv: readonly string[] = process.argv,
): boolean {
  const on = (name: string) => ["1", "true"].includes((env[name] ?? "").trim().toLowerCase());
  if (on(STACK_TRACES_ENV) || on(DEBUG_ENV)) return true;
  return argv.some((arg) => /^--?v=[1-9]\d*$/.test(arg));
}

/** Called by dispatch with every error a call throws, just before it goes back to the engine. */
export function reportFailure(method: string, error: unknown): void {
  if (typeof error !== "object" || error === null) return;
  const hostPrints = frontEnd === "dynamic" && HOST_PRINTS.has(method);
  if (stackTracesWanted()) {
    // Asked for: the host prints its own line; otherwise nobody would, so print it here.
    if (!hostPrints) console.error(stackOf(error));
    return;
  }
  if (hostPrints) expectHostLine(`${String(error)}: ${(error as { stack?: unknown }).stack}`);
}

function stackOf(error: object): string {
  const stack = (error as { stack?: unknown }).stack;
  return typeof stack === "string" ? stack : String(error);
}

function expectHostLine(line: string): void {
  installFilter();
  expectedHostLines.add(line);
  if (expectedHostLines.size > MAX_EXPECTED) {
    const oldest = expectedHostLines.values().next();
    if (!oldest.done) expectedHostLines.delete(oldest.value);
  }
}

function installFilter(): void {
  if (filterInstalled) return;
  filterInstalled = true;
  const print = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    if (args.length === 1 && typeof args[0] === "string" && expectedHostLines.delete(args[0])) return;
    print(...args);
  };
}
