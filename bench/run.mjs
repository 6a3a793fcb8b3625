// `npm run bench`: builds dist/ (so the benches measure the code as it is), then runs the benches
// one after the other, each in its own process so one's heap and sockets do not colour the next.
//
//   npm run bench                                  both: emulator-issuance, then provider
//   npm run bench -- --pairs 10                    both; the flags go to the provider bench
//   npm run bench -- provider --pairs 20 --repeats 1
//   npm run bench -- emulator-issuance --seconds 3
import { execFileSync } from "node:child_process";
import path from "node:path";

const BENCHES = {
  "emulator-issuance": "bench/emulator-issuance.mjs",
  provider: "bench/provider.mjs",
};
const repoRoot = path.resolve(import.meta.dirname, "..");
const [first, ...rest] = process.argv.slice(2);
const chosen = first !== undefined && first in BENCHES ? [first] : Object.keys(BENCHES);
const flags = first !== undefined && first in BENCHES ? rest : process.argv.slice(2);

const run = (file, args) => execFileSync(process.execPath, [file, ...args], { cwd: repoRoot, stdio: "inherit" });

run(path.join(repoRoot, "node_modules/typescript/bin/tsc"), ["-p", "tsconfig.build.json"]);
for (const name of chosen) {
  // With both, the flags belong to the provider bench; the issuance bench runs on its defaults.
  run(BENCHES[name], chosen.length === 1 || name === "provider" ? flags : []);
}
