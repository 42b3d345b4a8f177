#!/usr/bin/env bash
# The browser tests (Tests/Browser): headless Chromium driven by Selenium against the built
# services on the running broker. Run by scripts/test.sh after the Swift tests; alone:
#   scripts/with-broker.sh scripts/browser-test.sh
# Needs Debian's chromium and chromium-driver (scripts/install-deps.sh) and a virtualenv with
# Selenium under var/ (made here). Screenshots land in artifacts/browser/ (ignored by git).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$ROOT"

VENV="$ROOT/var/browser-venv"
SELENIUM=selenium==4.27.1

if [[ ! -x "$VENV/bin/python" ]] || ! "$VENV/bin/python" -c "import selenium" 2>/dev/null; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "$SELENIUM"
fi
rm -rf artifacts/browser
SERVICE_BIN_DIR=${SERVICE_BIN_DIR:-$(swift build --show-bin-path)} "$VENV/bin/python" Tests/Browser/portal_flow.py
