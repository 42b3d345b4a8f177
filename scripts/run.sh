#!/usr/bin/env bash
# `make run`: the whole platform on this machine.
#   system packages -> swift build -> local RabbitMQ, staff directory (scripts/directory.sh),
#   customer-care mailbox (scripts/mailbox.sh), SMTP server and SMS gateway (loopback
#   stand-ins, see scripts/sink.sh) -> every service that is built,
# each with its own HTTP port, its output prefixed with its name (and appended, as the
# service wrote it, to var/log/<service>.log for scripts/logs.sh). Ctrl-C (SIGINT)
# or SIGTERM stops the services gracefully (SIGTERM, wait, then SIGKILL), then the
# sinks, the mailbox, the directory and the broker (each if this script started it). While no
# service is built yet, it keeps the broker (and its management UI) up until Ctrl-C.
#
# Settings (environment): BROKER_* as in scripts/broker.sh, DIRECTORY_* as in
# scripts/directory.sh, MAILBOX_* as in scripts/mailbox.sh, RUN_STOP_TIMEOUT
# (seconds a service gets to stop, 15), RUN_SKIP_BUILD=1 (do not run swift build).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$ROOT"

SERVICES=(intake crm metering households outage notification signin)
declare -A HTTP_PORTS=([intake]=8080 [crm]=8081 [metering]=8082 [households]=8083 [outage]=8084 [notification]=8085 [signin]=8087)

BROKER_PORT=${BROKER_PORT:-5672}
BROKER_MANAGEMENT_PORT=${BROKER_MANAGEMENT_PORT:-15672}
BROKER_USER=${BROKER_USER:-evn}
BROKER_PASSWORD=${BROKER_PASSWORD:-evn}
BROKER_VHOST=${BROKER_VHOST:-evn}
export BROKER_PORT BROKER_MANAGEMENT_PORT BROKER_USER BROKER_PASSWORD BROKER_VHOST
RUN_STOP_TIMEOUT=${RUN_STOP_TIMEOUT:-15}

say() { printf 'run: %s\n' "$*" >&2; }

started_broker=0
started_directory=0
started_mailbox=0
started_sinks=()
declare -A PIDS=() # service name -> pid (of the service itself)
stopping=0

pid_alive() {
    local stat
    [[ -n "${1:-}" ]] && stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    stat=${stat##*) }
    [[ "${stat:0:1}" != Z ]]
}

# shellcheck disable=SC2317 # called from cleanup (a trap)
stop_services() {
    local name pid i alive
    ((${#PIDS[@]})) || return 0
    say "stopping services: ${!PIDS[*]}"
    for name in "${!PIDS[@]}"; do
        kill -TERM "${PIDS[$name]}" 2>/dev/null || true
    done
    for ((i = 0; i < RUN_STOP_TIMEOUT * 10; i++)); do
        alive=0
        for pid in "${PIDS[@]}"; do
            if pid_alive "$pid"; then alive=1; fi
        done
        ((alive)) || break
        sleep 0.1
    done
    for name in "${!PIDS[@]}"; do
        pid=${PIDS[$name]}
        if pid_alive "$pid"; then
            say "$name did not stop within ${RUN_STOP_TIMEOUT}s: SIGKILL"
            kill -KILL "$pid" 2>/dev/null || true
        fi
    done
    wait 2>/dev/null || true # reap services and their output prefixers
    PIDS=()
}

# shellcheck disable=SC2317 # called from a trap
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    stop_services
    for sink in "${started_sinks[@]}"; do scripts/sink.sh "$sink" stop || true; done
    if ((started_directory)); then scripts/directory.sh stop || true; fi
    if ((started_mailbox)); then scripts/mailbox.sh stop || true; fi
    if ((started_broker)); then
        scripts/broker.sh stop || true
    else
        say "the broker was already running before 'make run': left running (scripts/broker.sh stop)"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'stopping=1' INT TERM

scripts/install-deps.sh

if [[ "${RUN_SKIP_BUILD:-0}" != 1 ]]; then
    say "swift build"
    swift build
fi
BIN=$(swift build --show-bin-path)

if ! scripts/broker.sh status >/dev/null 2>&1; then
    started_broker=1
fi
scripts/broker.sh start

if ! scripts/directory.sh status >/dev/null 2>&1; then
    started_directory=1
fi
scripts/directory.sh start

if ! scripts/mailbox.sh status >/dev/null 2>&1; then
    started_mailbox=1
fi
scripts/mailbox.sh start

# The notification service's development settings: the loopback SMS gateway and SMTP server.
export SMS_GATEWAY_API_KEY=${SMS_GATEWAY_API_KEY:-dev-api-key}
export SMS_GATEWAY_SECRET_KEY=${SMS_GATEWAY_SECRET_KEY:-dev-secret-key}
export SMS_GATEWAY_URL=${SMS_GATEWAY_URL:-http://127.0.0.1:${SMS_PORT:-8086}/sms}
export SMTP_HOST=127.0.0.1 SMTP_PORT=${SMTP_PORT:-2525}
for sink in smtp sms; do
    if ! scripts/sink.sh "$sink" status >/dev/null 2>&1; then
        started_sinks+=("$sink")
    fi
    scripts/sink.sh "$sink" start
done

export AMQP_URL="amqp://$BROKER_USER:$BROKER_PASSWORD@127.0.0.1:$BROKER_PORT/$BROKER_VHOST"
# What one service alone is given: the staff sign-in (and crm, checking a ticket's officer)
# binds to the directory started above (in development the sign-in signs with the development key, whose public half every service trusts);
# intake files the mail of the mailbox started above, looking every 5 seconds.
declare -A SERVICE_ENV=([signin]="STAFF_DIRECTORY_URL=ldap://127.0.0.1:${DIRECTORY_PORT:-3389}"
    [crm]="STAFF_DIRECTORY_URL=ldap://127.0.0.1:${DIRECTORY_PORT:-3389}"
    [intake]="MAILBOX_URL=imap://127.0.0.1:${MAILBOX_IMAP_PORT:-1143}/INBOX MAILBOX_USERNAME=cskh@evn.local MAILBOX_POLL_INTERVAL=5")
# A developer's machine: the services run on the public development secrets.
export EVN_ENV=development
export DATA_DIR="$ROOT/var/data"
export LOG_FORMAT=logfmt
LOG_DIR="$ROOT/var/log"
mkdir -p "$DATA_DIR" "$LOG_DIR"

width=0
for name in "${SERVICES[@]}"; do ((${#name} > width)) && width=${#name}; done

missing=()
for name in "${SERVICES[@]}"; do
    exe="$BIN/$name"
    if [[ ! -x "$exe" ]]; then
        missing+=("$name")
        continue
    fi
    prefix=$(printf "%-${width}s | " "$name")
    # setsid: the terminal's Ctrl-C reaches only this script, which then sends
    # each service exactly one SIGTERM. The prefixer ignores INT/TERM so that it
    # keeps printing the services' shutdown logs; it ends when the service does. tee
    # keeps the service's own lines in var/log/<service>.log (`make logs`).
    # shellcheck disable=SC2086 # SERVICE_ENV holds NAME=value words for env
    HTTP_PORT=${HTTP_PORTS[$name]} setsid env ${SERVICE_ENV[$name]:-} "$exe" \
        > >(trap '' INT TERM; tee -a "$LOG_DIR/$name.log" | sed -u "s/^/$prefix/") 2>&1 </dev/null &
    PIDS[$name]=$!
    say "started $name (pid ${PIDS[$name]}, http://127.0.0.1:${HTTP_PORTS[$name]})"
done

if ((${#missing[@]})); then
    say "not built yet (no executable in $BIN): ${missing[*]}"
fi
say "broker: amqp://$BROKER_USER:***@127.0.0.1:$BROKER_PORT/$BROKER_VHOST, management UI http://127.0.0.1:$BROKER_MANAGEMENT_PORT ($BROKER_USER/***)"
say "staff directory: ldap://127.0.0.1:${DIRECTORY_PORT:-3389} (people and their development passwords: deploy/directory/staff.ldif)"
say "customer-care mailbox: imap://127.0.0.1:${MAILBOX_IMAP_PORT:-1143} (cskh@evn.local); deliver a mail: swaks --server 127.0.0.1 --port ${MAILBOX_LMTP_PORT:-2424} --protocol LMTP --to cskh@evn.local"
say "staff sign-in: http://localhost:${HTTP_PORTS[signin]}/dang-nhap"
say "SMS sent to customers: var/sms/messages.jsonl; e-mail: var/smtp/mail/*.eml"
say "data in $DATA_DIR, logs in $LOG_DIR (make logs); press Ctrl-C to stop everything"

# Keep running until Ctrl-C / SIGTERM. A service that exits on its own is
# reported; the others keep running.
while ((!stopping)); do
    sleep 1 &
    wait $! 2>/dev/null || true
    for name in "${!PIDS[@]}"; do
        pid=${PIDS[$name]}
        if ! pid_alive "$pid"; then
            rc=0
            wait "$pid" 2>/dev/null || rc=$?
            say "$name exited (status $rc)"
            unset "PIDS[$name]"
        fi
    done
done
say "stopping"
exit 0
