#!/usr/bin/env bash
# `npm test`: from a fresh clone, installs what the tests need and runs all three levels
# (unit, integration in a real VS Code, browser check of the packaged .vsix).
# Exits non-zero on the first failing level.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi
# The real-VS-Code levels need code-server (offline VS Code) and Debian's chromium.
bash scripts/install-code-server.sh

echo "== build"
node scripts/build.mjs
npx tsc -p .

echo "== lint, per-environment type checks, format"
npx eslint .
npm run --silent typecheck
npx prettier --check .

echo "== 1/3 unit tests (src/core, CLI) and the hostile-input suite"
npx mocha 'out/test/unit/**/*.test.js' 'out/test/hostile/**/*.test.js'

echo "== npm package: the packed tarball installed offline runs as npx green-ai"
node scripts/test-pack.mjs

echo "== package (.vsix)"
npm run --silent package >/dev/null
ls -l green-ai.vsix | awk '{ printf "green-ai.vsix: %.0f KB\n", $5 / 1024 }'

echo "== 2/3 integration tests in a real VS Code extension host"
node scripts/run-integration.mjs

echo "== 3/3 browser check of the packaged extension (screenshots in test-results/)"
node scripts/run-e2e.mjs
