#!/usr/bin/env bash
# Runs a command against the local broker: starts it if needed (and stops it
# afterwards in that case, even on failure or Ctrl-C), exports AMQP_URL and
# BROKER_MANAGEMENT_URL, and exits with the command's status.
#
#   scripts/with-broker.sh swift run -c release bench-messaging
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$ROOT"
(($#)) || { echo "usage: $0 COMMAND [ARGS...]" >&2; exit 2; }

BROKER_PORT=${BROKER_PORT:-5672}
BROKER_MANAGEMENT_PORT=${BROKER_MANAGEMENT_PORT:-15672}
BROKER_USER=${BROKER_USER:-evn}
BROKER_PASSWORD=${BROKER_PASSWORD:-evn}
BROKER_VHOST=${BROKER_VHOST:-evn}
export BROKER_PORT BROKER_MANAGEMENT_PORT BROKER_USER BROKER_PASSWORD BROKER_VHOST

started_broker=0
# shellcheck disable=SC2317 # called from a trap
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if ((started_broker)); then scripts/broker.sh stop || true; fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if ! scripts/broker.sh status >/dev/null 2>&1; then
    started_broker=1
fi
scripts/broker.sh start

export AMQP_URL="amqp://$BROKER_USER:$BROKER_PASSWORD@127.0.0.1:$BROKER_PORT/$BROKER_VHOST"
export BROKER_MANAGEMENT_URL="http://$BROKER_USER:$BROKER_PASSWORD@127.0.0.1:$BROKER_MANAGEMENT_PORT"
export BROKER_CTL="$ROOT/scripts/broker.sh ctl"
# The broker's VM, whose CPU time bench-flow and bench-storm count beside the services'.
BROKER_PID=$(scripts/broker.sh pid)
export BROKER_PID
# Benchmarks (and the services they start) run on the public development secrets.
export EVN_ENV=development

status=0
"$@" || status=$?
exit "$status"
