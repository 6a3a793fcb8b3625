#!/usr/bin/env node
// The `ccm-emulator` command. A committed entry point rather than dist/cli.js itself: npm links bins
// while installing, before this repository's `prepare` has compiled dist/, and skips missing targets.
require("../dist/cli.js");
