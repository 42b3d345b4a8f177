#!/usr/bin/env bash
# `make bench-storm`: release build, then bench-storm (which starts intake and outage itself,
# on their own vhost). Run under scripts/with-broker.sh, which provides the broker.
#
#   scripts/with-broker.sh scripts/bench-storm.sh [bench-storm options, e.g. --reports 5000]
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$ROOT"

swift build -c release
"$(swift build -c release --show-bin-path)/bench-storm" "$@"
