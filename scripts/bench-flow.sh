#!/usr/bin/env bash
# `make bench-flow`: release build of every service, the loopback SMTP server, then
# bench-flow (which starts the services itself, on their own vhost). Run under
# scripts/with-broker.sh, which provides the broker. Stops the SMTP server if it started it.
#
#   scripts/with-broker.sh scripts/bench-flow.sh [bench-flow options, e.g. --requests 500]
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$ROOT"

started_smtp=0
# shellcheck disable=SC2317 # called from a trap
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if ((started_smtp)); then scripts/sink.sh smtp stop || true; fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

swift build -c release
if ! scripts/sink.sh smtp status >/dev/null 2>&1; then
    started_smtp=1
fi
scripts/sink.sh smtp start
export SMTP_HOST=127.0.0.1 SMTP_PORT=${SMTP_PORT:-2525} SMTP_MAIL_DIR="$ROOT/var/smtp/mail"
"$(swift build -c release --show-bin-path)/bench-flow" "$@"
