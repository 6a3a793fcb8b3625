#!/usr/bin/env bash
# `npm ci` / `npm install` / `npm pack` hook: compile the provider to dist/ and the ccm-emulator
# workspace to emulator/dist/, then let programs inside this repository load the package by name.
# The dynamic-provider host resolves `pulumi-huaweicloud-ccm/runtime` from the program's directory
# through node_modules, exactly as in a user's project; in this repository the package is not its
# own dependency, so a link stands in for it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# From scratch: a module removed from the sources must not linger in dist/ and ship in a pack.
rm -rf dist/provider dist/runtime emulator/dist
bash scripts/build.sh
if [[ -d node_modules && ! -e node_modules/pulumi-huaweicloud-ccm ]]; then
  ln -s .. node_modules/pulumi-huaweicloud-ccm
fi
