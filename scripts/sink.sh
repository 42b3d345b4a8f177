#!/usr/bin/env bash
# The loopback stand-ins for the world's edges, for `make run` and the tests:
#
#   smtp  a real SMTP server (Debian's python3-aiosmtpd via scripts/smtp_sink.py); each
#         message becomes var/smtp/mail/<time>-<seq>.eml (envelope in X-Envelope-From /
#         X-Envelope-To headers). SMTP_PORT on 127.0.0.1 (2525).
#   sms   an SMS gateway speaking the brandname gateway's JSON API (scripts/sms_sink.py,
#         Python's standard library only); each accepted SMS is one JSON line in
#         var/sms/messages.jsonl. SMS_PORT on 127.0.0.1 (8086), credentials SMS_GATEWAY_API_KEY /
#         SMS_GATEWAY_SECRET_KEY (the notification service's development defaults).
#
#   scripts/sink.sh smtp|sms start | stop | status | clear (delete what was received)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
KIND=${1:-}
shift || true
# Debian's interpreter: `python3` on PATH may be another build without aiosmtpd.
PYTHON=/usr/bin/python3

case "$KIND" in
smtp)
    BASE="$ROOT/var/smtp"
    STORE="$BASE/mail"
    PORT=${SMTP_PORT:-2525}
    SCRIPT=smtp_sink.py
    ARGS=(--host 127.0.0.1 --port "$PORT" --dir "$STORE")
    WHAT="mail in $STORE"
    ;;
sms)
    BASE="$ROOT/var/sms"
    STORE="$BASE"
    PORT=${SMS_PORT:-8086}
    SCRIPT=sms_sink.py
    ARGS=(--host 127.0.0.1 --port "$PORT" --file "$BASE/messages.jsonl"
        --api-key "${SMS_GATEWAY_API_KEY:-dev-api-key}" --secret-key "${SMS_GATEWAY_SECRET_KEY:-dev-secret-key}")
    WHAT="messages in $BASE/messages.jsonl"
    ;;
*)
    echo "usage: $0 smtp|sms start|stop|status|clear" >&2
    exit 2
    ;;
esac
PID_FILE="$BASE/$KIND.pid"
LOG_FILE="$BASE/$KIND.log"

log() { printf '%s: %s\n' "$KIND" "$*" >&2; }
die() { log "$*"; exit 1; }

pid_alive() {
    local stat
    [[ -n "${1:-}" ]] && stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    stat=${stat##*) }
    [[ "${stat:0:1}" != Z ]]
}

# The pid in the pid file, if that process is alive and is our sink.
running_pid() {
    local pid
    [[ -r "$PID_FILE" ]] || return 1
    pid=$(tr -dc '0-9' <"$PID_FILE")
    pid_alive "$pid" && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -Fq "$SCRIPT" && echo "$pid"
}

sink_ready() { # smtp: reads the 220 greeting; sms: the HTTP server answers
    local line
    { exec 3<>"/dev/tcp/127.0.0.1/$PORT"; } 2>/dev/null || return 1
    if [[ "$KIND" == smtp ]]; then
        IFS= read -r -t 2 line <&3 || true
        printf 'QUIT\r\n' >&3 2>/dev/null || true
    else
        printf 'GET /healthz HTTP/1.0\r\n\r\n' >&3 2>/dev/null || true
        IFS= read -r -t 2 line <&3 || true
        line=${line#HTTP/1.? }
    fi
    exec 3<&- 3>&-
    [[ "$line" == 220* || "$line" == 200* ]]
}

cmd_start() {
    local pid i
    if pid=$(running_pid); then
        log "already running (pid $pid) on 127.0.0.1:$PORT, $WHAT"
        return 0
    fi
    rm -f "$PID_FILE"
    if [[ "$KIND" == smtp ]]; then
        "$PYTHON" -c 'import aiosmtpd' 2>/dev/null || die "python3-aiosmtpd is not installed (run scripts/install-deps.sh)"
    fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
        die "port 127.0.0.1:$PORT is already in use; set ${KIND^^}_PORT"
    fi
    mkdir -p "$STORE"
    echo "===== $(date '+%F %T') start =====" >>"$LOG_FILE"
    setsid "$PYTHON" -u "$ROOT/scripts/$SCRIPT" "${ARGS[@]}" </dev/null >>"$LOG_FILE" 2>&1 &
    pid=$!
    echo "$pid" >"$PID_FILE"
    for ((i = 0; i < 100; i++)); do
        if sink_ready; then
            log "running (pid $pid) on 127.0.0.1:$PORT, $WHAT"
            return 0
        fi
        if ! pid_alive "$pid"; then
            tail -n 20 "$LOG_FILE" >&2
            rm -f "$PID_FILE"
            die "the $KIND sink exited during start-up"
        fi
        sleep 0.1
    done
    tail -n 20 "$LOG_FILE" >&2
    cmd_stop
    die "the $KIND sink did not answer on 127.0.0.1:$PORT within 10s"
}

cmd_stop() {
    local pid i
    if pid=$(running_pid); then
        kill -TERM "$pid" 2>/dev/null || true
        for ((i = 0; i < 50; i++)); do
            pid_alive "$pid" || break
            sleep 0.1
        done
        if pid_alive "$pid"; then
            log "killing $pid"
            kill -KILL "$pid" 2>/dev/null || true
        fi
        log "stopped"
    else
        log "not running"
    fi
    rm -f "$PID_FILE"
}

cmd_status() {
    local pid
    if pid=$(running_pid); then
        echo "$KIND: running (pid $pid) on 127.0.0.1:$PORT, $WHAT"
        return 0
    fi
    echo "$KIND: not running"
    return 3
}

case "${1:-}" in
start) cmd_start ;;
stop) cmd_stop ;;
status) cmd_status ;;
clear) # find, not a glob: a benchmark leaves more files than one command line holds
    find "$STORE" -maxdepth 1 -name '*.eml' -delete 2>/dev/null || true
    rm -f "$BASE/messages.jsonl"
    ;;
*)
    echo "usage: $0 $KIND start|stop|status|clear" >&2
    exit 2
    ;;
esac
