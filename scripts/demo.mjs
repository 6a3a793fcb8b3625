#!/usr/bin/env node
// `npm run demo`: until the CCM demo stack exists, drive the smoke stack through the real engine.
import { execFileSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
execFileSync(
  process.execPath,
  [
    path.join(root, "scripts/pulumi-stack.mjs"),
    "up",
    "preview-no-changes",
    "destroy",
    "--program",
    "test/programs/smoke",
  ],
  { cwd: root, stdio: "inherit" },
);
