#!/usr/bin/env bash
# `make bench-households`: installs sqlite3 if it is missing (the baseline), builds
# bench-households in release (in its own scratch path, so it does not wait for or disturb
# the debug builds in .build), then runs it. Needs neither the broker nor the SMTP sink.
#
#   scripts/bench-households.sh [bench-households options, e.g. --scale small --keep]
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$ROOT"

if ! command -v sqlite3 >/dev/null 2>&1; then
    DEPS_PACKAGES=sqlite3 scripts/install-deps.sh
fi

BUILD=(swift build -c release --scratch-path "$ROOT/.build-release")
"${BUILD[@]}" --product bench-households
"$("${BUILD[@]}" --show-bin-path)/bench-households" "$@"
