#!/usr/bin/env bash
# End-to-end test of `permcheck mcp` with the official MCP Python SDK (the `mcp` package from PyPI), installed into a
# throw-away virtual environment (.build-mcp-venv/, gitignored; reused while requirements.txt is unchanged).
# Usage: Tests/mcp/run.sh [PERMCHECK_BINARY]   (default: the debug build)
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="${1:-$(swift build --show-bin-path)/permcheck}"
[ -x "$bin" ] || { echo "no permcheck binary at '$bin'; build first"; exit 2; }
venv=.build-mcp-venv
if ! cmp -s Tests/mcp/requirements.txt "$venv/requirements.txt" 2>/dev/null; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r Tests/mcp/requirements.txt
  cp Tests/mcp/requirements.txt "$venv/requirements.txt"
fi
exec timeout 120 "$venv/bin/python" Tests/mcp/e2e.py "$bin"
