// scripts/pulumi-stack.mjs --serve: one process for a stack's whole life, as a program driving the
// Automation API has. Each line on stdin is a command — `{ ops, env, config, secrets }`: the
// operations, the environment they run under (on top of the one the process started with), config
// to set first — answered by one line on stdout, `{ results }` or `{ error }`, with `log`, what the
// engine printed meanwhile. The e2e harness runs its stacks this way (test/harness/runner-session.ts):
// a fresh process per operation costs a Node start and a load of the Automation API each time
// (0.4 s of CPU), for nothing the engine sees — it starts the CLI and the dynamic-provider host
// afresh for every operation either way.
import { createInterface } from "node:readline";

/**
 * Answers commands until stdin closes, one at a time: `run(ops, config, log)` sets the config (the
 * Automation API's `{ value, secret }` entries) and runs the operations, writing what the engine
 * prints to `log`; `describeError` turns a failure into text.
 */
export async function serve(run, describeError) {
  const startEnv = { ...process.env };
  for await (const line of createInterface({ input: process.stdin })) {
    const command = JSON.parse(line);
    for (const key of Object.keys(process.env)) if (!(key in startEnv)) delete process.env[key];
    Object.assign(process.env, startEnv, command.env);
    let printed = "";
    const log = (text) => {
      printed += text;
    };
    const entries = (values, secret) => Object.entries(values ?? {}).map(([key, value]) => [key, { value, secret }]);
    const config = Object.fromEntries([...entries(command.config, false), ...entries(command.secrets, true)]);
    const answer = await run(command.ops, config, log).then(
      (results) => ({ results }),
      (error) => ({ error: describeError(error) }),
    );
    process.stdout.write(`${JSON.stringify({ ...answer, log: printed })}\n`);
  }
}
