#!/usr/bin/env bash
# Finds or builds the YAML language host (pulumi-language-yaml) the YAML e2e test runs programs
# with, the same way scripts/toolchain.sh builds the CLI: from its Go module in a scratch module,
# against the CLI's own pkg/sdk versions (so Go's build cache is shared), cached outside the repo.
#
#   bash scripts/yaml-host.sh     -> prints the bin dir holding pulumi-language-yaml
#
# v1.38.3 is the host Pulumi's v3.259 release archives bundle; v1.25.0 no longer compiles against
# pkg/v3 v3.259.0 (plugin.NewContextWithRoot and schema.NewPluginLoader changed).
set -euo pipefail
# shellcheck source=scripts/toolchain.sh
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"

CCM_YAML_HOST_VERSION="${CCM_YAML_HOST_VERSION:-v1.38.3}"

# The host's own part of the build, in the scratch module (ccm_in_pulumi_module), built to $1.
ccm_compile_yaml_host() {
  # The package path itself, not only the module: that adds the go.sum entries of its imports.
  go get "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@$CCM_YAML_HOST_VERSION" >&2
  CGO_ENABLED=0 nice -n 19 go build -trimpath -tags osusergo,grpcnotrace -ldflags "-s -w" \
    -o "$1" github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml
}

# Builds the host against pulumi's modules at tag $1 (the CLI's own, e.g. v3.259.0) into the bin dir $2.
ccm_build_yaml_host() {
  local tag="$1" dest="$2"
  local work="$CCM_CACHE_DIR/pulumi-language-yaml/.build-$CCM_YAML_HOST_VERSION"
  ccm_log "building pulumi-language-yaml $CCM_YAML_HOST_VERSION against pulumi $tag (first time only; takes minutes)"
  local start=$SECONDS
  ccm_in_pulumi_module "$work" example.invalid/yaml-host-build "$tag" \
    ccm_compile_yaml_host "$work/bin/pulumi-language-yaml" ||
    ccm_die "building pulumi-language-yaml $CCM_YAML_HOST_VERSION failed (see the go output above)"
  ccm_install_build "$work/bin" "$dest"
  rm -rf "$work"
  ccm_log "built pulumi-language-yaml in $((SECONDS - start)) s -> $dest"
}

# Prints a bin dir holding pulumi-language-yaml; one on PATH is used as it is.
ccm_ensure_yaml_host() {
  local on_path
  on_path="$(command -v pulumi-language-yaml || true)"
  if [[ -n "$on_path" ]]; then
    dirname "$on_path"
    return
  fi
  local dest="$CCM_CACHE_DIR/pulumi-language-yaml/$CCM_YAML_HOST_VERSION/bin"
  if [[ -x "$dest/pulumi-language-yaml" ]]; then
    echo "$dest"
    return
  fi
  ccm_go_is_new_enough || ccm_die "pulumi-language-yaml is needed: put it on PATH, or install Go >= 1.25 to build it"
  mkdir -p "$CCM_CACHE_DIR/pulumi-language-yaml"
  exec 8>"$CCM_CACHE_DIR/pulumi-language-yaml/.lock"
  flock 8
  [[ -x "$dest/pulumi-language-yaml" ]] || ccm_build_yaml_host "v$1" "$dest"
  exec 8>&-
  echo "$dest"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  node_bin="$(ccm_ensure_node)"
  ccm_ensure_yaml_host "$(ccm_pulumi_version "$node_bin")"
fi
