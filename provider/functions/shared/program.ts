// The TypeScript forms of a function, run in the program's own process (the dynamic-provider
// package has no plugin to invoke): a promise form, and an Output form that waits for its
// arguments — at a preview with unknown arguments it makes no call and its result stays unknown,
// as Pulumi's own `…Output` functions do. Credentials come from the stack's huaweicloud-ccm
// config (then the environment) when the call runs, like the resources'.
import * as pulumi from "@pulumi/pulumi";
import { createClient } from "../../client/index.js";
import { CONFIG_NAMESPACE, CONFIG_SETTINGS } from "../../config.js";
import { CcmInvalidArgumentError } from "../../errors.js";
import { type HandlerContext, SYSTEM_CLOCK } from "../../kernel/context.js";
import type { FunctionDeclaration } from "./declaration.js";

/** A function's arguments, each of which may be an Output. */
export type InputArgs<T> = { [K in keyof T]: pulumi.Input<T[K]> };

function programConfig(): Record<string, string | undefined> {
  const config: Record<string, string | undefined> = {};
  for (const { key } of CONFIG_SETTINGS) {
    const name = `${CONFIG_NAMESPACE}:${key}`;
    const value = pulumi.runtime.getConfig(name);
    if (value !== undefined) config[name] = value;
  }
  return config;
}

function programContext(): HandlerContext {
  return {
    client: createClient(programConfig(), process.env),
    clock: SYSTEM_CLOCK,
    log: { warn: async (message) => pulumi.log.warn(message) },
  };
}

export async function invokeInProgram<Args, Result>(
  declaration: FunctionDeclaration<string, Result>,
  args: Args,
): Promise<Result> {
  const outcome = await declaration.invoke(programContext(), { ...(args ?? {}) });
  if (outcome.failures) {
    throw new CcmInvalidArgumentError(
      `${declaration.name} arguments`,
      outcome.failures.map((f) => (f.property ? `${f.property}: ${f.reason}` : f.reason)),
    );
  }
  return outcome.result;
}

export function invokeOutput<Args, Result>(
  declaration: FunctionDeclaration<string, Result>,
  args: InputArgs<Args>,
): pulumi.Output<Result> {
  return pulumi
    .output(args)
    .apply((resolved) => invokeInProgram(declaration, resolved as Args)) as pulumi.Output<Result>;
}
