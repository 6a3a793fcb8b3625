#!/usr/bin/env bash
# Builds the generated Node.js SDK (sdk/nodejs) the way it is published: compiled by tsc with its own
# tsconfig.json, its package.json and README beside the JavaScript (the package root is the build
# output, as in Pulumi's own provider SDKs). Cached outside the repository, keyed by a hash of
# sdk/nodejs and the TypeScript version; never writes into the checkout.
#
#   bash scripts/nodejs-sdk.sh     -> prints the package directory (package.json, index.js, *.d.ts)
set -euo pipefail
# shellcheck source=scripts/toolchain.sh
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"

node_bin="$(ccm_ensure_node)"
tsc="$CCM_REPO_ROOT/node_modules/typescript/bin/tsc"
[[ -f "$tsc" ]] || ccm_die "TypeScript is missing: run npm ci first"
ts_version="$("$node_bin/node" -p "require('$CCM_REPO_ROOT/node_modules/typescript/package.json').version")"
sdk_hash="$(ccm_tree_hash "$CCM_REPO_ROOT/sdk/nodejs")"
dest="$CCM_CACHE_DIR/nodejs-sdk/sdk-$sdk_hash-ts-$ts_version"

# Compiled where the sources are (so @pulumi/pulumi and @types/node resolve from the checkout's
# node_modules), written to the cache.
build_sdk() {
  rm -rf "$dest"
  "$node_bin/node" "$tsc" -p "$CCM_REPO_ROOT/sdk/nodejs" --outDir "$dest" >&2 ||
    ccm_die "the Node.js SDK does not compile"
  cp "$CCM_REPO_ROOT/sdk/nodejs/package.json" "$CCM_REPO_ROOT/sdk/nodejs/README.md" "$dest/"
  ccm_log "built the Node.js SDK -> $dest"
}

ccm_make_once nodejs-sdk "$dest/.ready" build_sdk
echo "$dest"
