// A describe block's emulator with stacks pointed at it, beyond useEmulatorStack (emulator.ts, one
// stack whose options are known before the emulator starts): one stack whose options depend on what
// the emulator holds first (a root CA, an SCM certificate, an SMS task made behind Pulumi's back),
// or as many stacks as the tests make.
import { afterAll, beforeAll } from "vitest";
import type { EmulatorOptions } from "../../emulator/index.js";
import { type EmulatorStack, type TestEmulator, useTestEmulator } from "./emulator.js";
import type { TestStack, TestStackOptions } from "./stack.js";

/**
 * The emulator started in beforeAll, then `prepare` run against it for the stack's options; in
 * afterAll the faults a test armed are cleared, so that none meets the stack's disposal, the stack
 * is disposed, then (after hooks run in reverse) the emulator closed.
 */
export function usePreparedStack(
  prepare: (emulator: TestEmulator) => Promise<TestStackOptions> | TestStackOptions,
  emulatorOptions: EmulatorOptions = {},
): EmulatorStack {
  const setup = useTestEmulator(emulatorOptions);
  let stack: TestStack | undefined;
  beforeAll(async () => {
    stack = setup.emulator.stack(await prepare(setup.emulator));
  });
  afterAll(async () => {
    if (!stack) return;
    await setup.emulator.setFaults([]).catch(() => undefined);
    await stack.dispose();
  });
  return {
    get emulator() {
      return setup.emulator;
    },
    get stack() {
      if (!stack) throw new Error("usePreparedStack makes the stack in beforeAll: read it inside tests and hooks only");
      return stack;
    },
  };
}

export interface EmulatorStacks {
  readonly emulator: TestEmulator;
  /** A new stack pointed at the emulator, disposed in afterAll. */
  stack(options: TestStackOptions): TestStack;
}

/** The emulator started in beforeAll; every stack the tests make disposed in afterAll, then the emulator closed. */
export function useEmulatorStacks(emulatorOptions: EmulatorOptions = {}): EmulatorStacks {
  const setup = useTestEmulator(emulatorOptions);
  const stacks: TestStack[] = [];
  afterAll(async () => {
    for (const stack of stacks) await stack.dispose();
  });
  return {
    get emulator() {
      return setup.emulator;
    },
    stack(options) {
      const stack = setup.emulator.stack(options);
      stacks.push(stack);
      return stack;
    },
  };
}
