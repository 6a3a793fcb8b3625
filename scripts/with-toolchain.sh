#!/usr/bin/env bash
# Runs a command under this project's toolchain:
#   bash scripts/with-toolchain.sh node   -- <cmd...>   Node >= 22 first on PATH
#   bash scripts/with-toolchain.sh pulumi -- <cmd...>   the same, plus the matching Pulumi CLI
# Every npm script goes through here, so a machine with an older Node still runs everything on
# Node 24 (installed once into the cache by scripts/toolchain.sh).
set -euo pipefail
# shellcheck source=scripts/toolchain.sh
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"

want="${1:-}"
shift || true
[[ "${1:-}" == "--" ]] && shift
[[ $# -gt 0 ]] || ccm_die "usage: with-toolchain.sh node|pulumi -- <command...>"

node_bin="$(ccm_ensure_node)"
export PATH="$node_bin:$CCM_REPO_ROOT/node_modules/.bin:$PATH"
# Node's on-disk compile cache (keyed by file content and Node version, so never stale): every
# operation starts fresh Node processes — the runner, the dynamic-provider host — that each load
# @pulumi/pulumi, 0.58 s of CPU without it, 0.36 s with it.
export NODE_COMPILE_CACHE="${NODE_COMPILE_CACHE:-$CCM_CACHE_DIR/node-compile-cache}"

if [[ "$want" == "pulumi" ]]; then
  pulumi_version="$(ccm_pulumi_version "$node_bin")"
  pulumi_bin="$(ccm_ensure_pulumi "$pulumi_version")"
  export PATH="$pulumi_bin:$PATH"
  # The e2e harness and the demo find the CLI here, and its version, which spares every run a
  # `pulumi version` (scripts/pulumi-stack.mjs).
  export CCM_PULUMI_ROOT="$(dirname "$pulumi_bin")"
  export CCM_PULUMI_VERSION="$pulumi_version"
  # Never phone home, never touch the user's own ~/.pulumi: each run gets its own home below.
  export PULUMI_SKIP_UPDATE_CHECK=true
  export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
fi

exec "$@"
