#!/usr/bin/env bash
# Compiles everything the package and the tests load: the provider (tsc → dist/provider), the
# ccm-emulator workspace (tsc → emulator/dist) and the host's one-file runtime entry
# (rolldown → dist/runtime, see rolldown.config.mjs).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# tsc never deletes: a moved or removed source would leave its old output (and source map) behind
# in the package.
rm -rf dist/provider dist/runtime
tsc -p tsconfig.build.json
tsc -p emulator
rolldown -c rolldown.config.mjs --logLevel warn >/dev/null
