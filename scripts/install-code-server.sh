#!/usr/bin/env bash
# Installs the offline VS Code (code-server 4.100.3 = VS Code 1.100.3) under .vscode-test/.
# Why code-server: @vscode/test-electron downloads VS Code from Microsoft, which these
# machines cannot reach; code-server ships the same workbench from the npm registry.
# Usage: install-code-server.sh [VERSION]; another version (4.90.0 = VS Code 1.90.0, the oldest
# that package.json's engines allows) goes to .vscode-test/code-server-VERSION.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=${1:-4.100.3}
PREFIX=.vscode-test/code-server
[ "$VERSION" = 4.100.3 ] || PREFIX=".vscode-test/code-server-$VERSION"
BIN="$PREFIX/node_modules/.bin/code-server"

if [ -x "$BIN" ] && "$BIN" --version 2>/dev/null | grep -q "^$VERSION"; then
  echo "code-server $VERSION already installed in $PREFIX"
  exit 0
fi

need_apt=()
command -v rg >/dev/null || need_apt+=(ripgrep)
command -v chromium >/dev/null || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "error: code-server needs Debian packages ${need_apt[*]}; run as root or install them" >&2
    exit 1
  fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}"
fi

# @vscode/ripgrep's postinstall downloads rg from GitHub; it looks in this cache first,
# so a tarball holding Debian's rg satisfies it offline. (1.15.11: VS Code 1.100; 1.15.9: VS Code 1.90.)
TMP="${TMPDIR:-/tmp}"
for RG_PACKAGE in 1.15.11 1.15.9; do
  CACHE="$TMP/vscode-ripgrep-cache-$RG_PACKAGE"
  TARBALL="$CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
  if [ ! -f "$TARBALL" ]; then
    mkdir -p "$CACHE"
    STAGE=$(mktemp -d)
    cp "$(command -v rg)" "$STAGE/rg"
    tar -czf "$TARBALL" -C "$STAGE" rg
    rm -rf "$STAGE"
  fi
done
# VS Code 1.90's kerberos module predates Node 20.20's const-qualified N-API finalizer type;
# -fpermissive turns that one mismatch back into a warning so it builds.
export CXXFLAGS="${CXXFLAGS:-} -fpermissive"

mkdir -p "$PREFIX"
# --unsafe-perm: code-server's postinstall checks for it when run as root.
# npm_config_yes: a postinstall runs `npx node-gyp`, which would otherwise stop at a prompt.
npm_config_yes=true npm install --no-save --no-audit --no-fund --prefix "$PREFIX" --unsafe-perm "code-server@$VERSION"
"$BIN" --version
