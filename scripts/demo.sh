#!/usr/bin/env bash
# `npm run demo`: installs what it needs, builds, packages, and opens the examples/
# workspace in a VS Code with the extension installed: desktop `code` when on PATH,
# otherwise the offline code-server on http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

[ -d node_modules ] || npm ci --no-audit --no-fund
npm run --silent package >/dev/null
echo "Built green-ai.vsix ($(du -k green-ai.vsix | cut -f1) KB)"

if command -v code >/dev/null 2>&1 && [ -z "${GREENAI_DEMO_CODE_SERVER:-}" ]; then
  code --install-extension "$ROOT/green-ai.vsix" --force
  code "$ROOT/examples" "$ROOT/examples/hf-finetune/train_classifier.py"
  echo "Opened examples/ in VS Code. Look at line 79 of train_classifier.py for the inlay hint,"
  echo "run 'Green AI: Estimate This Run' from the command palette, and open the Green AI view in the activity bar."
  exit 0
fi

bash scripts/install-code-server.sh
PORT=${GREENAI_DEMO_PORT:-8080}
DEMO=.vscode-test/demo
mkdir -p "$DEMO/extensions" "$DEMO/user-data/User"
[ -f "$DEMO/user-data/User/settings.json" ] || cat > "$DEMO/user-data/User/settings.json" <<'JSON'
{ "workbench.startupEditor": "none", "telemetry.telemetryLevel": "off", "security.workspace.trust.enabled": false, "update.mode": "none" }
JSON
CS=.vscode-test/code-server/node_modules/.bin/code-server
"$CS" --extensions-dir "$DEMO/extensions" --install-extension "$ROOT/green-ai.vsix" --force >/dev/null
echo
echo "Green AI demo: open http://127.0.0.1:$PORT/?folder=$ROOT/examples in a browser."
echo "  - open hf-finetune/train_classifier.py: inlay hints on lines 66 and 79, a CodeLens above TrainingArguments"
echo "  - F1 → 'Green AI: Estimate This Run': the panel with the breakdown, assumptions and suggestions"
echo "  - the leaf icon in the activity bar: the Workspace Report, every run sorted by CO2e"
echo "Press Ctrl+C to stop."
exec "$CS" --auth none --bind-addr "127.0.0.1:$PORT" --disable-telemetry --disable-update-check --disable-workspace-trust \
  --extensions-dir "$DEMO/extensions" --user-data-dir "$DEMO/user-data" "$ROOT/examples"
