#!/usr/bin/env bash
# Finds or makes the Python virtual environment the Python tests and bench run in: `pulumi` from PyPI
# at the CLI's own version, the generated SDK installed from sdk/python with `pip install` as a user
# installs it, and mypy (pinned) to check the example's types. Cached outside the repository like the
# CLI, keyed by the Pulumi version and a hash of sdk/python, so a regenerated SDK gets a fresh one.
#
#   bash scripts/python-env.sh     -> prints the venv's bin dir (python, pip, mypy)
set -euo pipefail
# shellcheck source=scripts/toolchain.sh
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"

CCM_MYPY_VERSION="${CCM_MYPY_VERSION:-1.19.1}"

python="$(command -v python3 || true)"
[[ -n "$python" ]] || ccm_die "python3 (>= 3.9, with the venv module) is needed for the Python SDK tests"
"$python" -c 'import sys, venv; sys.exit(sys.version_info < (3, 9))' ||
  ccm_die "$("$python" --version) is too old or lacks the venv module: the SDK needs Python >= 3.9"

node_bin="$(ccm_ensure_node)"
version="$(ccm_pulumi_version "$node_bin")"
# Every file of the SDK, by name and content: any change to it (npm run sdk) makes a new venv.
sdk_hash="$(ccm_tree_hash "$CCM_REPO_ROOT/sdk/python" ! -path '*/__pycache__/*')"
key="pulumi-$version-sdk-$sdk_hash-mypy-$CCM_MYPY_VERSION-$("$python" -c 'import sys; print("py%d.%d" % sys.version_info[:2])')"
venv="$CCM_CACHE_DIR/python/$key"

make_venv() {
  start=$SECONDS
  ccm_log "making the Python venv $key (pulumi==$version from PyPI, sdk/python, mypy) -> $venv"
  # A venv records its own path in its scripts, so it is made in place (not moved there).
  rm -rf "$venv"
  "$python" -m venv "$venv"
  # pip builds a local directory in place (build/, *.egg-info): build a copy, never the checkout.
  # (src is global: the EXIT trap removes it when the script ends.)
  src="$(mktemp -d)"
  trap 'rm -rf "$src"' EXIT
  cp -r "$CCM_REPO_ROOT/sdk/python" "$src/sdk"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "pulumi==$version" "mypy==$CCM_MYPY_VERSION" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check "$src/sdk" >&2
  "$venv/bin/python" -c 'import pulumi_huaweicloud_ccm' || ccm_die "the installed SDK does not import"
  ccm_log "made the Python venv in $((SECONDS - start)) s"
}

ccm_make_once python "$venv/.ready" make_venv
echo "$venv/bin"
