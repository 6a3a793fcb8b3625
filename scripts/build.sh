#!/usr/bin/env bash
# Compiles everything the package and the tests load: the provider (tsc → dist/provider), the
# ccm-emulator workspace (tsc → emulator/dist) and the host's one-file runtime entry
# (rolldown → dist/runtime, see rolldown.config.mjs).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
tsc -p tsconfig.build.json
tsc -p emulator
rolldown -c rolldown.config.mjs --logLevel warn >/dev/null
