#!/usr/bin/env bash
# Generates the Go, Python and Node.js SDKs of schema.json into sdk/ (or $1) with scripts/gen-sdk,
# built like the CLI (scripts/toolchain.sh): in a scratch module against pkg/v3 at the CLI's
# version, cached outside the repository. Then byte-compiles the Python SDK as a quick syntax check
# (scripts/python-env.sh pip-installs it beside `pulumi` from PyPI; the languages tests run it).
#
#   bash scripts/gen-sdk.sh [out dir]
#
# CCM_SCHEMA names another schema (a release's, scripts/release.mjs); schema.json by default.
set -euo pipefail
# shellcheck source=scripts/toolchain.sh
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"

out="${1:-$CCM_REPO_ROOT/sdk}"
schema="${CCM_SCHEMA:-$CCM_REPO_ROOT/schema.json}"
node_bin="$(ccm_ensure_node)"
version="v$(ccm_pulumi_version "$node_bin")"
tool="$CCM_CACHE_DIR/gen-sdk/$version/$(sha256sum "$CCM_REPO_ROOT/scripts/gen-sdk/main.go" | cut -c1-12)/gen-sdk"

if [[ ! -x "$tool" ]]; then
  ccm_go_is_new_enough || ccm_die "gen-sdk needs Go >= 1.25"
  work="$(dirname "$tool")/.build"
  rm -rf "$work"
  mkdir -p "$work"
  ccm_log "building gen-sdk against pulumi $version (first time only)"
  (
    cd "$work"
    cp "$CCM_REPO_ROOT/scripts/gen-sdk/main.go" .
    go mod init example.invalid/ccm-gen-sdk >/dev/null 2>&1
    go mod edit -replace github.com/atotto/clipboard=github.com/tgummerer/clipboard@v0.0.0-20241001131231-d02d263e614e
    go get "github.com/pulumi/pulumi/pkg/v3@$version" "github.com/pulumi/pulumi/sdk/v3@$version" >&2
    go mod tidy >&2
    CGO_ENABLED=0 nice -n 19 go build -trimpath -tags osusergo,grpcnotrace -o "$tool" .
  ) || ccm_die "building gen-sdk failed"
  rm -rf "$work"
fi

rm -rf "$out/go" "$out/python" "$out/nodejs"
"$tool" "$schema" "$out" go python nodejs
# The Go SDK as a module of its own, so a program can `replace` it onto this directory.
go_path="$(node -p 'require(process.argv[1]).language.go.importBasePath' "$(realpath "$schema")")"
cat >"$out/go/huaweicloudccm/go.mod" <<GOMOD
module $go_path

go 1.25.11

require github.com/pulumi/pulumi/sdk/v3 $version
GOMOD
# A quick syntax check; test/languages/python*.languages.test.ts pip-install and run it.
if command -v python3 >/dev/null; then
  PYTHONPYCACHEPREFIX="$(mktemp -d)" python3 -m compileall -q "$out/python" && ccm_log "python SDK byte-compiles"
fi
