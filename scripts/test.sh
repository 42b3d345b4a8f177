#!/usr/bin/env bash
# `make test`: system packages, the deployment checks (scripts/check-deploy.sh), a local
# RabbitMQ and SMTP sink, then `swift test`, the browser tests (scripts/browser-test.sh), the
# API fuzzing (scripts/api-fuzz.sh) and every benchmark at its smoke size (scripts/bench-smoke.sh).
# Stops what it started (broker, SMTP sink) even when the tests fail or are
# interrupted, and exits with swift test's status. A broker or sink that was
# already running is used as is and left running.
#
#   scripts/test.sh [swift test arguments...]     e.g. scripts/test.sh --filter Messaging
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$ROOT"

BROKER_PORT=${BROKER_PORT:-5672}
BROKER_TLS_PORT=${BROKER_TLS_PORT:-$((BROKER_PORT - 1))}
BROKER_MANAGEMENT_PORT=${BROKER_MANAGEMENT_PORT:-15672}
BROKER_USER=${BROKER_USER:-evn}
BROKER_PASSWORD=${BROKER_PASSWORD:-evn}
BROKER_VHOST=${BROKER_VHOST:-evn}
SMTP_PORT=${SMTP_PORT:-2525}
export BROKER_PORT BROKER_TLS_PORT BROKER_MANAGEMENT_PORT BROKER_USER BROKER_PASSWORD BROKER_VHOST SMTP_PORT

started_broker=0
started_smtp=0
test_pid=""

# shellcheck disable=SC2317 # called from cleanup (a trap)
descendants() { # pid: all its descendants, children first
    local child
    for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do
        echo "$child"
        descendants "$child"
    done
}

# shellcheck disable=SC2317 # called from a trap
cleanup() {
    local rc=$? pids
    trap - EXIT INT TERM
    if [[ -n "$test_pid" ]] && kill -0 "$test_pid" 2>/dev/null; then
        # swift test and the test processes it runs (they would keep running).
        pids=$(descendants "$test_pid")
        # shellcheck disable=SC2086
        kill -TERM "$test_pid" $pids 2>/dev/null || true
        wait "$test_pid" 2>/dev/null || true
    fi
    if ((started_smtp)); then scripts/sink.sh smtp stop || true; fi
    if ((started_broker)); then scripts/broker.sh stop || true; fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

scripts/install-deps.sh

# The deployment files against the code first (seconds, no broker): a drift fails fast,
# before the build. SKIP_CHECK_DEPLOY=1 skips it.
if [[ "${SKIP_CHECK_DEPLOY:-0}" != 1 ]]; then
    scripts/check-deploy.sh
fi

if ! scripts/broker.sh status >/dev/null 2>&1; then
    started_broker=1
fi
scripts/broker.sh start

if ! scripts/sink.sh smtp status >/dev/null 2>&1; then
    started_smtp=1
fi
scripts/sink.sh smtp start
# Tests find their mail by reading the sink's folder: start from an empty one (a benchmark
# run leaves thousands of messages there, and every look would read them all).
scripts/sink.sh smtp clear

export AMQP_URL="amqp://$BROKER_USER:$BROKER_PASSWORD@127.0.0.1:$BROKER_PORT/$BROKER_VHOST"
# The broker's AMQPS listener and the CA its certificate chains to (scripts/broker.sh makes both).
export BROKER_TLS_URL="amqps://$BROKER_USER:$BROKER_PASSWORD@localhost:$BROKER_TLS_PORT/$BROKER_VHOST"
export BROKER_CA_FILE="$ROOT/var/rabbitmq/tls/ca.pem"
export BROKER_MANAGEMENT_URL="http://$BROKER_USER:$BROKER_PASSWORD@127.0.0.1:$BROKER_MANAGEMENT_PORT"
export BROKER_CTL="$ROOT/scripts/broker.sh ctl"
# Tests (and the services they start) run on the public development secrets.
export EVN_ENV=development
export SMTP_HOST=127.0.0.1
export SMTP_MAIL_DIR="$ROOT/var/smtp/mail"

echo "test: swift test $* (AMQP_URL=amqp://$BROKER_USER:***@127.0.0.1:$BROKER_PORT/$BROKER_VHOST, SMTP 127.0.0.1:$SMTP_PORT)" >&2
# Run after the others, each phase alone: the integration scenarios start the services
# as processes (on two cores they would starve beside the unit tests' load), and the
# suites that restart the whole broker would cut every other test's connections.
INTEGRATION_SUITES=IntegrationTests
BROKER_RESTART_SUITES=BrokerRestartTests

# Each phase's output also goes to var/test-logs/PHASE.log, so that the end of the run can
# name the phases that failed and their failing tests: a CI log is often read from its tail.
LOG_DIR="$ROOT/var/test-logs"
rm -rf "$LOG_DIR"
mkdir -p "$LOG_DIR"
failed_phases=()

run_phase() { # name command...: runs the command with its output copied to the phase's log
    local name=$1 rc=0
    shift
    # In the background + wait, so that a SIGTERM to this script is handled at once
    # (cleanup stops the phase, then the broker and the SMTP sink).
    "$@" </dev/null > >(tee -a "$LOG_DIR/$name.log") 2>&1 &
    test_pid=$!
    wait "$test_pid" || rc=$?
    test_pid=""
    if ((rc != 0)); then failed_phases+=("$name"); fi
    return "$rc"
}

summarise_failures() { # the failed phases, each with the lines that name what failed
    local name
    ((${#failed_phases[@]} > 0)) || return 0
    echo "test: failed phases: ${failed_phases[*]}" >&2
    for name in "${failed_phases[@]}"; do
        echo "test: --- $name: what failed (full output in var/test-logs/$name.log) ---" >&2
        grep -E '✘|error:|[Ff]ailed|FAIL|Fatal|fatal error|Crash|signal [0-9]+' "$LOG_DIR/$name.log" \
            | grep -v -E '✔|passed after' | head -n 60 >&2 || true
    done
}

status=0
if (($# > 0)); then
    run_phase swift-test swift test "$@" || status=$?
else
    run_phase unit swift test --skip "$INTEGRATION_SUITES" --skip "$BROKER_RESTART_SUITES" || status=$?
    run_phase integration swift test --skip-build --filter "$INTEGRATION_SUITES" || status=$((status ? status : $?))
    run_phase broker-restart swift test --skip-build --filter "$BROKER_RESTART_SUITES" || status=$((status ? status : $?))
    # The pages in a real browser, against the services just built (screenshots in artifacts/browser/).
    run_phase browser scripts/browser-test.sh || status=$((status ? status : $?))
    # intake's API fuzzed against its OpenAPI document (schemathesis).
    run_phase api-fuzz scripts/api-fuzz.sh || status=$((status ? status : $?))
    # Every benchmark at a small size on the debug build, checking its own results.
    run_phase bench-smoke scripts/bench-smoke.sh || status=$((status ? status : $?))
fi
summarise_failures
echo "test: tests exited with status $status" >&2
exit "$status"
