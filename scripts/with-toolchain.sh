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

if [[ "$want" == "pulumi" ]]; then
  pulumi_bin="$(ccm_ensure_pulumi "$(ccm_pulumi_version "$node_bin")")"
  export PATH="$pulumi_bin:$PATH"
  # The e2e harness and the demo find the CLI here (Automation API PulumiCommand.get({ root })).
  export CCM_PULUMI_ROOT="$(dirname "$pulumi_bin")"
  # Never phone home, never touch the user's own ~/.pulumi: each run gets its own home below.
  export PULUMI_SKIP_UPDATE_CHECK=true
  export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
fi

exec "$@"
